"""The protocol data file and its words: read once, from inside the package (works from a wheel in
Pyodide).

The numbers, ids and citations are in `protocols.toml`; the words a reader sees beside them are in
`words/LANG.toml`, one file a language with the same tables and keys. The references are read the
same way: what their sources published from `content/references.json`, the site's words about
them in each language beside it (see `citation`). `load(lang)` merges them.
"""

import dataclasses
import functools
import importlib.resources
import json
import re

from calculators import citation, datacheck, messages
from calculators.formats import plain

FOLDER = importlib.resources.files("calculators") / "data"
DATA_FILE = "protocols.toml"
WORDS_FOLDER = "words"  # WORDS_FOLDER/LANG.toml: the texts beside the numbers, in one language
# The numbers and every language's words, parsed ({"numbers": ..., "words": {LANG: ...},
# "references": {LANG: ...}}), written into the wheel when it is built: one file, so the snapshot
# holds every language once it is read.
BUILT_FILE = "protocols.json"


def _per_language(build):
    """`build(lang)`, cached once a language, however it is called (`f()`, `f("en")`, ...)."""
    cached = functools.cache(build)

    @functools.wraps(build)
    def by_language(lang: str = messages.DEFAULT):
        return cached(lang)

    return by_language


@functools.cache
def sources() -> dict:
    """The parsed data file and words, {"numbers": ..., "words": {lang: ...}, "references":
    {lang: ...}} (cached; read-only): the references' words are apart from the data words, as
    their files are.

    A wheel carries them already parsed, as JSON: in Pyodide, importing `tomllib` and parsing cost
    more than the calculation. The source tree has only the TOML.
    """
    built = FOLDER / BUILT_FILE
    parsed = json.loads(built.read_text("utf-8")) if built.is_file() else parse_source()
    return checked_words(parsed)


def parse_source(folder=FOLDER, references=citation.SOURCE) -> dict:
    """The data file with the references (`content/references.json`), and every language's words
    (the data's and the references'), from a source tree."""
    import tomllib

    def read(path) -> dict:
        return tomllib.loads(path.read_text("utf-8"))

    published, reference_words = citation.read_words(references)
    return {"numbers": read(folder / DATA_FILE) | {"references": published},
            "words": {lang: read(folder / WORDS_FOLDER / f"{lang}.toml")
                      for lang in messages.LANGUAGES},
            "references": reference_words}


@_per_language
def load(lang: str = messages.DEFAULT) -> dict:
    """The data file with the words of `lang` (cached; treat it as read-only). A language the site
    does not have (`messages.LANGUAGES`) is a KeyError: it has no words."""
    parsed = sources()
    words = parsed["words"][lang] | {"references": parsed["references"][lang]}
    return checked(merged(parsed["numbers"], words))


def merged(numbers: dict | list, words: dict | list) -> dict | list:
    """`numbers` with `words` laid in: tables key by key, a list of tables entry by entry (the
    words' checks have made sure they fit)."""
    if isinstance(words, list):
        return [merged(number, word) for number, word in zip(numbers, words, strict=True)]
    return numbers | {key: merged(numbers[key], value) if key in numbers else value
                      for key, value in words.items()}


def checked(parsed: dict) -> dict:
    """The parsed data file, once its rules hold (`datacheck`); a ValueError says what is wrong."""
    _refuse(f"calculators/data/{DATA_FILE}", datacheck.problems(parsed))
    return parsed


def checked_words(parsed: dict) -> dict:
    """The parsed numbers and words, once every language's words (the data's, the references')
    have exactly the English keys, hold only text with the English text's numbers and set nothing
    the numbers set; a ValueError names the words file."""
    def words_file(lang: str) -> str:
        return f"calculators/data/{WORDS_FOLDER}/{lang}.toml"

    for kind, numbers, named in (("words", parsed["numbers"], words_file),
                                 ("references", parsed["numbers"]["references"],
                                  citation.words_file)):
        english = parsed[kind][messages.DEFAULT]
        for lang, words in parsed[kind].items():
            _refuse(named(lang), datacheck.words_problems(numbers, english, words))
    return parsed


def _refuse(file: str, found: list[str]) -> None:
    """One ValueError naming the file and every problem found in it, if any."""
    if found:
        raise ValueError(f"{file}: " + "; ".join(found))


@dataclasses.dataclass(frozen=True)
class Reference:
    id: str
    short: str
    citation: str
    doi: str | None = None
    status: str | None = None  # "SEEN-2": read only in a secondary summary


@dataclasses.dataclass(frozen=True)
class Cap:
    """A protocol's own maximum rate (for the actual weights its text names, if it names any)."""

    mg_per_h: float
    text: str
    weight_above_kg: float | None = None
    weight_at_most_kg: float | None = None


@dataclasses.dataclass(frozen=True)
class Protocol:
    """A row of the comparison table; an `offered` one is a regimen the dose calculator
    illustrates, given as its `shape` says (see the data file's header)."""

    id: str
    title: str
    use: str
    condition: str
    study: str
    route: str
    regimen: bool
    offered: bool
    dose_unit: str
    dose_text: str
    length_text: str
    course: str
    sessions: str
    spacing: str
    reference: str
    shape: str = ""
    dose: float | None = None
    dose_min: float | None = None
    dose_max: float | None = None
    minutes: float | None = None
    minutes_min: float | None = None
    sessions_count: int | None = None
    caps: tuple[Cap, ...] = ()
    notes: tuple[str, ...] = ()
    why_not_offered: str = ""
    read: str = ""

    @property
    def name(self) -> str:
        """The regimen's short name for a sentence: its title before the colon."""
        return self.title.partition(":")[0]

    @property
    def cap(self) -> Cap | None:
        """The lowest of the regimen's own maximum rates, if it has one."""
        return min(self.caps, key=lambda cap: cap.mg_per_h, default=None)

    @property
    def most_mg_per_h(self) -> float | None:
        """The most an hour the calculator may show for this regimen, by its own figures: its
        cap (None: it publishes no rate, as a daily amount or a first infusion's least amount
        does not)."""
        return self.cap.mg_per_h if self.shape == "rate-per-kg" else None

    @property
    def most_mg_per_session(self) -> float | None:
        """The most in one session the calculator may show for this regimen, by its own figures:
        its cap over its length, the top of its daily range, or the one amount a first infusion
        names (shown as the least it recommends, never more)."""
        return {"rate-per-kg": lambda: self.cap.mg_per_h * self.minutes / 60,
                "daily-amount": lambda: self.dose_max,
                "first-infusion": lambda: self.dose}.get(self.shape, lambda: None)()


@dataclasses.dataclass(frozen=True)
class Phase:
    phase: str
    stage: str
    frequency: str
    purpose: str
    low: int
    high: int
    unit: str


@dataclasses.dataclass(frozen=True)
class Schedule:
    reference: str
    evidence: str
    no_trial: str
    infusion_length: str
    window_days: int
    adjustment_spacing_days: int
    defaults: dict
    example_start: str
    phases: tuple[Phase, ...]
    review_reference: str
    reviews: dict[str, str]  # what a review row says, by the phase of the infusion it follows
    conditional: str
    maintenance_review_every: int
    maintenance_review_note: str

    def phase(self, name: str) -> Phase:
        """One phase: "loading", "adjustment" or "maintenance"."""
        return next(phase for phase in self.phases if phase.phase == name)


def _protocol(pid: str, entry: dict) -> Protocol:
    own = {**entry}
    own["caps"] = tuple(Cap(**cap) for cap in entry.get("caps", ()))
    own["notes"] = tuple(entry.get("notes", ()))
    return Protocol(id=pid, **own)


@_per_language
def references(lang: str = messages.DEFAULT) -> dict[str, Reference]:
    """Reference id -> its citation (Vancouver), short name, DOI and status, the site's words in
    them (a label, a note, a descriptive title) in `lang`."""
    return {
        ref_id: Reference(id=ref_id, short=item["citation-label"], citation=citation.vancouver(item),
                          doi=item.get("DOI"), status=item.get("custom", {}).get("status"))
        for ref_id, item in load(lang)["references"].items()
    }


@_per_language
def protocols(lang: str = messages.DEFAULT) -> dict[str, Protocol]:
    """Protocol id -> the protocol, in the file's order, in `lang`'s words."""
    return {pid: _protocol(pid, entry) for pid, entry in load(lang)["protocols"].items()}


@_per_language
def offered_protocols(lang: str = messages.DEFAULT) -> dict[str, Protocol]:
    """The regimens the dose calculator illustrates (published chronic-pain regimens)."""
    return {pid: protocol for pid, protocol in protocols(lang).items() if protocol.offered}


@_per_language
def schedule(lang: str = messages.DEFAULT) -> Schedule:
    """The clinic's schedule (loading, adjustment, maintenance) and the planner's settings."""
    entry = load(lang)["schedule"]
    return Schedule(**{**entry, "phases": tuple(Phase(**phase) for phase in entry["phases"])})


def article(slug: str, lang: str = messages.DEFAULT) -> tuple[str, str]:
    """An article of the site that messages point to: (its title, its root-relative URL), in
    `lang`'s edition of the site (the default language's at the root, another's under /LANG/)."""
    edition = "" if lang == messages.DEFAULT else f"/{lang}"
    return load(lang)["scope"]["articles"][slug], f"{edition}/{slug}/"


@_per_language
def limits(lang: str = messages.DEFAULT) -> dict:
    """Bounds for typed input, with their reasons (see [limits]); a bound written "PHASE.low" or
    "PHASE.high" is read from the clinic's schedule phases."""
    parsed = load(lang)
    return {
        key: [datacheck.phase_figure(parsed, end) if isinstance(end, str) else end for end in value]
        if key in datacheck.bounds(parsed["limits"]) else value
        for key, value in parsed["limits"].items()
    }


@_per_language
def figures(lang: str = messages.DEFAULT) -> dict[str, dict]:
    """Figure id -> {"id", "value", "unit", "reference", "text" (when there is one)}.

    The clinical figures the articles state that no protocol field holds as a number.
    """
    return {fig_id: {"id": fig_id, **entry} for fig_id, entry in load(lang)["figures"].items()}


@dataclasses.dataclass(frozen=True)
class Row:
    """A row of an article table of considerations: the condition (or medicine), what it means
    for ketamine, and its sources' words beside their reference ids."""

    condition: str
    means: str
    sources: tuple[tuple[str, str], ...]  # (words, reference id)


@dataclasses.dataclass(frozen=True)
class Consideration:
    """Something that may rule ketamine out or need extra care, as a reader may tick it on the
    question list: its box's words, its question and why it matters, its rows in the article's
    `table`, and every reference those draw on."""

    key: str
    group: str
    table: str
    tick: str
    topic: str
    question: str
    why: str
    rows: tuple[Row, ...]
    references: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Question:
    """A question the list gives every reader, why it matters, and its references."""

    key: str
    question: str
    why: str
    references: tuple[str, ...]


_FIGURE = re.compile(r"\{([a-z0-9-]+)\}")


def with_figures(words: str, lang: str = messages.DEFAULT) -> str:
    """Words with each {figure-id} written as that figure of [figures] (`datacheck` makes sure
    every one the words print is named in the entry's `figures`)."""
    known = figures(lang)
    return _FIGURE.sub(lambda found: plain(known[found[1]]["value"], lang), words)


@_per_language
def groups(lang: str = messages.DEFAULT) -> dict[str, str]:
    """The question list's groups, in order: id -> heading."""
    entry = load(lang)["groups"]
    return {group: entry[group] for group in entry["order"]}


@_per_language
def considerations(lang: str = messages.DEFAULT) -> dict[str, Consideration]:
    """Key -> the consideration, in the data file's order, its words in `lang`."""
    parsed = load(lang)
    tables = parsed["groups"]["tables"]
    found = {}
    for key, entry in parsed["considerations"].items():
        rows = tuple(
            Row(with_figures(row["condition"], lang), with_figures(row["means"], lang),
                tuple(zip(row["sources"], row["references"], strict=True)))
            for row in entry["rows"])
        cited = [ref for row in entry["rows"] for ref in row["references"]] + entry.get("cites", [])
        found[key] = Consideration(
            key=key, group=entry["group"], table=tables.get(entry["group"], "considerations"),
            tick=entry["tick"], topic=entry["topic"], question=with_figures(entry["question"], lang),
            why=with_figures(entry["why"], lang), rows=rows,
            references=tuple(dict.fromkeys(cited)))
    return found


@_per_language
def general_questions(lang: str = messages.DEFAULT) -> tuple[Question, ...]:
    """The questions for every reader, in order, their words in `lang`."""
    return tuple(Question(key, with_figures(entry["question"], lang),
                          with_figures(entry["why"], lang), tuple(entry["references"]))
                 for key, entry in load(lang)["general"].items())


@dataclasses.dataclass(frozen=True)
class SideEffect:
    """A row of the side-effects table (its cells' parts, each with its reference id, "" for
    none), and whether a reader can notice it themselves (a diary offers it)."""

    key: str
    condition: str
    short: str
    noticed: bool
    often: tuple[tuple[str, str], ...]  # (words, reference id or "")
    know: tuple[tuple[str, str], ...]


@_per_language
def side_effects(lang: str = messages.DEFAULT) -> dict[str, SideEffect]:
    """Key -> the side effect, in the data file's order, its words in `lang`."""
    def parts(entry: dict, cell: str) -> tuple[tuple[str, str], ...]:
        return tuple((with_figures(words, lang), ref_id) for words, ref_id
                     in zip(entry[cell], entry[f"{cell}_references"], strict=True))

    return {key: SideEffect(key, entry["condition"], entry["short"], entry["noticed"],
                            parts(entry, "often"), parts(entry, "know"))
            for key, entry in load(lang)["side_effects"].items()}
