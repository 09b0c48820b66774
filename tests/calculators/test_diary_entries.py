"""A day of the diary: its fields, read as the form's text; only the date is required, and a
value out of range is a field error with a stable code, never clamped. The words compared are
the catalogue's, never English written here."""

import datetime
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import data, schema
from calculators.diary.entries import (EFFECTS, FIELDS, INPUTS, NOTE_LENGTH, Entry, read_entry,
                                       stored_fields, text_of)
from calculators.fields import Date, Number, Ticks, Whole
from calculators.messages import say
from tests.vectors import DIARY

DAY = "2027-01-04"


def problem(fields):
    """The codes of what is wrong with an entry's text (the entry must then be None)."""
    entry, read = read_entry(fields)
    assert (entry is None) == bool(read.codes)
    return read.codes


def test_the_side_effects_offered_are_the_data_files_that_a_reader_notices():
    noticed = [key for key, effect in data.side_effects().items() if effect.noticed]
    assert list(EFFECTS) == noticed and "blood-pressure" not in EFFECTS
    assert [value for value, _ in FIELDS["effects"].options("en")] == noticed
    assert dict(FIELDS["effects"].options("en")) == {
        key: data.side_effects()[key].short for key in noticed}


def test_the_fields_are_the_calculators_kinds_in_the_forms_order():
    names = [field.name for field in INPUTS]
    assert names == ["date", "pain", "enjoyment", "activity", "sleep_hours", "sleep_quality",
                     "mood", "effects", *(f"lasted_{key}" for key in EFFECTS), "infusion",
                     "note"]
    assert isinstance(FIELDS["date"], Date) and FIELDS["date"].required
    assert [field.name for field in INPUTS if field.required] == ["date"]
    for name in ("pain", "enjoyment", "activity", "sleep_quality", "mood"):
        assert isinstance(FIELDS[name], Whole) and (FIELDS[name].min, FIELDS[name].max) == (0, 10)
    for name in ("sleep_hours", *(f"lasted_{key}" for key in EFFECTS)):
        field = FIELDS[name]
        assert type(field) is Number and (field.min, field.max) == (0, 24)
    assert isinstance(FIELDS["effects"], Ticks)
    # the hours field of an effect is labelled with that effect's words
    assert FIELDS["lasted_nausea"].say(FIELDS["lasted_nausea"].label, "en") == say(
        "diary.lasted.label", effect=data.side_effects()["nausea"].short)


def test_a_whole_day_is_read_with_its_types():
    entry, read = read_entry({"date": DAY, "pain": "6", "enjoyment": "5", "activity": " 7 ",
                              "sleep_hours": "6.5", "sleep_quality": "4", "mood": "0",
                              "effects": "nausea,Headache", "lasted_headache": "2",
                              "infusion": "yes", "note": "  a line\r\nanother  "})
    assert read.errors == {}
    assert entry == Entry(datetime.date(2027, 1, 4), 6, 5, 7, 6.5, 4, 0, ("headache", "nausea"),
                          (("headache", 2.0),), True, "a line\nanother")
    assert entry.peg == pytest.approx((6 + 5 + 7) / 3)


def test_only_the_date_is_required_and_a_blank_value_is_none():
    entry, read = read_entry({"date": DAY})
    assert read.errors == {}
    assert entry == Entry(datetime.date(2027, 1, 4))
    assert entry.peg is None and entry.infusion is False and entry.note == ""
    for fields in ({}, {"date": ""}, {"pain": "5"}):
        assert problem(fields) == {"date": "missing"}


def test_the_peg_needs_all_three_items():
    for blank in ("pain", "enjoyment", "activity"):
        fields = {"date": DAY, "pain": "3", "enjoyment": "4", "activity": "8", blank: ""}
        assert read_entry(fields)[0].peg is None
    assert read_entry({"date": DAY, "pain": "0", "enjoyment": "0", "activity": "1"})[0].peg == (
        pytest.approx(1 / 3))


@pytest.mark.parametrize(("fields", "codes"), [
    ({"date": "2027-02-30"}, {"date": "no-such-date"}),
    ({"date": "04/01/2027"}, {"date": "invalid"}),
    ({"date": "1999-12-31"}, {"date": "too-low"}),
    ({"date": "2101-01-01"}, {"date": "too-high"}),
    ({"pain": "14"}, {"pain": "too-high"}),
    ({"pain": "11", "mood": "-1"}, {"pain": "too-high", "mood": "negative"}),
    ({"enjoyment": "4.5"}, {"enjoyment": "invalid"}),
    ({"activity": "4,5"}, {"activity": "comma-in-whole-number"}),
    ({"sleep_quality": "ten"}, {"sleep_quality": "invalid"}),
    ({"sleep_hours": "25"}, {"sleep_hours": "too-high"}),
    ({"sleep_hours": "-0.5"}, {"sleep_hours": "negative"}),
    ({"sleep_hours": "1e1"}, {"sleep_hours": "invalid"}),
    ({"effects": "nausea,blood-pressure"}, {"effects": "invalid"}),
    ({"effects": "nausea", "lasted_nausea": "24.5"}, {"lasted_nausea": "too-high"}),
    ({"lasted_nausea": "2"}, {"lasted_nausea": "not-ticked"}),
    ({"infusion": "maybe"}, {"infusion": "invalid"}),
    ({"note": "x" * (NOTE_LENGTH + 1)}, {"note": "too-long"}),
    ({"note": "a\x00b"}, {"note": "invalid"}),
    ({"note": "\ud800"}, {"note": "invalid"}),
])
def test_a_value_out_of_range_or_unreadable_is_a_field_error_never_clamped(fields, codes):
    entry, read = read_entry({"date": DAY, **fields})
    assert entry is None and read.codes == codes
    for name in codes:
        assert read.errors[name]  # words for each, in the field's own words


def test_the_errors_say_the_fields_words():
    _, read = read_entry({"date": DAY, "pain": "14", "effects": "nausea",
                          "lasted_headache": "2"})
    assert read.errors["pain"] == say("diary.score.outside", value="14", min="0", max="10")
    assert read.errors["lasted_headache"] == say(
        "diary.lasted.not-ticked", effect=data.side_effects()["headache"].short)
    _, read = read_entry({"date": DAY, "note": "x" * (NOTE_LENGTH + 5)})
    assert read.errors["note"] == say("diary.note.too-long", length=NOTE_LENGTH + 5,
                                      max=NOTE_LENGTH)


def test_hours_for_an_unknown_effect_name_no_second_error():
    # The effects' own error stands alone: their hours are not also "not ticked".
    assert problem({"date": DAY, "effects": "nope", "lasted_nausea": "2"}) == {
        "effects": "invalid"}


def test_a_decimal_comma_is_read_and_said():
    entry, read = read_entry({"date": DAY, "sleep_hours": "6,5"})
    assert entry.sleep_hours == 6.5
    assert [code for code, _ in read.notes] == ["field.number.read-as"]


def test_the_fixed_diary_is_read_whole():
    assert all(read_entry(fields)[0] is not None for fields in DIARY)


# --- an entry's text, and back ------------------------------------------------------------------

# Hours as a person may type them (the form reads no more than 64 characters), as read
typed_hours = st.from_regex(r"(1?[0-9]|2[0-3])(\.[0-9]{1,40})?|24", fullmatch=True)
hours = typed_hours.map(float)
score = st.none() | st.integers(min_value=0, max_value=10)


@st.composite
def entries(draw, day=st.dates(datetime.date(2000, 1, 1), datetime.date(2100, 12, 31))):
    """Any entry the form can give."""
    effects = draw(st.lists(st.sampled_from(EFFECTS), unique=True))
    ordered = tuple(key for key in EFFECTS if key in effects)
    lasted = tuple((key, draw(hours)) for key in ordered if draw(st.booleans()))
    note = draw(st.text(st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from("\n\t"),
                        max_size=40).map(str.strip))
    return Entry(draw(day), draw(score), draw(score), draw(score), draw(st.none() | hours),
                 draw(score), draw(score), ordered, lasted, draw(st.booleans()), note)


@given(entries())
def test_an_entry_as_form_text_reads_back_the_same(entry):
    again, read = read_entry(entry.fields())
    assert read.errors == {} and again == entry


@given(entries())
def test_an_entry_as_stored_reads_back_the_same(entry):
    fields, unknown = stored_fields(entry.stored())
    assert unknown == [] and read_entry(fields)[0] == entry


@given(typed_hours)
def test_a_number_as_text_has_no_exponent_and_reads_back_the_same(typed):
    value = schema.decimal(typed).value
    shown = text_of(value)
    assert "e" not in shown and len(shown) <= len(typed) and schema.decimal(shown).value == value


def test_a_tiny_number_is_written_without_an_exponent():
    assert text_of(1.25e-05) == "0.0000125" and text_of(7.0) == "7" and text_of(6.5) == "6.5"


def test_stored_fields_name_what_an_entry_has_not():
    fields, unknown = stored_fields({"date": DAY, "pain": 5, "lasted": {"headache": 1, "x": 2},
                                     "colour": "blue", "lasted_nausea": "1"})
    assert fields == {"date": DAY, "pain": "5", "lasted_headache": "1"}
    assert unknown == ["lasted_x", "colour", "lasted_nausea"]


@given(st.dictionaries(st.sampled_from([field.name for field in INPUTS] + ["other"]),
                       st.text(max_size=12) | st.none() | st.integers() | st.floats()))
def test_any_text_gives_an_entry_or_errors_never_a_crash(fields):
    entry, read = read_entry(fields)
    assert (entry is None) == bool(read.errors)
    if entry is not None:
        assert all(value is None or math.isfinite(value) for value in
                   (entry.pain, entry.sleep_hours, entry.mood))
