"""Rules an article is held to, written once for the build (this plugin) and for `invoke check`
(scripts/content_check.py): its header (required fields, dates written year-month-day), the
placeholders a draft from `invoke new` carries, how old its review may be, and what a citation
looks like. A rule reads the Markdown source's lines and gives (line number, what to fix)."""

import datetime
import os
import re

from markdown.extensions.meta import BEGIN_RE, END_RE, META_MORE_RE, META_RE

from .fences import prose_lines

REVIEW_MAX_MONTHS = 12  # when the settings do not say (REVIEW_MAX_MONTHS)
CITATION = re.compile(r"\[(@[a-z0-9][a-z0-9-]*(?:\s*;\s*@[a-z0-9][a-z0-9-]*)*)\]")
ANY_CITATION = re.compile(r"\[@[^\]]*\]")  # also a malformed one, which the build refuses

REQUIRED = {
    "article": ("title", "date", "reviewed", "reviewer", "summary"),
    "page": ("title", "summary"),
}
DATE_FIELDS = ("date", "modified", "reviewed")
EMPTY = {
    "title": "write the title: it is the page's heading and the words of every link to it",
    "summary": "write one or two plain sentences about the article",
    "reviewer": "name the clinician who reviewed it",
}
# What `invoke new` writes where the author has something to write: `[draft: what to write]`.
PLACEHOLDER = "[draft:"
FILL_IN = {
    "reviewed": "write the day a clinician reviewed the article, such as 2026-11-26",
    "reviewer": "name that clinician: a key from REVIEWERS (pelicanconf.py) or a name and a "
                "credential, such as 'A. Example, MD'",
}
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
NUMERIC_DAY = re.compile(r"(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})")


def kind_of(path) -> str:
    """"page" for a file under a pages folder, else "article"."""
    return "page" if f"{os.sep}pages{os.sep}" in os.sep + str(path) else "article"


def header(lines) -> tuple[dict[str, tuple[int, str]], int]:
    """The header's fields as Python-Markdown's meta extension reads them, name (in lowercase)
    -> (line number, value; a field written twice keeps its first), and the body's first line."""
    fields, number = {}, 0
    for number, line in enumerate(lines, start=1):
        if number == 1 and BEGIN_RE.match(line):
            continue
        if not line.strip() or END_RE.match(line):
            return fields, number + 1
        found = META_RE.match(line)
        if found:
            fields.setdefault(found["key"].lower(), (number, found["value"].strip()))
        elif not (fields and META_MORE_RE.match(line)):  # else a field's value goes on
            return fields, number
    return fields, number + 1


def is_draft(fields) -> bool:
    return fields.get("status", (0, ""))[1].lower() == "draft"


def placeholder_lines(lines) -> list[int]:
    """The lines holding a `[draft: ...]` placeholder, outside code."""
    if PLACEHOLDER not in "".join(lines):  # most files: none at all
        return []
    return [number for number, line in prose_lines(lines) if PLACEHOLDER in line]


def is_placeholder(value: str) -> bool:
    return value.strip().startswith(PLACEHOLDER)


def header_problems(lines, kind):
    """(line, message) for what is wrong in the header: a placeholder left in an article that
    is not a draft, an empty required field, a date not written year-month-day."""
    fields, _ = header(lines)
    if not is_draft(fields):
        by_line = {line: name for name, (line, _) in fields.items()}
        for number in placeholder_lines(lines):
            name = by_line.get(number)
            where = f"{name.capitalize()} still holds" if name else "this line holds"
            yield number, (f"{where} a placeholder from invoke new ([draft: ...]): "
                           f"{FILL_IN.get(name, 'replace it with your own words')} (only a draft, "
                           "marked Status: draft, may keep one)")
    for name in REQUIRED[kind]:
        if name in fields and name in EMPTY and not fields[name][1]:
            yield fields[name][0], f"{name.capitalize()} is empty: {EMPTY[name]}"
    for name in DATE_FIELDS:
        line, value = fields.get(name, (0, ""))
        if line and not is_placeholder(value):
            try:
                iso_date(value)
            except ValueError as problem:
                yield line, f"{name.capitalize()}: {problem}"


def iso_date(text: str) -> datetime.date:
    """The day `text` names, written year-month-day (2026-11-26); a ValueError says how to
    write anything else, and both readings of a day such as 07/12/2026."""
    text = text.strip()
    if ISO_DAY.fullmatch(text):
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a day of the calendar: write the day "
                             "year-month-day, such as 2026-11-26") from None
    readings = sorted(set(numeric_readings(text)))
    if len(readings) > 1:
        raise ValueError(f"{text!r} could be {' or '.join(readings)}: write the day "
                         "year-month-day, so that it can be read only one way")
    if readings:
        raise ValueError(f"{text!r} is not written year-month-day: write {readings[0]}")
    raise ValueError(f"{text!r} is not a date written year-month-day, such as 2026-11-26")


def numeric_readings(text):
    """Each day a date written in numbers in another order may mean (year first: year, month,
    day; year last: day and month either way round), written year-month-day."""
    found = NUMERIC_DAY.fullmatch(text)
    if not found:
        return
    a, b, c = found.groups()
    orders = [(a, b, c)] if len(a) == 4 else [(c, b, a), (c, a, b)] if len(c) == 4 else []
    for year, month, day in orders:
        try:
            yield datetime.date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            pass


def review_limit(settings) -> int:
    """The most months a review may be old before it is out of date."""
    return settings.get("REVIEW_MAX_MONTHS", REVIEW_MAX_MONTHS)


def months_since(day: datetime.date, today: datetime.date) -> int:
    """Whole months from `day` to `today`."""
    return (today.year - day.year) * 12 + today.month - day.month - (today.day < day.day)


def cited_ids(markdown: str) -> set[str]:
    """The reference ids a Markdown text cites ([@id] and [@a; @b])."""
    return {ref.strip().lstrip("@") for found in ANY_CITATION.findall(markdown)
            for ref in found[1:-1].split(";") if ref.strip()}
