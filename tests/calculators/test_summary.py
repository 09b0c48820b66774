"""Every result in one sentence (`Result.summary`, what the page's live region says after each
input): the few figures that matter, by code, from the result's own values; for input that needs
fixing, how many fields and which. Compared with the catalogue's words, never English."""

import datetime
import json

import pytest

import calculators
from calculators import data, formats, weights
from calculators.messages import say, say_n
from tests.vectors import DOSE, DOSE_BAD, SCHEDULE, SCHEDULE_BAD

DOSE_OK = {"weight": "70", "unit": "kg", "protocol": "schwartzman-2009", "adult": "yes"}


def weight(values, kg):
    """A weight as the result shows it (with pounds when the reader gave pounds)."""
    if values["weight_unit"] == "lb":
        pounds = kg / weights.kg_per_lb()
        return say("weight.kg-lb", kg=formats.weight(kg), lb=formats.weight(pounds))
    return say("weight.kg", kg=formats.weight(kg))


def hours(minutes):
    assert minutes % 60 == 0  # the regimens offered give whole hours
    return say("dose.length.hours", hours=int(minutes // 60))


def dose_summary(values):
    """The dose result's sentence, from its values."""
    protocol = data.protocols()[values["protocol"]]
    low, high = values["session_mg_low"], values["session_mg_high"]
    amount = (say("dose.mg", amount=formats.amount(low)) if low == high else
              say("dose.mg.range", low=formats.amount(low), high=formats.amount(high)))
    given = weight(values, values["actual_weight_kg"])
    if values["shape"] == "rate-per-kg":
        rate = formats.amount(values["rate_mg_per_h"])
        return say("dose.result-summary.rate", regimen=protocol.name,
                   basis=say(f"dose.basis-words.{values['basis_used']}"),
                   weight=weight(values, values["dosing_weight_kg"]),
                   rate=say("dose.row.top-rate.capped" if values["capped"] else "dose.mg-per-h",
                            rate=rate),
                   session=amount, length=hours(values["minutes"]))
    if values["shape"] == "first-infusion":
        return say("dose.result-summary.first-infusion", regimen=protocol.name, amount=amount,
                   length=hours(values["minutes_more_than"]), weight=given)
    if values["daily_mg"] is not None:
        published = say("dose.mg.range", low=formats.plain(protocol.dose_min),
                        high=formats.plain(protocol.dose_max))
        return say("dose.result-summary.daily-chosen", regimen=protocol.name, amount=amount,
                   range=published, weight=given)
    return say("dose.result-summary.daily", regimen=protocol.name, amount=amount, weight=given)


def with_readings(sentence, values):
    """A sentence followed by the notes of how a field was read (a decimal comma)."""
    for code, note in zip(values["note_codes"], values["notes"]):
        if code == "field.number.read-as":
            sentence = say("result.summary.then", first=sentence, then=note)
    return sentence


def long_date(iso):
    return formats.long_date(datetime.date.fromisoformat(iso))


def schedule_summary(values):
    """The plan's sentence, from its values."""
    later = len([row for row in values["sessions"] if row["phase"] != "review"]) - 1
    first, end = long_date(values["sessions"][0]["date"]), long_date(values["horizon_end"])
    if not later:
        return say("schedule.result-summary.first-only", first=first, end=end)
    return say_n("schedule.result-summary", "schedule.result-summary.plural", later, first=first,
                 end=end)


@pytest.mark.parametrize("fields", DOSE + [
    {**DOSE_OK, "weight": "176.37", "unit": "lb"},  # the rate is the regimen's cap
    {**DOSE_OK, "weight": "95", "height_cm": "170", "sex": "male", "basis": "ideal"},
])
def test_the_dose_summary_says_the_figures_that_matter(fields):
    result = calculators.run("dose", fields)
    values = result.values
    assert result.ok and result.summary == with_readings(dose_summary(values), values)


def test_every_shape_and_the_cap_are_summarised():
    shapes = {calculators.run("dose", fields).values["shape"] for fields in DOSE}
    assert shapes == {p.shape for p in data.offered_protocols().values()}
    capped = calculators.run("dose", {**DOSE_OK, "weight": "176.37", "unit": "lb"})
    assert capped.values["capped"] and say("dose.row.top-rate.capped", rate=formats.amount(
        capped.values["rate_mg_per_h"])) in capped.summary


@pytest.mark.parametrize("fields", SCHEDULE + [
    {"start": "2027-03-01", "loading": "1", "titration": "0", "maintenance_weeks": "52",
     "months": "1"},  # the first infusion alone
])
def test_the_schedule_summary_says_the_first_date_the_review_and_the_end(fields):
    result = calculators.run("schedule", fields)
    assert result.ok and result.summary == schedule_summary(result.values)


def test_the_plan_of_one_infusion_says_there_is_no_later_date():
    result = calculators.run("schedule", {"start": "2027-03-01", "loading": "1", "titration": "0",
                                          "maintenance_weeks": "52", "months": "1"})
    assert [row["phase"] for row in result.values["sessions"]] == ["first", "review"]
    assert result.summary == say("schedule.result-summary.first-only",
                                 first=long_date("2027-03-01"),
                                 end=long_date(result.values["horizon_end"]))


def fields_to_fix(name, fields):
    """The summary of input that needs fixing: the count, and the fields' labels in order."""
    result = calculators.run(name, fields)
    declared = {f.name: f for f in calculators.get(name).inputs}
    labels = [declared[field].say(declared[field].label, "en") for field in result.errors]
    return result, say_n("result.summary.fix", "result.summary.fix.plural", len(labels),
                         fields=say("result.summary.fields").join(labels))


@pytest.mark.parametrize(("name", "fields"), [("dose", f) for f in DOSE_BAD] + [
    ("schedule", f) for f in SCHEDULE_BAD])
def test_input_that_needs_fixing_is_summarised_by_count_and_fields(name, fields):
    result, expected = fields_to_fix(name, fields)
    assert not result.ok and result.summary == expected


def test_several_fields_to_fix_are_counted():
    result, expected = fields_to_fix("dose", {**DOSE_OK, "weight": "abc", "height_cm": "x",
                                              "sex": "other"})
    assert list(result.codes) == ["weight", "height_cm", "sex"] and result.summary == expected


def test_a_request_the_calculators_cannot_answer_says_so_in_its_summary():
    assert json.loads(calculators.run_json("nope", "{}"))["summary"] == say("api.unknown")
