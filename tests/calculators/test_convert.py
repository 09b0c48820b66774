"""The rate converter: a third calculator, one module, the same contract as the others."""

import json

import pytest

import calculators
from calculators import render


def run(**fields):
    return calculators.run("convert", {key: str(value) for key, value in fields.items()})


def test_the_worked_example_is_the_facts_files():
    v = run(rate=0.35, weight=70).values  # 0.35 mg/kg/h x 70 kg = 24.5 mg/h = 24.5 mL/h at 1 mg/mL
    assert v["mg_per_h"] == pytest.approx(24.5) and v["ml_per_h"] == pytest.approx(24.5)


@pytest.mark.parametrize(("rate", "unit", "mg_per_h"), [
    ("24.5", "mg/h", 24.5), ("12.25", "mL/h", 24.5), ("0.35", "mg/kg/h", 24.5),
])
def test_every_unit_gives_the_same_rate(rate, unit, mg_per_h):
    v = run(rate=rate, rate_unit=unit, weight=70, concentration=2).values
    assert v["mg_per_h"] == pytest.approx(mg_per_h) and v["ml_per_h"] == pytest.approx(12.25)
    assert v["mg_per_kg_per_h"] == pytest.approx(0.35)


def test_pounds_are_converted_exactly():
    assert run(rate=0.35, weight=154.3234, unit="lb").values["weight_kg"] == 154.3234 * 0.45359237


@pytest.mark.parametrize(("fields", "field", "words"), [
    ({"rate": "", "weight": "70"}, "rate", "Enter the rate as a number"),
    ({"rate": "0", "weight": "70"}, "rate", "more than 0"),
    ({"rate": "-1", "weight": "70"}, "rate", "more than 0"),
    ({"rate": "2.01", "weight": "70"}, "rate", "the highest published figure"),
    ({"rate": "141", "rate_unit": "mg/h", "weight": "70"}, "rate", "above 2 mg/kg/h"),
    ({"rate": "0.35", "weight": "20"}, "weight", "adult protocols only"),
    ({"rate": "0.35", "weight": "70", "rate_unit": "mg/min"}, "rate_unit", "Choose mg/kg/h"),
    ({"rate": "0.35", "weight": "70", "concentration": "3"}, "concentration", "bag strength"),
])
def test_bad_input_is_refused_with_the_fields_words(fields, field, words):
    result = run(**fields)
    assert not result.ok and words in result.errors[field]
    assert result.values == {} and "Fix the highlighted fields" in result.html


def test_the_mL_figure_is_never_a_pump_setting():
    assert "never for programming a pump" in run(rate=0.35, weight=70).html


def test_it_fulfils_the_calculator_contract_and_the_site_picks_it_up():
    for name in calculators.NAMES:
        calc = calculators.get(name)
        assert calc.name == name and calc.title and calc.summary
        assert all(isinstance(field, calculators.Input) for field in calc.inputs)
        result = calc.compute(calc.default_fields())
        assert result.ok and calc.text(result)[0] == render.FRAMING
        assert json.loads(calculators.run_json(name, json.dumps(calc.default_fields())))["ok"]
        assert f'data-calculator="{name}"' in calculators.render_form(name)
        assert json.loads(calculators.defaults_json(name, "2026-01-01"))
