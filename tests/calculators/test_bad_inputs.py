"""Every kind of bad input gives a field error with its code and its own words, never an exception.
The tests compare codes: a change of wording breaks none of them."""

import re

import pytest

import calculators
from calculators import render
from calculators.fields import COMMA_WORDS

DOSE_OK = {"weight": "70", "unit": "kg", "protocol": "schwartzman-2009", "adult": "yes"}
PLAN_OK = {"start": "2026-01-05", "open_days": "mon,tue,wed,thu,fri"}

# (calculator, field values that replace the valid ones, field in error, the code of its problem)
BAD_INPUTS = [
    ("dose", {"weight": ""}, "weight", "missing"),
    ("dose", {"weight": "   "}, "weight", "missing"),
    ("dose", {"weight": "seventy"}, "weight", "invalid"),
    ("dose", {"weight": "nan"}, "weight", "invalid"),
    ("dose", {"weight": "NaN"}, "weight", "invalid"),
    ("dose", {"weight": "inf"}, "weight", "invalid"),
    ("dose", {"weight": "-Infinity"}, "weight", "invalid"),
    ("dose", {"weight": "1e3"}, "weight", "invalid"),
    ("dose", {"weight": "70kg"}, "weight", "invalid"),
    ("dose", {"weight": "70,"}, "weight", "invalid"),
    ("dose", {"weight": "1,000"}, "weight", "comma-thousands"),
    ("dose", {"weight": "70,500"}, "weight", "comma-thousands"),
    ("dose", {"weight": "1,5,0"}, "weight", "several-commas"),
    ("dose", {"weight": "70,5,"}, "weight", "several-commas"),
    ("dose", {"weight": "1,000.5"}, "weight", "comma-and-point"),
    ("dose", {"weight": "70.5,0"}, "weight", "comma-and-point"),
    ("dose", {"weight": "70,5kg"}, "weight", "invalid"),
    ("dose", {"weight": "0,35"}, "weight", "too-low"),
    ("dose", {"weight": "7 0"}, "weight", "invalid"),
    ("dose", {"weight": "0x46"}, "weight", "invalid"),
    ("dose", {"weight": "٧٠"}, "weight", "invalid"),
    ("dose", {"weight": "9" * 400}, "weight", "invalid"),
    ("dose", {"weight": "0"}, "weight", "too-low"),
    ("dose", {"weight": "-70"}, "weight", "too-low"),
    ("dose", {"weight": "0.5"}, "weight", "too-low"),
    ("dose", {"weight": "20"}, "weight", "too-low"),
    ("dose", {"weight": "39.9"}, "weight", "too-low"),
    ("dose", {"weight": "351"}, "weight", "too-high"),
    ("dose", {"weight": "99999999999999999999"}, "weight", "too-high"),
    ("dose", {"weight": "800", "unit": "lb"}, "weight", "too-high"),
    ("dose", {"unit": "stone"}, "unit", "invalid"),
    ("dose", {"height_cm": "tall"}, "height_cm", "invalid"),
    ("dose", {"height_cm": "-170"}, "height_cm", "too-low"),
    ("dose", {"height_cm": "1700"}, "height_cm", "too-high"),
    ("dose", {"height_cm": "70"}, "height_cm", "too-low"),
    ("dose", {"height_cm": "inf"}, "height_cm", "invalid"),
    ("dose", {"height_cm": "1,700"}, "height_cm", "comma-thousands"),
    ("dose", {"sex": "other"}, "sex", "invalid"),
    ("dose", {"basis": "lean"}, "basis", "invalid"),
    ("dose", {"basis": "ideal"}, "height_cm", "needed-for-the-basis"),
    ("dose", {"basis": "adjusted", "height_cm": "170"}, "sex", "needed-for-the-basis"),
    ("dose", {"basis": "ideal", "height_cm": "150", "sex": "male"}, "height_cm",
     "below-the-formula"),
    ("dose", {"adult": ""}, "adult", "missing"),
    ("dose", {"adult": "no"}, "adult", "under-18"),
    ("dose", {"adult": "maybe"}, "adult", "invalid"),
    ("dose", {"adult": "YES"}, "adult", "invalid"),
    ("dose", {"protocol": ""}, "protocol", "missing"),
    ("dose", {"protocol": "ketamine-max"}, "protocol", "invalid"),
    ("dose", {"protocol": "SCHWARTZMAN-2009"}, "protocol", "invalid"),
    ("dose", {"protocol": "esketamine"}, "protocol", "not-illustrated"),
    ("dose", {"protocol": "sanacora-2017"}, "protocol", "not-illustrated"),
    ("dose", {"protocol": "andrade-2017"}, "protocol", "not-illustrated"),
    ("dose", {"protocol": "nhs-highland"}, "protocol", "not-illustrated"),
    ("dose", {"protocol": "pa-low-dose"}, "protocol", "not-illustrated"),
    ("dose", {"protocol": "crps-22mgh"}, "protocol", "not-illustrated"),
    ("dose", {"protocol": "sci-pain"}, "protocol", "not-illustrated"),
    ("dose", {"protocol": "sigtermans-2009"}, "protocol", "not-illustrated"),
    ("dose", {"protocol": "goldberg-2005", "daily_mg": "lots"}, "daily_mg", "invalid"),
    ("dose", {"protocol": "goldberg-2005", "daily_mg": "nan"}, "daily_mg", "invalid"),
    ("dose", {"protocol": "goldberg-2005", "daily_mg": "81"}, "daily_mg", "outside-the-regimen"),
    ("dose", {"protocol": "goldberg-2005", "daily_mg": "39.5"}, "daily_mg", "outside-the-regimen"),
    ("dose", {"protocol": "goldberg-2005", "daily_mg": "0"}, "daily_mg", "outside-the-regimen"),
    ("dose", {"protocol": "goldberg-2005", "daily_mg": "-60"}, "daily_mg", "outside-the-regimen"),
    ("schedule", {"start": ""}, "start", "missing"),
    ("schedule", {"start": "next monday"}, "start", "invalid"),
    ("schedule", {"start": "05/01/2026"}, "start", "invalid"),
    ("schedule", {"start": "20260105"}, "start", "invalid"),
    ("schedule", {"start": "2026-W02-1"}, "start", "invalid"),
    ("schedule", {"start": "2026-02-30"}, "start", "no-such-date"),
    ("schedule", {"start": "2026-13-01"}, "start", "no-such-date"),
    ("schedule", {"start": "0000-01-01"}, "start", "no-such-date"),
    ("schedule", {"start": "9999-12-31"}, "start", "too-high"),
    ("schedule", {"loading": "0"}, "loading", "too-low"),
    ("schedule", {"loading": "-2"}, "loading", "negative"),
    ("schedule", {"loading": "4.5"}, "loading", "invalid"),
    ("schedule", {"loading": "six"}, "loading", "invalid"),
    ("schedule", {"loading": "4,5"}, "loading", "comma-in-whole-number"),
    ("schedule", {"months": "1,000"}, "months", "comma-in-whole-number"),
    ("schedule", {"loading": "15"}, "loading", "too-high"),
    ("schedule", {"loading": "14"}, "loading", "too-high"),
    ("schedule", {"loading": "7"}, "loading", "too-high"),
    ("schedule", {"loading": "6", "open_days": "mon,thu"}, "loading", "more-than-the-open-days"),
    ("schedule", {"loading": "3", "open_days": "sun"}, "loading", "more-than-the-open-days"),
    ("schedule", {"titration": "-1"}, "titration", "negative"),
    ("schedule", {"titration": "3"}, "titration", "too-high"),
    ("schedule", {"titration": "11"}, "titration", "too-high"),
    ("schedule", {"titration": "1e1"}, "titration", "invalid"),
    ("schedule", {"maintenance_weeks": "0"}, "maintenance_weeks", "too-low"),
    ("schedule", {"maintenance_weeks": "2"}, "maintenance_weeks", "too-low"),
    ("schedule", {"maintenance_weeks": "-4"}, "maintenance_weeks", "negative"),
    ("schedule", {"maintenance_weeks": "53"}, "maintenance_weeks", "too-high"),
    ("schedule", {"maintenance_weeks": "nan"}, "maintenance_weeks", "invalid"),
    ("schedule", {"months": "0"}, "months", "too-low"),
    ("schedule", {"months": "25"}, "months", "too-high"),
    ("schedule", {"months": "9" * 100}, "months",
     "invalid"),
    ("schedule", {"open_days": ""}, "open_days", "missing"),
    ("schedule", {"open_days": " , ,"}, "open_days", "missing"),
    ("schedule", {"open_days": "monday"}, "open_days", "invalid"),
    ("schedule", {"open_days": "mon,funday"}, "open_days", "invalid"),
]


@pytest.mark.parametrize(
    ("name", "changes", "field", "code"), BAD_INPUTS,
    ids=[f"{name}-{field}-{i}" for i, (name, _, field, _) in enumerate(BAD_INPUTS)],
)
def test_bad_input_gives_a_specific_field_error(name, changes, field, code):
    fields = {**(DOSE_OK if name == "dose" else PLAN_OK), **changes}
    result = calculators.run(name, fields)
    assert not result.ok
    assert result.codes[field] == code and set(result.codes) == set(result.errors)
    declared = {f.name: f for f in calculators.get(name).inputs}[field]
    if code in ("invalid", "missing"):  # the field's own words for it
        words = getattr(declared, code) or declared.invalid
        assert result.errors[field] == declared.say(words, "en")
    if code in COMMA_WORDS:  # why the comma is not read, naming what was typed
        assert result.errors[field] == declared.say(COMMA_WORDS[code], "en", value=changes[field])
    assert result.errors[field].strip()
    assert result.values == {} and result.warnings == []
    assert 'class="calculator-errors"' in result.html
    assert f'href="#{render.control_id(name, declared)}"' in result.html
    assert not re.search(r"\b(nan|inf|infinity)\b", result.html, re.IGNORECASE)


def test_bad_inputs_are_distinct_and_counted():
    keys = [(name, tuple(sorted(changes.items()))) for name, changes, _, _ in BAD_INPUTS]
    assert len(set(keys)) == len(keys) == 99


def test_missing_weight_is_never_defaulted():
    result = calculators.run("dose", {"protocol": "schwartzman-2009", "adult": "yes"})
    assert result.codes == {"weight": "missing"} and result.values == {}


def test_unknown_keys_are_ignored():
    result = calculators.run("dose", {**DOSE_OK, "colour": "blue", "": "x"})
    assert result.ok


def test_age_is_asked_never_assumed():
    """Leaving the question out (a command line without --adult) is an error, not a yes."""
    result = calculators.run("dose", {"weight": "70", "protocol": "schwartzman-2009"})
    assert result.codes == {"adult": "missing"} and result.values == {}
