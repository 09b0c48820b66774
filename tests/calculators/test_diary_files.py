"""The diary's files: JSON and CSV carry every entry there and back; a file that is damaged,
foreign, newer, holds an entry with a problem or a day twice is refused, whole, with a stable code
and words naming what is wrong, and the parser gives no entry at all."""

import csv
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.diary import files
from calculators.diary.entries import EFFECTS, Entry, read_entry
from calculators.messages import say
from tests.calculators.test_diary_entries import entries as any_entry
from tests.vectors import DIARY

ENTRIES = tuple(read_entry(fields)[0] for fields in DIARY)
# The header as the module's docstring gives it, and as it is with the data file's side effects
DOCUMENTED = ("date,pain,enjoyment,activity,sleep_hours,sleep_quality,mood,effects,"
              "lasted_<key>...,infusion,note")
HEADER = DOCUMENTED.replace("lasted_<key>...", ",".join(f"lasted_{key}" for key in EFFECTS))


def refused(text, code):
    """The problem of a file the parser must refuse, having checked it gives no entry."""
    found, problem = files.parse(text)
    assert found == () and problem is not None, problem
    assert problem.code == code, problem
    return problem


def document(entries=None, **changes):
    """The fixed diary's JSON document, as a dict, with `changes`."""
    parsed = json.loads(files.to_json(ENTRIES))
    if entries is not None:
        parsed["entries"] = entries
    return {**parsed, **changes}


# --- there and back -----------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["json", "csv"])
def test_the_fixed_diary_goes_there_and_back(kind):
    text = files.export(kind, reversed(ENTRIES))  # written in date order, whatever the order given
    assert files.parse(text) == (ENTRIES, None)


@given(st.lists(any_entry(), max_size=6, unique_by=lambda entry: entry.date))
def test_any_diary_goes_there_and_back_in_both_formats(diary):
    in_order = tuple(sorted(diary, key=lambda entry: entry.date))
    assert files.parse(files.to_json(diary)) == (in_order, None)
    assert files.parse(files.to_csv(diary)) == (in_order, None)


def test_the_json_is_versioned_and_complete():
    parsed = json.loads(files.to_json(ENTRIES))
    assert set(parsed) == {"format", "version", "entries"}
    assert parsed["format"] == files.FORMAT and parsed["version"] == files.VERSION == 1
    first = parsed["entries"][0]
    assert first == {"date": "2027-01-04", "pain": 7, "enjoyment": 6, "activity": 7,
                     "sleep_hours": 5.5, "sleep_quality": 4, "mood": 4, "effects": [],
                     "lasted": {}, "infusion": False, "note": ""}
    assert parsed["entries"][7]["lasted"] == {"dissociation": 1.5, "nausea": 2.0}


def test_the_csv_has_the_documented_header_and_one_row_a_day():
    text = files.to_csv(ENTRIES)
    assert text.startswith("\ufeff" + HEADER + "\r\n") and text.endswith("\r\n")
    assert DOCUMENTED in files.__doc__
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert [row["date"] for row in rows] == [fields["date"] for fields in DIARY]
    eleventh = rows[7]
    assert (eleventh["effects"], eleventh["lasted_dissociation"], eleventh["infusion"]) == (
        "dissociation,nausea", "1.5", "yes")
    assert eleventh["note"] == DIARY[7]["note"] and rows[6]["enjoyment"] == ""


def test_a_note_a_spreadsheet_would_take_for_a_formula_is_written_after_a_quote():
    notes = ["=SUM(A1:A9)", "+1", "-2 today", "@me", "'quoted", "''twice", "plain", "it's = fine"]
    diary = [Entry(ENTRIES[index].date, note=note) for index, note in enumerate(notes)]
    rows = list(csv.DictReader(io.StringIO(files.to_csv(diary).removeprefix("\ufeff"))))
    assert [row["note"] for row in rows] == [
        "'=SUM(A1:A9)", "'+1", "'-2 today", "'@me", "''quoted", "'''twice", "plain",
        "it's = fine"]
    assert [entry.note for entry in files.parse(files.to_csv(diary))[0]] == notes


def test_a_csv_from_a_spreadsheet_is_read_with_its_columns_in_any_order():
    text = ("mood,date,pain,enjoyment,activity,note\n"
            "5,2027-01-05,4,4,3,\"two\nlines\"\n"
            ",,,,,\n"  # an empty row, as spreadsheets write them
            "6,2027-01-04,5,,,\n")
    found, problem = files.parse(text)
    assert problem is None
    assert [(e.date.isoformat(), e.mood, e.peg, e.note) for e in found] == [
        ("2027-01-04", 6, None, ""), ("2027-01-05", 5, pytest.approx(11 / 3), "two\nlines")]


def test_an_empty_diary_is_a_diary():
    assert files.parse(files.to_json([])) == ((), None)
    assert files.parse(files.to_csv([])) == ((), None)


# --- refusals: all or nothing -------------------------------------------------------------------

def test_a_truncated_json_file_is_refused_at_any_point():
    text = files.to_json(ENTRIES).rstrip()
    for cut in range(1, len(text) - 1, 97):
        refused(text[:cut], "damaged")
    assert refused(text[:-1], "damaged").message == say("diary.problem.damaged")


def test_a_csv_cut_inside_a_row_is_refused():
    text = files.to_csv(ENTRIES)
    last_row = text.rstrip("\r\n").rfind("\r\n") + 2
    # in a cell, in the note, just before the line break
    for cut in (last_row + 5, len(text) - 3, len(text) - 2):
        refused(text[:cut], "damaged")
    # a quoted cell left open: the last note
    noted = files.to_csv([Entry(ENTRIES[0].date, note="two\nlines")])
    refused(noted[:noted.index("two") + 3] + "\r\n", "damaged")


def test_a_row_with_another_number_of_cells_is_refused_naming_it():
    rows = files.to_csv(ENTRIES).split("\r\n")
    rows[3] += ",extra"
    problem = refused("\r\n".join(rows), "damaged")
    width = len(HEADER.split(","))
    assert problem.message == say("diary.problem.row-length", number=3, found=width + 1,
                                  expected=width)


def test_a_pain_score_of_14_is_refused_naming_the_day_and_the_field():
    stored = document()
    stored["entries"][8]["pain"] = 14
    problem = refused(json.dumps(stored), "entry")
    assert (problem.date, problem.number, problem.field, problem.field_code) == (
        "2027-01-12", 9, "pain", "too-high")
    assert problem.message == say(
        "diary.problem.entry", where=say("diary.problem.where-date", date="2027-01-12"),
        label=say("diary.pain.label"), message=say("diary.score.outside", value="14", min="0",
                                                   max="10"))
    # and the same in a CSV
    rows = files.to_csv(ENTRIES).split("\r\n")
    rows[9] = rows[9].replace("2027-01-12,5,", "2027-01-12,14,")
    assert files.parse("\r\n".join(rows))[1] == problem


def test_an_entry_whose_day_cannot_be_read_is_named_by_its_place():
    problem = refused(json.dumps(document([{"date": "2027-01-04"}, {"date": "12/01/2027"}])),
                      "entry")
    assert (problem.date, problem.number, problem.field, problem.field_code) == (
        "", 2, "date", "invalid")
    assert problem.message.startswith(say("diary.problem.where-number", number=2))


def test_a_file_from_a_future_version_is_refused():
    problem = refused(json.dumps(document(version=files.VERSION + 1)), "newer")
    assert problem.message == say("diary.problem.newer", version=files.VERSION + 1,
                                  known=files.VERSION)


@pytest.mark.parametrize("text", [
    json.dumps({"format": "another-diary", "version": 1, "entries": []}),
    json.dumps({"version": 1, "entries": []}),
    json.dumps([{"date": "2027-01-04"}]),
    json.dumps({"format": files.FORMAT.upper(), "version": 1, "entries": []}),
])
def test_a_foreign_json_file_is_refused(text):
    assert refused(text, "foreign").message == say("diary.problem.foreign")


@pytest.mark.parametrize("header", ["day,pain", "date,pain,colour", "pain,mood", "date,date",
                                    "BEGIN:VCALENDAR"])
def test_a_csv_with_other_columns_is_refused_naming_them(header):
    problem = refused(f"{header}\r\n", "foreign")
    assert problem.message == say("diary.problem.foreign-columns", columns=header.replace(
        ",", ", "), valid=", ".join(files.COLUMNS))


@pytest.mark.parametrize(("changes", "code"), [
    ({"version": "1"}, "damaged"),
    ({"version": True}, "damaged"),
    ({"entries": {"2027-01-04": {}}}, "damaged"),
    ({"exported": "2027-01-25"}, "damaged"),  # a key a version 1 file has not
    ({"entries": [{"date": "2027-01-04"}, 7]}, "entry"),
    ({"entries": [{"date": "2027-01-04", "colour": "blue"}]}, "entry"),
    ({"entries": [{"date": "2027-01-04", "lasted": {"headache": 1}}]}, "entry"),  # not ticked
    ({"entries": [{"date": "2027-01-04", "lasted": {"not-an-effect": 1}}]}, "entry"),
])
def test_a_diary_of_another_shape_is_refused(changes, code):
    refused(json.dumps(document(**changes)), code)


def test_an_unknown_key_is_named():
    problem = refused(json.dumps(document([{"date": "2027-01-04", "colour": "blue"}])), "entry")
    assert (problem.field, problem.field_code) == ("colour", "unknown")
    assert problem.message == say("diary.problem.unknown-key", key="colour", where=say(
        "diary.problem.where-date", date="2027-01-04"))


def test_a_day_twice_is_refused():
    stored = document()
    stored["entries"].append({**stored["entries"][3], "pain": 2})
    problem = refused(json.dumps(stored), "duplicate")
    assert problem.date == "2027-01-07"
    assert problem.message == say("diary.problem.duplicate", date="2027-01-07")
    rows = files.to_csv(ENTRIES).rstrip("\r\n").split("\r\n")
    assert refused("\r\n".join([*rows, rows[1]]) + "\r\n", "duplicate").date == "2027-01-04"


@pytest.mark.parametrize("text", ["", "  \n", "\ufeff"])
def test_an_empty_file_is_refused(text):
    assert refused(text, "empty").message == say("diary.problem.empty")


@pytest.mark.parametrize("text", ["{" * 100_000, "[" * 100_000 + "]" * 100_000, "\x00\x01",
                                  "{\"format\": 1e999999}"])
def test_a_file_of_anything_else_is_refused_never_a_crash(text):
    found, problem = files.parse(text)
    assert found == () and problem.code in {"damaged", "foreign"}


@given(st.text(max_size=200) | st.binary(max_size=200).map(lambda b: b.decode("latin-1")))
def test_any_text_gives_entries_or_a_problem_never_both_never_a_crash(text):
    found, problem = files.parse(text)
    assert (problem is None) or found == ()


# --- older versions move forward ----------------------------------------------------------------

def version_zero(document_zero):
    """A pretend version 0, which named the entries "days" and the infusion "infusion_day"."""
    return {"format": document_zero["format"], "version": 1, "entries": [
        {**{key: value for key, value in day.items() if key != "infusion_day"},
         "infusion": day["infusion_day"]} for day in document_zero["days"]]}


OLD = {"format": files.FORMAT, "version": 0, "days": [
    {"date": "2027-01-04", "pain": 6, "enjoyment": 5, "activity": 4, "infusion_day": False},
    {"date": "2027-01-05", "pain": 5, "enjoyment": 5, "activity": 4, "infusion_day": True}]}


def test_an_older_version_is_carried_forward_by_its_migration(monkeypatch):
    monkeypatch.setattr(files, "MIGRATIONS", {0: version_zero})
    found, problem = files.parse(json.dumps(OLD))
    assert problem is None
    assert [(e.date.isoformat(), e.pain, e.infusion) for e in found] == [
        ("2027-01-04", 6, False), ("2027-01-05", 5, True)]


def test_an_older_version_without_a_migration_is_refused():
    problem = refused(json.dumps(OLD), "unknown-version")
    assert problem.message == say("diary.problem.unknown-version", version=0)


def test_a_migration_that_cannot_read_the_old_file_refuses_it(monkeypatch):
    monkeypatch.setattr(files, "MIGRATIONS", {0: version_zero})
    refused(json.dumps({**OLD, "days": [{"date": "2027-01-04"}]}), "damaged")  # no infusion_day


def test_every_problem_code_has_words_of_its_own():
    assert {code for code, _ in files.KINDS.values()} == {
        "empty", "damaged", "foreign", "newer", "unknown-version", "entry", "duplicate"}
    assert all(say(words) for _, words in files.KINDS.values())
