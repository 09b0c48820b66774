"""Every kind of bad input gives a field error with a specific message, never an exception."""

import re

import pytest

import calculators

DOSE_OK = {"weight": "70", "unit": "kg", "protocol": "schwartzman-2009", "adult": "yes"}
PLAN_OK = {"start": "2026-01-05", "open_days": "mon,tue,wed,thu,fri"}

# (calculator, field values that replace the valid ones, field in error, words in its message)
BAD_INPUTS = [
    ("dose", {"weight": ""}, "weight", "Enter the weight as a number, for example 70."),
    ("dose", {"weight": "   "}, "weight", "Enter the weight as a number"),
    ("dose", {"weight": "seventy"}, "weight", "Enter the weight as a number"),
    ("dose", {"weight": "nan"}, "weight", "Enter the weight as a number"),
    ("dose", {"weight": "NaN"}, "weight", "Enter the weight as a number"),
    ("dose", {"weight": "inf"}, "weight", "Enter the weight as a number"),
    ("dose", {"weight": "-Infinity"}, "weight", "Enter the weight as a number"),
    ("dose", {"weight": "1e3"}, "weight", "Enter the weight as a number"),
    ("dose", {"weight": "70kg"}, "weight", "Enter the weight as a number"),
    ("dose", {"weight": "70,5"}, "weight", "Enter the weight as a number"),
    ("dose", {"weight": "7 0"}, "weight", "Enter the weight as a number"),
    ("dose", {"weight": "0x46"}, "weight", "Enter the weight as a number"),
    ("dose", {"weight": "٧٠"}, "weight", "Enter the weight as a number"),
    ("dose", {"weight": "9" * 400}, "weight", "Enter the weight as a number"),
    ("dose", {"weight": "0"}, "weight", "weights between 40 and 350 kg"),
    ("dose", {"weight": "-70"}, "weight", "weights between 40 and 350 kg"),
    ("dose", {"weight": "0.5"}, "weight", "weights between 40 and 350 kg"),
    ("dose", {"weight": "20"}, "weight", "published for adults only"),
    ("dose", {"weight": "39.9"}, "weight", "Who should not have ketamine therapy"),
    ("dose", {"weight": "351"}, "weight", "a typing mistake"),
    ("dose", {"weight": "99999999999999999999"}, "weight", "weights between"),
    ("dose", {"weight": "800", "unit": "lb"}, "weight", "about 88 to 772 lb"),
    ("dose", {"unit": "stone"}, "unit", "Choose kg or lb"),
    ("dose", {"height_cm": "tall"}, "height_cm", "Enter the height in centimetres"),
    ("dose", {"height_cm": "-170"}, "height_cm", "Height must be between 100 and 250 cm"),
    ("dose", {"height_cm": "1700"}, "height_cm", "Height must be between 100 and 250 cm"),
    ("dose", {"height_cm": "70"}, "height_cm", "1 in = 2.54 cm"),
    ("dose", {"height_cm": "inf"}, "height_cm", "Enter the height in centimetres"),
    ("dose", {"sex": "other"}, "sex", "Choose female or male"),
    ("dose", {"basis": "lean"}, "basis", "Choose actual, ideal or adjusted"),
    ("dose", {"basis": "ideal"}, "height_cm", "Enter the height in cm to work out figures by ideal"),
    ("dose", {"basis": "adjusted", "height_cm": "170"}, "sex", "Choose female or male"),
    ("dose", {"basis": "ideal", "height_cm": "150", "sex": "male"}, "height_cm",
     "does not apply below 152.4 cm"),
    ("dose", {"adult": ""}, "adult", "Say whether the person is 18 or older"),
    ("dose", {"adult": "no"}, "adult", "shows no figure for anyone younger"),
    ("dose", {"adult": "maybe"}, "adult", "Answer yes or no"),
    ("dose", {"adult": "YES"}, "adult", "Answer yes or no"),
    ("dose", {"protocol": ""}, "protocol", "Choose a published regimen"),
    ("dose", {"protocol": "ketamine-max"}, "protocol", "not one of the regimens"),
    ("dose", {"protocol": "SCHWARTZMAN-2009"}, "protocol", "not one of the regimens"),
    ("dose", {"protocol": "esketamine"}, "protocol", "a nasal spray for depression"),
    ("dose", {"protocol": "sanacora-2017"}, "protocol", "a depression protocol"),
    ("dose", {"protocol": "andrade-2017"}, "protocol", "a depression protocol"),
    ("dose", {"protocol": "nhs-highland"}, "protocol", "guideline for acute pain"),
    ("dose", {"protocol": "pa-low-dose"}, "protocol", "a definition of low dose"),
    ("dose", {"protocol": "crps-22mgh"}, "protocol", "an evidence summary, not one regimen"),
    ("dose", {"protocol": "sci-pain"}, "protocol", "an evidence summary spanning several"),
    ("dose", {"protocol": "sigtermans-2009"}, "protocol", "no fixed dose to work out"),
    ("dose", {"protocol": "goldberg-2005", "daily_mg": "lots"}, "daily_mg",
     "Enter the amount a day in mg as a number"),
    ("dose", {"protocol": "goldberg-2005", "daily_mg": "nan"}, "daily_mg", "as a number"),
    ("dose", {"protocol": "goldberg-2005", "daily_mg": "81"}, "daily_mg", "40 to 80 mg a day"),
    ("dose", {"protocol": "goldberg-2005", "daily_mg": "39.5"}, "daily_mg", "Goldberg 2005 gave"),
    ("dose", {"protocol": "goldberg-2005", "daily_mg": "0"}, "daily_mg", "outside what"),
    ("dose", {"protocol": "goldberg-2005", "daily_mg": "-60"}, "daily_mg", "outside what"),
    ("schedule", {"start": ""}, "start", "Enter the start date as YYYY-MM-DD"),
    ("schedule", {"start": "next monday"}, "start", "Enter the start date as YYYY-MM-DD"),
    ("schedule", {"start": "05/01/2026"}, "start", "Enter the start date as YYYY-MM-DD"),
    ("schedule", {"start": "20260105"}, "start", "Enter the start date as YYYY-MM-DD"),
    ("schedule", {"start": "2026-W02-1"}, "start", "Enter the start date as YYYY-MM-DD"),
    ("schedule", {"start": "2026-02-30"}, "start", "That date does not exist"),
    ("schedule", {"start": "2026-13-01"}, "start", "That date does not exist"),
    ("schedule", {"start": "0000-01-01"}, "start", "That date does not exist"),
    ("schedule", {"start": "9999-12-31"}, "start", "between the years 2000 and 2099"),
    ("schedule", {"loading": "0"}, "loading", "Plan at least 1 loading infusion"),
    ("schedule", {"loading": "-2"}, "loading", "cannot be negative"),
    ("schedule", {"loading": "4.5"}, "loading", "as a whole number"),
    ("schedule", {"loading": "six"}, "loading", "as a whole number"),
    ("schedule", {"loading": "15"}, "loading", "Plan at most 6 loading infusions"),
    ("schedule", {"loading": "14"}, "loading", "Plan at most 6 loading infusions"),
    ("schedule", {"loading": "7"}, "loading", "Plan at most 6 loading infusions"),
    ("schedule", {"loading": "6", "open_days": "mon,thu"}, "loading",
     "Only 4 open days fall in the 14 days"),
    ("schedule", {"loading": "3", "open_days": "sun"}, "loading", "Only 2 open days"),
    ("schedule", {"titration": "-1"}, "titration", "cannot be negative"),
    ("schedule", {"titration": "3"}, "titration", "Plan at most 2 adjustment infusions"),
    ("schedule", {"titration": "11"}, "titration", "Plan at most 2 adjustment infusions"),
    ("schedule", {"titration": "1e1"}, "titration", "as a whole number"),
    ("schedule", {"maintenance_weeks": "0"}, "maintenance_weeks", "at least 4 weeks apart"),
    ("schedule", {"maintenance_weeks": "2"}, "maintenance_weeks", "at least 4 weeks apart"),
    ("schedule", {"maintenance_weeks": "-4"}, "maintenance_weeks", "cannot be negative"),
    ("schedule", {"maintenance_weeks": "53"}, "maintenance_weeks", "at most 52 weeks"),
    ("schedule", {"maintenance_weeks": "nan"}, "maintenance_weeks", "as a whole number"),
    ("schedule", {"months": "0"}, "months", "at least 1 month"),
    ("schedule", {"months": "25"}, "months", "at most 24 months"),
    ("schedule", {"months": "9" * 100}, "months", "as a whole number"),
    ("schedule", {"open_days": ""}, "open_days", "Choose at least one day"),
    ("schedule", {"open_days": " , ,"}, "open_days", "Choose at least one day"),
    ("schedule", {"open_days": "monday"}, "open_days", "must be among mon, tue"),
    ("schedule", {"open_days": "mon,funday"}, "open_days", "must be among"),
]


@pytest.mark.parametrize(
    ("name", "changes", "field", "words"), BAD_INPUTS,
    ids=[f"{name}-{field}-{i}" for i, (name, _, field, _) in enumerate(BAD_INPUTS)],
)
def test_bad_input_gives_a_specific_field_error(name, changes, field, words):
    fields = {**(DOSE_OK if name == "dose" else PLAN_OK), **changes}
    result = calculators.run(name, fields)
    assert not result.ok
    assert words in result.errors[field]
    assert result.values == {} and result.warnings == []
    assert "Fix the highlighted fields" in result.html
    assert not re.search(r"\b(nan|inf|infinity)\b", result.html, re.IGNORECASE)


def test_bad_inputs_are_distinct_and_counted():
    keys = [(name, tuple(sorted(changes.items()))) for name, changes, _, _ in BAD_INPUTS]
    assert len(set(keys)) == len(keys) == 88


def test_missing_weight_is_never_defaulted():
    result = calculators.run("dose", {"protocol": "schwartzman-2009", "adult": "yes"})
    assert result.errors["weight"] == "Enter the weight as a number, for example 70."


def test_unknown_keys_are_ignored():
    result = calculators.run("dose", {**DOSE_OK, "colour": "blue", "": "x"})
    assert result.ok


def test_age_is_asked_never_assumed():
    """Leaving the question out (a command line without --adult) is an error, not a yes."""
    result = calculators.run("dose", {"weight": "70", "protocol": "schwartzman-2009"})
    assert set(result.errors) == {"adult"} and result.values == {}
