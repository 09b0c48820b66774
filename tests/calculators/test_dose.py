"""Dose calculator: the facts file's worked cases and arithmetic."""

import pytest

import calculators
from calculators import data, dose

KG_PER_LB = 0.45359237


def run(**fields):
    fields = {key: str(value) for key, value in fields.items()}
    fields.setdefault("protocol", "schwartzman-2009")
    return calculators.run("dose", fields)


def codes(result):
    return [w.code for w in result.warnings]


def test_worked_case_70kg_schwartzman():
    result = run(weight=70, protocol="schwartzman-2009", minutes=240, concentration=1)
    assert result.ok
    v = result.values
    assert v["dosing_weight_kg"] == 70
    assert v["rate_mg_per_h"] == pytest.approx(24.5)
    assert v["rate_ml_per_h"] == pytest.approx(24.5)
    assert v["total_mg"] == pytest.approx(98)
    assert v["volume_ml"] == pytest.approx(98)
    assert v["capped"] is False
    assert "protocol-cap" not in codes(result)


def test_defaults_are_the_protocols_dose_and_length():
    v = run(weight=70).values
    assert (v["dose"], v["dose_unit"], v["minutes"]) == (0.35, "mg/kg/h", 240)
    assert v["dose_source"] == v["minutes_source"] == "protocol"
    assert v["concentration_mg_per_ml"] == 1


def test_worked_case_80kg_is_capped_at_25():
    result = run(weight=80)
    v = result.values
    assert v["capped"] is True
    assert v["uncapped_rate_mg_per_h"] == pytest.approx(28)
    assert v["rate_mg_per_h"] == 25
    assert v["total_mg"] == pytest.approx(100)
    cap = next(w for w in result.warnings if w.code == "protocol-cap")
    assert cap.reference == "schwartzman-2009"
    assert "25" in cap.message and "capped" in cap.message


def test_worked_case_half_mg_per_kg_over_40_min():
    v = run(weight=70, protocol="sanacora-2017").values
    assert v["total_mg"] == pytest.approx(35)
    assert v["rate_mg_per_h"] == pytest.approx(52.5)
    assert v["minutes"] == 40
    custom = run(weight=70, protocol="andrade-2017", dose="0.5", minutes="40").values
    assert (custom["total_mg"], custom["rate_mg_per_h"]) == pytest.approx((35, 52.5))


def test_two_mg_per_ml_halves_the_volume():
    v = run(weight=70, concentration=2).values
    assert v["rate_ml_per_h"] == pytest.approx(12.25)
    assert v["volume_ml"] == pytest.approx(49)


def test_the_published_table_row_is_computed_not_copied():
    # 45 kg at 0.3 mg/kg/h at 2 mg/mL is 6.75 mL/h (a published table says 11.8).
    v = run(weight=45, dose="0.3", concentration=2).values
    assert v["rate_ml_per_h"] == pytest.approx(6.75)


def test_pounds_are_converted_exactly():
    in_lb = run(weight=154.3234, unit="lb").values
    assert in_lb["actual_weight_kg"] == 154.3234 * KG_PER_LB
    in_kg = run(weight=154.3234 * KG_PER_LB).values
    assert in_lb["rate_mg_per_h"] == in_kg["rate_mg_per_h"]
    assert in_lb["total_mg"] == in_kg["total_mg"]


@pytest.mark.parametrize(
    ("height", "sex", "ideal"),
    [
        (152.4, "male", 50.0),
        (152.4, "female", 45.5),
        (175, "male", 50 + 0.9055 * (175 - 152.4)),
        (165, "female", 45.5 + 0.9055 * (165 - 152.4)),
    ],
)
def test_devine_ideal_weight(height, sex, ideal):
    v = run(weight=90, height_cm=height, sex=sex).values
    assert v["ideal_weight_kg"] == pytest.approx(ideal)
    assert v["adjusted_weight_kg"] == pytest.approx(ideal + 0.4 * (90 - ideal))
    assert v["dosing_weight_kg"] == 90  # actual is the default basis


def test_devine_is_2_3_kg_per_inch_over_60_inches():
    inch = 2.54
    assert dose.ideal_weight(152.4 + 10 * inch, "male") == pytest.approx(50 + 23, abs=0.001)


def test_basis_picks_the_dosing_weight():
    ideal = 50 + 0.9055 * (180 - 152.4)
    adjusted = ideal + 0.4 * (120 - ideal)
    base = {"weight": 120, "height_cm": 180, "sex": "male", "protocol": "sanacora-2017"}
    by_ideal = run(**base, basis="ideal").values
    by_adjusted = run(**base, basis="adjusted").values
    assert by_ideal["dosing_weight_kg"] == pytest.approx(ideal)
    assert by_ideal["total_mg"] == pytest.approx(0.5 * ideal)
    assert by_adjusted["dosing_weight_kg"] == pytest.approx(adjusted)


def test_the_three_weights_are_shown_side_by_side():
    html = run(weight=100, height_cm=180, sex="female").html
    assert "Ideal (Devine)" in html and "Adjusted" in html and "Actual" in html
    assert "devine-1974" in run(weight=100, height_cm=180, sex="female").references


def test_short_height_with_actual_basis_says_ibw_is_undefined():
    result = run(weight=60, height_cm=150, sex="female")
    assert result.ok
    assert result.values["ideal_weight_kg"] is None
    assert any("not defined below 152.4 cm" in note for note in result.values["notes"])


@pytest.mark.parametrize("basis", ["ideal", "adjusted"])
def test_short_height_with_ideal_basis_is_an_error(basis):
    result = run(weight=60, height_cm=150, sex="female", basis=basis)
    assert "does not apply below 152.4 cm" in result.errors["height_cm"]


@pytest.mark.parametrize("basis", ["ideal", "adjusted"])
def test_ideal_basis_needs_height_and_sex(basis):
    result = run(weight=60, basis=basis)
    assert set(result.errors) == {"height_cm", "sex"}


def test_lower_end_of_range_is_used_and_said():
    result = run(weight=70, protocol="asra-2018", minutes=150)
    assert result.values["dose"] == 0.5
    assert result.values["dose_source"] == "protocol-range-lower-end"
    assert any("lower end of the published range" in n for n in result.values["notes"])
    label = dict(dose.inputs[5].choices)["asra-2018"]
    assert "lower end" in label


def test_a_protocol_with_no_length_opens_on_a_result_not_an_error():
    murrough = run(weight=70, protocol="murrough-2013")
    assert murrough.ok and murrough.values["minutes"] is None
    assert murrough.values["total_mg"] == pytest.approx(35) and murrough.values["rate_mg_per_h"] is None
    assert "enter a length to see one" in " ".join(murrough.values["notes"])
    nhs = run(weight=70, protocol="nhs-highland")
    assert nhs.ok and nhs.values["rate_mg_per_h"] == 5 and nhs.values["total_mg"] is None
    assert run(weight=70, protocol="murrough-2013", minutes=40).values["rate_mg_per_h"] == pytest.approx(52.5)


def test_asra_length_is_the_time_its_first_infusion_takes():
    v = run(weight=70, protocol="asra-2018").values
    assert v["rate_mg_per_h"] == pytest.approx(35)
    assert v["minutes"] == 138 and v["minutes_source"] == "first-infusion"  # 80 mg at 35 mg/h
    assert v["total_mg"] >= 80
    fast = run(weight=100, protocol="asra-2018", dose="1").values  # 100 mg/h: 80 mg in 48 min
    assert fast["minutes"] == 120 and fast["total_mg"] == pytest.approx(200)


def test_evidence_summaries_are_not_offered():
    assert not {"crps-22mgh", "sci-pain"} & set(data.offered_protocols())
    for pid in ("crps-22mgh", "sci-pain"):
        assert "evidence summary" in run(weight=70, protocol=pid).errors["protocol"]


def test_a_fixed_rate_needs_no_height_or_sex():
    result = run(weight=70, protocol="nhs-highland", basis="ideal")
    assert result.ok and result.values["basis_used"] == "actual"
    assert "does not depend on a dosing weight" in " ".join(result.values["notes"])


def test_custom_dose_beyond_a_line_within_practice_warns_and_is_not_changed():
    result = run(weight=60, protocol="asra-2018", dose="1.5", minutes=180)
    assert result.values["rate_mg_per_h"] == pytest.approx(90)  # never changed silently
    assert "pa-low-dose-infusion" in codes(result)
    assert "protocol-dose" not in codes(result)  # within its own range


def test_nhs_protocol_applies_its_own_caps():
    over = run(weight=70, protocol="nhs-highland", dose="25", minutes=60)
    under = run(weight=45, protocol="nhs-highland", dose="20", minutes=60)
    assert over.values["rate_mg_per_h"] == 25 and not over.values["capped"]
    assert under.values["rate_mg_per_h"] == 15 and under.values["capped"]
    start = run(weight=70, protocol="nhs-highland", minutes=60)
    assert start.values["rate_mg_per_h"] == 5 and not start.values["capped"]


def test_only_upper_lines_caps_and_minimums_warn():
    result = run(weight=70, dose="0.4", minutes=300)
    assert {"protocol-dose", "protocol-length"} <= set(codes(result))
    depression = run(weight=70, protocol="andrade-2017", dose="0.1", minutes="60")
    assert codes(depression) == []  # below a range's top is information, not a warning
    sanacora = run(weight=70, protocol="sanacora-2017", dose="0.75", minutes="40")
    assert codes(sanacora) == ["protocol-dose"]


def test_asra_first_infusion_minimums():
    result = run(weight=70, protocol="asra-2018", minutes=60)
    assert {"asra-first-infusion-amount", "asra-first-infusion-length"} <= set(codes(result))
    assert not {"asra-first-infusion-amount", "asra-first-infusion-length"} & set(
        codes(run(weight=70, protocol="asra-2018", minutes=180))
    )


def test_every_warning_names_a_known_reference():
    refs = data.references()
    for pid in data.offered_protocols():
        for weight in ("40", "50", "70", "150", "350"):
            result = run(weight=weight, protocol=pid, minutes=60, dose="")
            for warning in result.warnings:
                assert warning.reference in refs
            assert set(result.references) <= set(refs)


def test_result_html_shows_amounts_formula_and_references():
    html = run(weight=70).html
    assert "24.5 mg/h" in html and "24.5 mL/h" in html and "98.0 mg" in html and "98.0 mL" in html
    assert "never for programming a pump" in html
    assert "Formula:" in html
    assert "0.35 mg/kg/h × 70.0 kg = 24.5 mg/h" in html
    assert "Schwartzman RJ, et al. Pain 2009." in html


def test_the_form_carries_the_educational_framing_above_its_fields():
    form = calculators.render_form("dose")
    assert form.index("not a prescription") < form.index('name="weight"')


def test_error_html_has_no_numbers_from_the_calculation():
    result = run(weight="seventy")
    assert not result.ok
    assert "Fix the highlighted fields" in result.html
    assert "mg/h" not in result.html
    assert result.values == {}
