"""The diary's files: JSON (complete, versioned: for keeping and moving) and CSV (one row a day:
for a spreadsheet), and `parse`, which reads either, all or nothing.

JSON: `{"format": FORMAT, "version": VERSION, "entries": [...]}`, each entry as
`Entry.stored()` gives it: `{"date": "2027-01-04", "pain": 6, "enjoyment": 5, "activity": 6,
"sleep_hours": 6.5, "sleep_quality": 4, "mood": 5, "effects": ["headache"], "lasted":
{"headache": 2}, "infusion": false, "note": ""}`, null where a value was left blank. An older
version is carried forward by `MIGRATIONS` (version N -> a function giving version N + 1) before
it is read; a newer one is refused.

CSV: UTF-8 with a byte order mark (so that spreadsheets read accents right), a header row and
one row a day, in date order. The header is the entry's field names, stable from version 1 on:

    date,pain,enjoyment,activity,sleep_hours,sleep_quality,mood,effects,lasted_<key>...,infusion,note

`date` is YYYY-MM-DD; `pain`, `enjoyment`, `activity` (the PEG's items), `sleep_quality` and
`mood` whole numbers 0-10; `sleep_hours` hours 0-24; `effects` the side effects' keys,
comma-separated; one `lasted_<key>` column for each side effect a reader notices (the data
file's, in its order: headache, anxiety, ...), its hours that day; `infusion` yes or no; `note`
the reader's words. A blank cell is a value not given. A note that a spreadsheet would take for a
formula (it starts with = + - @) or that starts with ' is written after a ', which reading
takes off. Reading takes any of these columns in any order, `date` required; cells are read as
the form reads them. Every row ends with a line break, so that a file cut short inside a row is
refused (one cut exactly after a row cannot be told from a shorter diary: JSON is the complete
format).

`parse(text)` gives every entry, or none and the problem: a file that is empty, damaged (not
JSON or CSV that can be read, a row of the wrong length, a shape that is not a diary's), foreign
(another format or other columns), newer (a version this code does not know) or of a version it
cannot carry forward, an entry with a problem (naming its day, or its place, and its field), or
two entries for one day. Each problem has a stable `code` and its words in the reader's
language. Never raises.
"""

import csv
import dataclasses
import io
import json
from collections.abc import Callable, Iterable, Mapping

from calculators import schema
from calculators.diary.entries import FIELDS, INPUTS, Entry, read_entry, stored_fields
from calculators.messages import DEFAULT, N_, say

FORMAT = "ketamine-calculators.diary"
VERSION = 1
# Version N -> a function turning a document (the parsed JSON) of version N into one of N + 1.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}
COLUMNS = tuple(field.name for field in INPUTS)
BYTE_ORDER_MARK = "\ufeff"
FORMULA = ("=", "+", "-", "@", "'")  # a note's first character that a ' is written before
MEDIA_TYPES = {"json": "application/json", "csv": "text/csv"}


@dataclasses.dataclass(frozen=True)
class Problem:
    """Why a file (or a list of entries) is refused: a stable `code`, its words (`message`), and
    for an entry's problem the day as the file writes it (or "" when it cannot be read), the
    entry's place (from 1), the field and the field's own problem code."""

    code: str
    message: str
    date: str = ""
    number: int = 0
    field: str = ""
    field_code: str = ""

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)


def to_json(entries: Iterable[Entry]) -> str:
    """Every entry, complete, in date order."""
    document = {"format": FORMAT, "version": VERSION,
                "entries": [entry.stored() for entry in sorted(entries, key=_day)]}
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def to_csv(entries: Iterable[Entry]) -> str:
    """One row a day, in date order, under the header of `COLUMNS`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for entry in sorted(entries, key=_day):
        cells = entry.fields()
        cells["note"] = "'" + cells["note"] if cells["note"].startswith(FORMULA) else cells["note"]
        writer.writerow([cells[column] for column in COLUMNS])
    return BYTE_ORDER_MARK + out.getvalue()


def _day(entry: Entry):
    return entry.date


def parse(text: str, lang: str = DEFAULT) -> tuple[tuple[Entry, ...], Problem | None]:
    """A file's entries in date order and None, or () and why the file is refused."""
    try:
        text = str(text).removeprefix(BYTE_ORDER_MARK)
        if not text.strip():
            return (), _problem("empty", lang)
        if text.lstrip().startswith(("{", "[")):
            return _from_json(text, lang)
        return _from_csv(text, lang)
    except RecursionError:  # JSON nested beyond reason
        return (), _problem("damaged", lang)


def read_stored(stored: object, lang: str = DEFAULT) -> tuple[tuple[Entry, ...], Problem | None]:
    """Entries as the page keeps them (a list of `Entry.stored()`), all read or none."""
    if not isinstance(stored, list):
        return (), _problem("damaged", lang)
    found = []
    for number, item in enumerate(stored, start=1):
        if not isinstance(item, Mapping):
            return (), _problem("not-an-entry", lang, number=number)
        fields, unknown = stored_fields(item)
        if unknown:
            return (), _problem("unknown-key", lang, number=number, date=_date_of(fields),
                                field=unknown[0], field_code="unknown")
        found.append(fields)
    return _entries(found, lang)


def _from_json(text: str, lang: str) -> tuple[tuple[Entry, ...], Problem | None]:
    try:
        document = json.loads(text)
    except ValueError:
        return (), _problem("damaged", lang)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        return (), _problem("foreign", lang)
    version = document.get("version")
    if type(version) is not int:
        return (), _problem("damaged", lang)
    if version > VERSION:
        return (), _problem("newer", lang, version=version, known=VERSION)
    while version < VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            return (), _problem("unknown-version", lang, version=version)
        try:
            document = step(document)
        except Exception:  # noqa: BLE001 - an old file too damaged to carry forward
            return (), _problem("damaged", lang)
        version += 1
    if not isinstance(document, dict) or set(document) != {"format", "version", "entries"}:
        return (), _problem("damaged", lang)
    return read_stored(document["entries"], lang)


def _from_csv(text: str, lang: str) -> tuple[tuple[Entry, ...], Problem | None]:
    # A file cut short inside its last row would read as a shorter last cell: every row ends
    # with a line break (spreadsheets write one too), and a quoted cell is closed.
    if not text.endswith(("\n", "\r")):
        return (), _problem("damaged", lang)
    try:
        rows = [row for row in csv.reader(io.StringIO(text, newline=""), strict=True) if any(row)]
    except csv.Error:
        return (), _problem("damaged", lang)
    header = [cell.strip() for cell in rows[0]] if rows else []
    unknown = [column for column in header if column not in FIELDS]
    if "date" not in header or unknown or len(set(header)) != len(header):
        return (), _problem("foreign-columns", lang, columns=", ".join(header),
                            valid=", ".join(COLUMNS))
    found = []
    for number, row in enumerate(rows[1:], start=1):
        if len(row) != len(header):
            return (), _problem("row-length", lang, number=number, found=len(row),
                                expected=len(header))
        fields = dict(zip(header, row, strict=True))
        note = fields.get("note", "")
        if note[:1] == "'" and note[1:2] and note[1] in FORMULA:
            fields["note"] = note[1:]
        found.append(fields)
    return _entries(found, lang)


def _entries(found: list[dict[str, str]], lang: str) -> tuple[tuple[Entry, ...], Problem | None]:
    """Every entry of the form text, in date order, or () and the first problem: an entry's
    (the first of its fields in the form's order), or a day given twice."""
    entries: dict = {}
    for number, fields in enumerate(found, start=1):
        entry, read = read_entry(fields, lang)
        if entry is None:
            field, message = next(iter(read.errors.items()))
            label = FIELDS[field].say(FIELDS[field].label, lang)
            return (), _problem("entry", lang, number=number, date=_date_of(fields), field=field,
                                field_code=read.codes[field], label=label, message=message)
        if entry.date in entries:
            return (), _problem("duplicate", lang, number=number, date=entry.date.isoformat())
        entries[entry.date] = entry
    return tuple(entries[day] for day in sorted(entries)), None


def _date_of(fields: Mapping[str, str]) -> str:
    """The day an entry's text names, as written, if it reads as a date at all."""
    read = schema.Reader((FIELDS["date"],), fields)
    return fields["date"].strip() if read.get("date") is not None else ""


# Each problem's kind: its stable code (`Problem.code`) and its words' code. The file's problems
# name the file; an entry's are said of its day or, when the day cannot be read, of its place.
KINDS = {
    "empty": ("empty", N_("diary.problem.empty")),
    "damaged": ("damaged", N_("diary.problem.damaged")),
    "row-length": ("damaged", N_("diary.problem.row-length")),
    "foreign": ("foreign", N_("diary.problem.foreign")),
    "foreign-columns": ("foreign", N_("diary.problem.foreign-columns")),
    "newer": ("newer", N_("diary.problem.newer")),
    "unknown-version": ("unknown-version", N_("diary.problem.unknown-version")),
    "entry": ("entry", N_("diary.problem.entry")),
    "not-an-entry": ("entry", N_("diary.problem.not-an-entry")),
    "unknown-key": ("entry", N_("diary.problem.unknown-key")),
    "duplicate": ("duplicate", N_("diary.problem.duplicate")),
}


def _problem(kind: str, lang: str, *, number: int = 0, date: str = "", field: str = "",
             field_code: str = "", **values: object) -> Problem:
    where = (say("diary.problem.where-date", lang, date=date) if date else
             say("diary.problem.where-number", lang, number=number))
    code, words = KINDS[kind]
    message = say(words, lang, where=where, number=number, date=date, key=field, **values)
    return Problem(code, message, date, number, field, field_code)


def export(kind: str, entries: Iterable[Entry]) -> str:
    """The entries as a file of `kind`, one of `MEDIA_TYPES`."""
    return to_json(entries) if kind == "json" else to_csv(entries)
