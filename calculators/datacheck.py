"""The data file's own rules, checked when it is loaded: a broken file never reaches a page.

- every offered protocol is ONE published chronic-pain regimen with the figures its shape needs;
  every other protocol says why it is not offered and which article to read instead;
- every bound a reader's input is held to has its reason, and a bound read from the clinic's
  schedule ("PHASE.low" or "PHASE.high") names a figure there;
- every reference id used anywhere names a reference, and every article a message points to
  is named in [scope];
- the schedule has words for each review it shows, and a whole number for its review interval;
- every side effect says whether a reader notices it, and gives a reference id (or "") for each
  part of its cells;
- every consideration (a contraindication, caution or interaction) is in a group of [groups], has
  rows with a source's words for each reference, and prints only the figures it names; every
  question for all readers has references (`_question_problems`);
- every language's words (`words/LANG.toml`, and the references' words: `citation`) have exactly
  the keys and types of the English ones, hold only text with the same numbers as the English
  text, and set nothing the numbers file sets (`words_problems`).
"""

import re

# What each shape of regimen needs: its dose unit, and the figures it is worked out from.
SHAPES = {
    "rate-per-kg": ("mg/kg/h", ("dose_max", "minutes", "caps", "sessions_count")),
    "daily-amount": ("mg a day", ("dose_min", "dose_max", "sessions_count")),
    "first-infusion": ("mg", ("dose", "minutes_min", "sessions_count")),
}
REVIEWS = ("first", "loading", "maintenance")  # the phases a review row may follow


def problems(parsed: dict) -> list[str]:
    """What is wrong with a parsed data file, one line each (empty when it is sound)."""
    found = []
    refs = parsed.get("references", {})
    scope = parsed.get("scope", {})

    def cited(where: str, ref_id: object) -> None:
        if ref_id not in refs:
            found.append(f"{where}: unknown reference {ref_id!r}")

    for pid, protocol in parsed.get("protocols", {}).items():
        where = f"protocols.{pid}"
        cited(where, protocol.get("reference"))
        if not isinstance(protocol.get("regimen"), bool):
            found.append(f"{where}: say whether it is one regimen (regimen = true or false)")
        if protocol.get("offered"):
            found += _offered_problems(where, protocol)
        elif "why_not_offered" not in protocol or protocol.get("read") not in scope.get("articles", {}):
            found.append(f"{where}: not offered, and no why_not_offered and read (an article "
                         "named in [scope]) say why and where to read about it")
    for fig_id, figure in parsed.get("figures", {}).items():
        cited(f"figures.{fig_id}", figure.get("reference"))
    schedule = parsed.get("schedule", {})
    for key in ("reference", "review_reference"):
        cited(f"schedule.{key}", schedule.get(key))
    for after in REVIEWS:
        if not schedule.get("reviews", {}).get(after):
            found.append(f"schedule.reviews: no words for the review after {after!r}")
    every = schedule.get("maintenance_review_every")
    if not (isinstance(every, int) and every >= 1):
        found.append("schedule.maintenance_review_every: a whole number of infusions, 1 or more")
    cited("devine", parsed.get("devine", {}).get("reference"))

    found += _question_problems(parsed, cited)
    limits = parsed.get("limits", {})
    for key in bounds(limits):
        whole, low, high = (limits.get(f"{key}_{end}") for end in ("reason", "low_reason", "high_reason"))
        if not (whole or (low and high)):
            found.append(f"limits.{key}: a bound without its reason ({key}_reason)")
        for end in limits[key]:
            if isinstance(end, str) and phase_figure(parsed, end) is None:
                found.append(f"limits.{key}: {end!r} is not PHASE.low or PHASE.high of a schedule phase")
        see = limits.get(f"{key}_low_see")
        if see is not None and see not in scope.get("articles", {}):
            found.append(f"limits.{key}_low_see: {see!r} is not an article named in [scope]")
    for key, ref_ids in limits.items():
        if key.endswith("_references"):
            for ref_id in ref_ids:
                cited(f"limits.{key}", ref_id)
            bound = key.removesuffix("_references")
            if key != "repeated_exposure_references" and not (
                    limits.get(f"{bound}_reason") and limits.get("repeated_exposure")):
                found.append(f"limits.{bound}: a limit on how often needs its reason "
                             f"({bound}_reason) and repeated_exposure")
    return found


_PRINTED = re.compile(r"\{([a-z0-9-]+)\}")


def _question_problems(parsed: dict, cited) -> list[str]:
    """The considerations and the questions for every reader (see [groups] in the data file)."""
    found = []
    groups = parsed.get("groups", {})
    known_figures = parsed.get("figures", {})
    for group in groups.get("order", []):
        if not isinstance(groups.get(group), str):
            found.append(f"groups.{group}: no heading in the words")

    def prints(where: str, entry: dict, words: list) -> None:
        named = entry.get("figures", [])
        found.extend(f"{where}.figures: {fig!r} is not in [figures]"
                     for fig in named if fig not in known_figures)
        found.extend(f"{where}: prints {{{fig}}}, not one of its figures"
                     for text in words for fig in _PRINTED.findall(str(text)) if fig not in named)

    for key, entry in parsed.get("considerations", {}).items():
        where = f"considerations.{key}"
        if entry.get("group") not in groups.get("order", []):
            found.append(f"{where}: group {entry.get('group')!r} is not in [groups] order")
        rows = entry.get("rows", [])
        if not rows:
            found.append(f"{where}: no rows for the article's table")
        for index, row in enumerate(rows):
            for ref_id in row.get("references", []) or [None]:
                cited(f"{where}.rows[{index}]", ref_id)
            if len(row.get("sources", [])) != len(row.get("references", [])):
                found.append(f"{where}.rows[{index}]: one source's words for each reference")
        for ref_id in entry.get("cites", []):
            cited(f"{where}.cites", ref_id)
        prints(where, entry, [entry.get(name, "") for name in ("tick", "topic", "question", "why")]
               + [row.get(name, "") for row in rows for name in ("condition", "means")])
    for key, entry in parsed.get("general", {}).items():
        where = f"general.{key}"
        for ref_id in entry.get("references", []) or [None]:
            cited(where, ref_id)
        prints(where, entry, [entry.get("question", ""), entry.get("why", "")])
    for key, entry in parsed.get("side_effects", {}).items():
        where = f"side_effects.{key}"
        if not isinstance(entry.get("noticed"), bool):
            found.append(f"{where}: say whether a reader notices it (noticed = true or false)")
        for cell in ("often", "know"):
            ref_ids = entry.get(f"{cell}_references", [])
            if len(entry.get(cell, [])) != len(ref_ids) or not ref_ids:
                found.append(f"{where}.{cell}: one reference id (or \"\") for each part")
            for ref_id in ref_ids:
                if ref_id:
                    cited(f"{where}.{cell}_references", ref_id)
        prints(where, entry, [entry.get(name, "") for name in ("condition", "short")]
               + entry.get("often", []) + entry.get("know", []))
    return found


def _offered_problems(where: str, protocol: dict) -> list[str]:
    """An offered protocol is one chronic-pain regimen with every figure its shape needs."""
    if protocol.get("regimen") is not True or protocol.get("use") != "chronic-pain":
        return [f"{where}: offered, but not one published chronic-pain regimen"]
    shape = SHAPES.get(protocol.get("shape"))
    if shape is None:
        return [f"{where}: offered without a shape the calculator knows ({', '.join(SHAPES)})"]
    unit, needs = shape
    found = [f"{where}: a {protocol['shape']} regimen needs {key}"
             for key in needs if key not in protocol]
    if protocol.get("dose_unit") != unit:
        found.append(f"{where}: a {protocol['shape']} regimen's dose_unit is {unit!r}")
    if any({"weight_above_kg", "weight_at_most_kg"} & set(cap) for cap in protocol.get("caps", ())):
        found.append(f"{where}: an offered regimen's cap applies at every weight")
    if protocol.get("dose_min", 0) > protocol.get("dose_max", float("inf")):
        found.append(f"{where}: dose_min is above dose_max")
    return found


def bounds(limits: dict) -> list[str]:
    """The keys of [limits] that are bounds ([low, high]), not their reasons or references."""
    return [key for key, value in limits.items()
            if isinstance(value, list) and not key.endswith("_references")]


def phase_figure(parsed: dict, name: str) -> int | None:
    """"maintenance.low" -> that phase's `low` in [[schedule.phases]]; None when there is none."""
    phase_name, _, end = name.partition(".")
    found = [phase.get(end) for phase in parsed.get("schedule", {}).get("phases", [])
             if phase.get("phase") == phase_name and end in ("low", "high")]
    return found[0] if found and isinstance(found[0], int) else None


# What is wrong with a language's words, by code (`words_faults`), in the words a problem gives.
WORDS_FAULTS = {
    "missing": "missing (the English words have it)",
    "extra": "not in the English words",
    "other-type": "not the same type as in the English words",
    "other-length": "not as many entries as in the English words",
    "not-text": "not text (numbers belong in the numbers file)",
    "other-numbers": "not the same numbers as the English words",
    "in-both": "set in both the numbers file and the words",
    "unaligned": "not as many entries as in the numbers file",
}


def words_problems(numbers: dict, english: dict, words: dict) -> list[str]:
    """What is wrong with one language's words, one line each (empty when they are sound)."""
    return [f"{where}: {WORDS_FAULTS[code]}"
            for where, code in words_faults(numbers, english, words)]


def words_faults(numbers: dict, english: dict, words: dict) -> list[tuple[str, str]]:
    """(where, code) for each fault of one language's words: they must fit the English words key
    for key, hold only text that prints the numbers the English text prints (a translation adds
    or drops none), and leave the numbers to the numbers file (the two are merged, so a key in
    both would hide one)."""
    not_text = [(where, "not-text") for where, value in _leaves(words)
                if not isinstance(value, str)]
    said = dict(_leaves(english))
    other_numbers = [(where, "other-numbers") for where, value in _leaves(words)
                     if isinstance(value, str) and isinstance(said.get(where), str)
                     and numbers_in(value) != numbers_in(said[where])]
    return _unlike(english, words, "") + not_text + other_numbers + _in_both(numbers, words, "")


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def numbers_in(text: str) -> set[str]:
    """The numbers a text prints ("2,342", "0.5"), its {placeholders} left out."""
    return set(_NUMBER.findall(_PRINTED.sub(" ", text)))


def _unlike(english: object, words: object, where: str) -> list[tuple[str, str]]:
    """Where `words` differs from `english` in its keys, types or lengths."""
    if type(words) is not type(english):
        return [(where, "other-type")]
    if isinstance(words, dict):
        return ([(_at(where, key), "missing") for key in english if key not in words]
                + [(_at(where, key), "extra") for key in words if key not in english]
                + [fault for key in english if key in words
                   for fault in _unlike(english[key], words[key], _at(where, key))])
    if isinstance(words, list):
        return _pairwise(_unlike, english, words, where, "other-length")
    return []


def _in_both(numbers: object, words: object, where: str) -> list[tuple[str, str]]:
    """Where the words set what the numbers file sets (tables meet key by key, lists of tables
    entry by entry)."""
    if isinstance(numbers, dict) and isinstance(words, dict):
        return [fault for key in words if key in numbers
                for fault in _in_both(numbers[key], words[key], _at(where, key))]
    if isinstance(numbers, list) and isinstance(words, list):
        return _pairwise(_in_both, numbers, words, where, "unaligned")
    return [(where, "in-both")]


def _pairwise(check, theirs: list, ours: list, where: str, fault: str) -> list[tuple[str, str]]:
    """`check` on two lists entry by entry; `fault` when they have not as many entries."""
    if len(ours) != len(theirs):
        return [(where, fault)]
    return [found for index, (their, our) in enumerate(zip(theirs, ours))
            for found in check(their, our, f"{where}[{index}]")]


def _leaves(value: object, where: str = "") -> list[tuple[str, object]]:
    """Every value inside tables and lists, with where it is ("protocols.x.notes[0]")."""
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in _leaves(item, _at(where, key))]
    if isinstance(value, list):
        return [leaf for index, item in enumerate(value)
                for leaf in _leaves(item, f"{where}[{index}]")]
    return [(where, value)]


def _at(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key
