"""Clinical scenarios, one row each, for a clinician to read: what is typed, what must be shown,
or which field must refuse the input.

Figures are the arithmetic of the data file's published chronic-pain regimens (mg, mg/h). A row
that expects an error expects no figures at all. The rows include every case of the second
clinical review (issue 19): doses no regimen ever gave under a guideline's name (700 mg/h by
"ASRA 2018"), a depression review's range offered as a regimen, the acute-pain ward guideline,
a child, a heavy person, and a person lighter than their ideal weight.
"""

import dataclasses

import pytest

import calculators


@dataclasses.dataclass(frozen=True)
class Scenario:
    why: str
    fields: dict
    shows: dict = dataclasses.field(default_factory=dict)  # value name -> expected number
    refuses: str = ""  # the field that must give an error
    says: str = ""  # words the result (or the error) must contain
    never: str = ""  # words the result must never contain


ADULT = {"adult": "yes"}
SCENARIOS = [
    Scenario("worked example, 70 kg, Schwartzman",
             {**ADULT, "weight": "70", "protocol": "schwartzman-2009"},
             {"rate_mg_per_h": 24.5, "session_mg_high": 98, "minutes": 240}),
    # Unsafe: the "ASRA 2018" option by actual weight gave 175 mg/h at 350 kg and 700 mg/h at
    # 2 mg/kg/h. ASRA recommends one thing: at least 80 mg over more than 2 h, not per kg.
    Scenario("ASRA at 350 kg: still its 80 mg, never scaled by weight",
             {**ADULT, "weight": "350", "protocol": "asra-2018"},
             {"session_mg_high": 80}, says="to compare only",
             never="0.5-2 mg/kg/h"),
    Scenario("ASRA at 70 kg: 80 mg is about 1.14 mg per kg, set beside the weight",
             {**ADULT, "weight": "70", "protocol": "asra-2018"},
             {"mg_per_kg_actual_low": 80 / 70}, says="over more than 2 h"),
    Scenario("a free dose is not an input any more", {**ADULT, "weight": "70",
             "protocol": "asra-2018", "dose": "2", "minutes": "900"},
             {"session_mg_high": 80}),
    Scenario("Schwartzman at 350 kg: its 25 mg/h cap, 100 mg in its 4 h",
             {**ADULT, "weight": "350", "protocol": "schwartzman-2009"},
             {"rate_mg_per_h": 25, "session_mg_high": 100}, never="122.5"),
    # Unsafe: a depression review's range (Andrade 0.1-0.75 mg/kg over 2-100 min) is not offered.
    Scenario("Andrade's depression range is not a chronic-pain regimen",
             {**ADULT, "weight": "70", "protocol": "andrade-2017"}, refuses="protocol",
             says="Ketamine protocols in practice"),
    Scenario("Sanacora's depression dose is not offered",
             {**ADULT, "weight": "70", "protocol": "sanacora-2017"}, refuses="protocol",
             says="a depression protocol"),
    Scenario("NHS Highland is an acute-pain ward guideline: not offered",
             {**ADULT, "weight": "70", "protocol": "nhs-highland"}, refuses="protocol",
             says="acute pain"),
    Scenario("ASRA's CRPS evidence summary is not a regimen",
             {**ADULT, "weight": "45", "protocol": "crps-22mgh"}, refuses="protocol",
             says="evidence summary"),
    Scenario("Sigtermans titrated S(+)-ketamine in hospital: not offered",
             {**ADULT, "weight": "70", "protocol": "sigtermans-2009"}, refuses="protocol",
             says="S(+)-ketamine"),
    # Goldberg's range: a choice inside it, never outside, with its own figure and citation.
    Scenario("Goldberg inside its own range", {**ADULT, "weight": "70",
             "protocol": "goldberg-2005", "daily_mg": "60"}, {"session_mg_high": 60}),
    Scenario("Goldberg above its own range names its own figure",
             {**ADULT, "weight": "70", "protocol": "goldberg-2005", "daily_mg": "120"},
             refuses="daily_mg", says="40 to 80 mg a day (Goldberg et al., 2005)"),
    # Adults only: asked, not guessed.
    Scenario("under 18: no figure, specialist care", {"adult": "no", "weight": "70",
             "protocol": "schwartzman-2009"}, refuses="adult", says="specialist guidance"),
    Scenario("a child's weight", {**ADULT, "weight": "20", "protocol": "schwartzman-2009"},
             refuses="weight", says="published for adults only"),
    Scenario("an adult's weight does not answer the age question",
             {"weight": "70", "protocol": "schwartzman-2009"}, refuses="adult"),
    # Weights: never above actual; heavy people see ideal and adjusted beside actual.
    Scenario("underweight by adjusted weight: adjusted is above actual, actual is used",
             {**ADULT, "weight": "50", "height_cm": "185", "sex": "male", "basis": "adjusted",
              "protocol": "schwartzman-2009"},
             {"dosing_weight_kg": 50, "rate_mg_per_h": 17.5}, says="the actual weight is used"),
    Scenario("130 kg, 160 cm: ideal and adjusted figures beside the actual one",
             {**ADULT, "weight": "130", "height_cm": "160", "sex": "female",
              "protocol": "schwartzman-2009"},
             {"rate_mg_per_h": 25}, says="The same regimen by each weight"),
    Scenario("130 kg without a height: our sources are silent on such weights",
             {**ADULT, "weight": "130", "protocol": "schwartzman-2009"},
             says="Our sources do not say how these regimens were used"),
    Scenario("adjusted weight is called a convention", {**ADULT, "weight": "110",
             "height_cm": "170", "sex": "female", "basis": "adjusted",
             "protocol": "schwartzman-2009"}, says="a common dosing convention"),
    # No pump arithmetic on a public site.
    Scenario("no mL, no bag strength", {**ADULT, "weight": "70", "protocol": "schwartzman-2009",
             "concentration": "5"}, {"rate_mg_per_h": 24.5}, never="mL"),
    Scenario("the premedication of the trial is part of its regimen",
             {**ADULT, "weight": "70", "protocol": "schwartzman-2009"},
             says="clonidine and midazolam"),
]


def _text(result) -> str:
    return " ".join([*result.errors.values(), result.html.replace("&#x27;", "'")])


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.why for s in SCENARIOS])
def test_scenario(scenario):
    result = calculators.run("dose", scenario.fields)
    if scenario.refuses:
        assert scenario.refuses in result.errors, result.errors
        assert result.values == {} and "calculator-values" not in result.html
    else:
        assert result.ok, result.errors
        assert result.warnings == []  # a published regimen as published is never warned about
        for key, expected in scenario.shows.items():
            assert result.values[key] == pytest.approx(expected), key
    assert scenario.says in _text(result)
    if scenario.never:
        assert scenario.never not in _text(result)
