"""The dose calculator: what a published chronic-pain regimen gave a person of one weight."""

import re

import pytest

from calculators import data, schema, weights
from calculators.messages import say
from calculators.render import escape
from calculators.tools import dose
from calculators.tools._dose_figures import Figures

KG_PER_LB = 0.45359237


def run(**fields):
    return dose.compute({"adult": "yes", **{key: str(value) for key, value in fields.items()}})


def shows_the_regimens_notes(result) -> bool:
    """The regimen's own notes from the data file (its premedication, its monitoring...) are on
    the page, after the calculator's, with their codes."""
    notes = data.protocols()[result.values["protocol"]].notes
    codes = [f"data:protocols.{result.values['protocol']}.notes.{i}" for i in range(len(notes))]
    return (bool(notes) and result.values["note_codes"][-len(notes):] == codes
            and result.values["notes"][-len(notes):] == list(notes)
            and all(escape(note) in result.html for note in notes))


def test_the_worked_example_is_the_facts_file_example():
    """0.35 mg/kg/h x 70 kg = 24.5 mg/h (under the 25 mg/h cap), for Schwartzman's 4 h."""
    result = run(weight=70, protocol="schwartzman-2009")
    v = result.values
    assert result.ok and result.warnings == []
    assert v["rate_mg_per_h"] == pytest.approx(data.figures()["worked-example-rate"]["value"])
    assert v["minutes"] == 240 and v["capped"] is False
    assert v["session_mg_low"] == v["session_mg_high"] == pytest.approx(98)
    assert v["sessions_count"] == 10 and v["dosing_weight_kg"] == 70
    assert result.references == ["schwartzman-2009"]
    assert say("dose.mg-per-h", rate="24.5") in result.html
    assert say("dose.mg", amount="98.0") in result.html
    assert shows_the_regimens_notes(result)  # the trial's premedication among them


def test_the_worked_example_is_what_the_form_opens_on():
    assert schema.worked_example(dose.inputs) == {
        "adult": "yes", "protocol": "schwartzman-2009", "weight": "70", "unit": "kg",
        "daily_mg": "", "height_cm": "", "sex": "", "basis": "actual",
    }


@pytest.mark.parametrize("weight", [72, 90, 200, 350])
def test_a_heavier_person_gets_the_cap_and_never_a_figure_above_it(weight):
    result = run(weight=weight, protocol="schwartzman-2009")
    v = result.values
    assert v["rate_mg_per_h"] == 25 and v["capped"] is True
    assert v["session_mg_high"] == 100
    shown = [float(n) for n in re.findall(r"([0-9.]+) mg/h", result.html)]
    assert shown and max(shown) == 25  # the uncapped rate (0.35 x weight) is never shown
    assert "dose.note.capped" in v["note_codes"]
    assert len(v["note_codes"]) == len(v["notes"])


def test_pounds_are_converted_exactly():
    in_lb = run(weight=154, unit="lb", protocol="schwartzman-2009").values
    assert in_lb["actual_weight_kg"] == pytest.approx(154 * KG_PER_LB)
    assert in_lb["rate_mg_per_h"] == pytest.approx(0.35 * 154 * KG_PER_LB)
    assert in_lb["weight_unit"] == "lb"


def test_figures_by_every_weight_stand_side_by_side_when_far_above_ideal():
    result = run(weight=120, height_cm=165, sex="female", protocol="schwartzman-2009")
    v = result.values
    assert [row["basis"] for row in v["by_weight"]] == ["actual", "ideal", "adjusted"]
    ideal = weights.ideal_weight(165, "female")
    assert v["by_weight"][1]["rate_mg_per_h"] == pytest.approx(0.35 * ideal)
    assert all(row["rate_mg_per_h"] <= 25 for row in v["by_weight"])
    assert say("dose.table.caption") in result.html
    assert "dose.note.far-above-ideal" in v["note_codes"]


def test_dosing_by_ideal_weight():
    v = run(weight=100, height_cm=170, sex="male", basis="ideal",
            protocol="schwartzman-2009").values
    ideal = weights.ideal_weight(170, "male")
    assert v["basis_used"] == "ideal" and v["dosing_weight_kg"] == pytest.approx(ideal)
    assert v["rate_mg_per_h"] == pytest.approx(0.35 * ideal)


def test_a_weight_above_the_actual_weight_is_never_used():
    v = run(weight=50, height_cm=185, sex="male", basis="ideal", protocol="schwartzman-2009").values
    assert v["basis_used"] == "actual" and v["dosing_weight_kg"] == 50
    assert v["rate_mg_per_h"] == pytest.approx(17.5)
    assert [row["basis"] for row in v["by_weight"]] == ["actual"]  # ideal and adjusted are above
    assert v["note_codes"][0] == "dose.note.above-actual"


def test_a_heavy_weight_without_a_height_says_our_sources_are_silent():
    v = run(weight=130, protocol="schwartzman-2009").values
    index = v["note_codes"].index("data:scope.heavy_without_height")
    assert v["notes"][index] == data.load()["scope"]["heavy_without_height"]
    assert "data:scope.heavy_without_height" not in run(
        weight=90, protocol="schwartzman-2009").values["note_codes"]


def test_goldberg_shows_its_published_daily_range_and_no_rate():
    result = run(weight=70, protocol="goldberg-2005")
    v = result.values
    assert (v["session_mg_low"], v["session_mg_high"]) == (40, 80)
    assert v["rate_mg_per_h"] is None and v["most_mg_per_h"] is None and v["minutes"] is None
    assert v["mg_per_kg_actual_low"] == pytest.approx(40 / 70)
    assert say("dose.row.rate.not-published") in result.html
    assert say("dose.mg.range", low="40.0", high="80.0") in result.html
    assert shows_the_regimens_notes(result)  # its monitoring among them


@pytest.mark.parametrize("amount", [40, 55.5, 80])
def test_goldberg_takes_an_amount_inside_its_own_range(amount):
    v = run(weight=70, protocol="goldberg-2005", daily_mg=amount).values
    assert v["session_mg_low"] == v["session_mg_high"] == amount == v["daily_mg"]


def test_an_amount_a_day_is_not_used_by_a_regimen_without_a_range():
    v = run(weight=70, protocol="schwartzman-2009", daily_mg=60).values
    assert v["rate_mg_per_h"] == pytest.approx(24.5)
    assert v["note_codes"][0] == "dose.note.daily-not-used"


@pytest.mark.parametrize("weight", [40, 70, 180, 350])
def test_asra_first_infusion_is_set_beside_the_weight_never_multiplied_by_it(weight):
    result = run(weight=weight, protocol="asra-2018")
    v = result.values
    assert v["session_mg_low"] == v["session_mg_high"] == 80
    assert v["minutes_more_than"] == 120 and v["amount_is_least"] is True
    assert v["rate_mg_per_h"] is None and v["most_mg_per_h"] is None
    assert v["dosing_weight_kg"] is None and "mg/h" not in result.html  # ASRA gives no rate
    assert v["mg_per_kg_actual_low"] == pytest.approx(80 / weight)
    assert say("dose.row.first-infusion.detail", amount=say("dose.mg", amount="80.0"),
               length=say("dose.length.hours", hours=2)) in result.html
    assert shows_the_regimens_notes(result)  # more side effects with more ketamine among them


def test_a_fixed_amount_regimen_ignores_the_basis_and_says_so():
    v = run(weight=70, protocol="asra-2018", basis="ideal").values
    assert v["session_mg_high"] == 80
    assert v["note_codes"][0] == "dose.note.fixed-amount"


@pytest.mark.parametrize("pid", sorted(data.offered_protocols()))
def test_no_result_shows_pump_arithmetic(pid):
    result = run(weight=70, protocol=pid)
    assert result.ok
    for text in (result.html, "\n".join(dose.text(result)), str(result.values)):
        assert not re.search(r"\bmL\b|mL/h|mg/mL|\bbag\b|pump speed", text)


@pytest.mark.parametrize("pid", sorted(data.offered_protocols()))
def test_every_result_carries_its_references(pid):
    result = run(weight=70, protocol=pid)
    assert data.protocols()[pid].reference in result.references
    assert data.protocols()[pid].reference in "\n".join(dose.text(result))


def test_under_18_gets_no_figure_at_all():
    result = dose.compute({"weight": "70", "protocol": "schwartzman-2009", "adult": "no"})
    assert result.codes == {"adult": "under-18"} and result.values == {}
    assert "mg/h" not in result.html
    assert data.load()["scope"]["under_18"] in result.errors["adult"]


@pytest.mark.parametrize("fields", [
    {"weight": "120", "height_cm": "165", "sex": "female", "protocol": "schwartzman-2009"},
    {"weight": "70", "protocol": "goldberg-2005", "daily_mg": "60"},
    {"weight": "300", "unit": "lb", "protocol": "asra-2018"},
])
def test_the_values_are_the_figures_record_and_what_was_asked(fields):
    """The JSON values are the typed record's fields (and the record comes back from them), what
    was asked, and the notes with their codes."""
    values = run(**fields).values
    record = Figures.from_values(values)
    assert {key: values[key] for key in record.values()} == record.values()
    asked = {"protocol", "protocol_title", "shape", "adult", "weight_unit", "actual_weight_kg",
             "height_cm", "sex", "ideal_weight_kg", "adjusted_weight_kg", "basis",
             "sessions_count"}
    assert set(values) == asked | set(record.values()) | {"notes", "note_codes"}
    assert isinstance(values["by_weight"], list)
