"""The calculators' one number parser (`schema.decimal`, `schema.integer`), as every number field
reads it: a decimal comma with one or two digits after it is a decimal point, and the result says
what it read; a comma that could be something else is a field error that says why."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calculators
from calculators import schema
from calculators.messages import say

DOSE_OK = {"weight": "70", "unit": "kg", "protocol": "schwartzman-2009", "adult": "yes"}
READ_AS = "field.number.read-as"

# (typed, the number read, whether a decimal comma was read, the problem's code)
DECIMALS = [
    ("70", 70.0, False, ""),
    ("70.5", 70.5, False, ""),
    ("70.", 70.0, False, ""),
    ("70,5", 70.5, True, ""),
    ("0,35", 0.35, True, ""),
    ("1,00", 1.0, True, ""),
    (",5", 0.5, True, ""),
    ("-0,5", -0.5, True, ""),
    ("+7,25", 7.25, True, ""),
    ("1,000", None, False, "comma-thousands"),
    ("70,500", None, False, "comma-thousands"),
    ("-1,0000", None, False, "comma-thousands"),
    ("1,5,0", None, False, "several-commas"),
    ("1,000,000", None, False, "several-commas"),
    (",,5", None, False, "several-commas"),
    ("1,000.5", None, False, "comma-and-point"),
    ("1.000,5", None, False, "comma-and-point"),
    ("70,", None, False, ""),  # no digits after the comma: not a number, the field's own words
    (",", None, False, ""),
    ("70,5kg", None, False, ""),
    ("a,5", None, False, ""),
    ("1e3", None, False, ""),
    ("nan", None, False, ""),
    ("7" * 40 + ",5" + "0" * 30, None, False, ""),  # too long to be typed
]
WHOLES = [
    ("6", 6, ""), ("-2", -2, ""), ("4,5", None, "comma-in-whole-number"),
    ("1,000", None, "comma-in-whole-number"), ("6,", None, "comma-in-whole-number"),
    ("4.5", None, ""), ("six", None, ""), ("a,b", None, ""),
]


@pytest.mark.parametrize(("typed", "value", "comma", "problem"), DECIMALS)
def test_the_decimal_parser(typed, value, comma, problem):
    assert schema.decimal(typed) == schema.Reading(value, problem, comma)


@pytest.mark.parametrize(("typed", "value", "problem"), WHOLES)
def test_the_whole_number_parser(typed, value, problem):
    assert schema.integer(typed) == schema.Reading(value, problem)


@given(whole=st.integers(0, 10**6), decimals=st.from_regex(r"[0-9]{1,2}", fullmatch=True),
       sign=st.sampled_from(["", "-", "+"]))
def test_a_decimal_comma_reads_as_the_point_would(whole, decimals, sign):
    with_comma, with_point = (schema.decimal(f"{sign}{whole}{mark}{decimals}") for mark in ",.")
    assert with_comma.comma and with_comma.value == with_point.value


def without_notes(values):
    return {key: value for key, value in values.items() if key not in ("notes", "note_codes")}


@pytest.mark.parametrize(("field", "typed", "read", "changes"), [
    ("weight", "70,5", "70.5", {}),
    ("weight", "155,5", "155.5", {"unit": "lb"}),
    ("height_cm", "170,5", "170.5", {"height_cm": "", "sex": "female", "basis": "ideal"}),
    ("daily_mg", "60,5", "60.5", {"protocol": "goldberg-2005"}),
])
def test_a_decimal_comma_gives_the_same_result_and_says_what_it_read(field, typed, read, changes):
    with_point = calculators.run("dose", {**DOSE_OK, **changes, field: read})
    result = calculators.run("dose", {**DOSE_OK, **changes, field: typed})
    assert result.ok and without_notes(result.values) == without_notes(with_point.values)
    declared = {f.name: f for f in calculators.get("dose").inputs}[field]
    note = say(READ_AS, label=declared.say(declared.label, "en"), value=read)
    assert result.values["note_codes"] == [READ_AS, *with_point.values["note_codes"]]
    assert result.values["notes"] == [note, *with_point.values["notes"]]
    # said by the inputs (the summary) and with the full result (its notes)
    assert result.summary == say("result.summary.then", first=with_point.summary, then=note)
    assert note in result.html.replace("&#x27;", "'")


def test_a_point_or_a_comma_in_a_whole_number_is_never_read():
    result = calculators.run("schedule", {"start": "2027-03-01", "loading": "4,5"})
    assert result.codes == {"loading": "comma-in-whole-number"} and result.values == {}
    declared = {f.name: f for f in calculators.get("schedule").inputs}["loading"]
    assert result.errors["loading"] == declared.say("field.whole.comma", "en", value="4,5")


def test_a_language_that_writes_a_decimal_comma_needs_no_note(other):
    """Where the comma is the language's own decimal separator, reading it is no news."""
    weight = {f.name: f for f in calculators.get("dose").inputs}["weight"]
    for lang, notes in (("en", [READ_AS]), (other, [])):
        read = schema.Reader((weight,), {"weight": "70,5"}, lang)
        assert read.get("weight") == 70.5 and [code for code, _ in read.notes] == notes
