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
from calculators import data
from calculators.messages import say


@dataclasses.dataclass(frozen=True)
class Scenario:
    why: str
    fields: dict
    shows: dict = dataclasses.field(default_factory=dict)  # value name -> expected number
    refuses: str = ""  # the field that must give an error
    problem: str = ""  # ... and the code of that error
    notes: tuple = ()  # codes of notes the result must carry
    says: tuple = ()  # words the result (or the error) must contain: the catalogue's or the data's
    never: str = ""  # words the result must never contain


def why_not(pid: str) -> str:
    """Why the data file says a protocol is not illustrated."""
    return data.protocols()[pid].why_not_offered


def scope(key: str) -> str:
    """The data file's words on what the site illustrates."""
    return data.load()["scope"][key]


ADULT = {"adult": "yes"}
SCENARIOS = [
    Scenario("worked example, 70 kg, Schwartzman",
             {**ADULT, "weight": "70", "protocol": "schwartzman-2009"},
             {"rate_mg_per_h": 24.5, "session_mg_high": 98, "minutes": 240}),
    # Unsafe: the "ASRA 2018" option by actual weight gave 175 mg/h at 350 kg and 700 mg/h at
    # 2 mg/kg/h. ASRA recommends one thing: at least 80 mg over more than 2 h, not per kg.
    Scenario("ASRA at 350 kg: still its 80 mg, never scaled by weight",
             {**ADULT, "weight": "350", "protocol": "asra-2018"},
             {"session_mg_high": 80, "dosing_weight_kg": None}, says=(say("dose.row.beside"),),
             never="0.5-2 mg/kg/h"),
    Scenario("ASRA at 70 kg: 80 mg is about 1.14 mg per kg, set beside the weight",
             {**ADULT, "weight": "70", "protocol": "asra-2018"},
             {"mg_per_kg_actual_low": 80 / 70, "minutes_more_than": 120},
             says=(say("dose.row.first-infusion"), say("dose.mg-per-kg", amount="1.14"))),
    Scenario("a free dose is not an input any more", {**ADULT, "weight": "70",
             "protocol": "asra-2018", "dose": "2", "minutes": "900"},
             {"session_mg_high": 80}),
    Scenario("Schwartzman at 350 kg: its 25 mg/h cap, 100 mg in its 4 h",
             {**ADULT, "weight": "350", "protocol": "schwartzman-2009"},
             {"rate_mg_per_h": 25, "session_mg_high": 100}, notes=("dose.note.capped",),
             never="122.5"),
    # Unsafe: a depression review's range (Andrade 0.1-0.75 mg/kg over 2-100 min) is not offered.
    Scenario("Andrade's depression range is not a chronic-pain regimen",
             {**ADULT, "weight": "70", "protocol": "andrade-2017"}, refuses="protocol",
             problem="not-illustrated",
             says=(why_not("andrade-2017"), data.article("protocols-in-practice")[0])),
    Scenario("Sanacora's depression dose is not offered",
             {**ADULT, "weight": "70", "protocol": "sanacora-2017"}, refuses="protocol",
             problem="not-illustrated", says=(why_not("sanacora-2017"),)),
    Scenario("NHS Highland is an acute-pain ward guideline: not offered",
             {**ADULT, "weight": "70", "protocol": "nhs-highland"}, refuses="protocol",
             problem="not-illustrated", says=(why_not("nhs-highland"),)),
    Scenario("ASRA's CRPS evidence summary is not a regimen",
             {**ADULT, "weight": "45", "protocol": "crps-22mgh"}, refuses="protocol",
             problem="not-illustrated", says=(why_not("crps-22mgh"),)),
    Scenario("Sigtermans titrated S(+)-ketamine in hospital: not offered",
             {**ADULT, "weight": "70", "protocol": "sigtermans-2009"}, refuses="protocol",
             problem="not-illustrated", says=(why_not("sigtermans-2009"),)),
    # Goldberg's range: a choice inside it, never outside, with its own figure and citation.
    Scenario("Goldberg inside its own range", {**ADULT, "weight": "70",
             "protocol": "goldberg-2005", "daily_mg": "60"}, {"session_mg_high": 60}),
    Scenario("Goldberg above its own range names its own figure",
             {**ADULT, "weight": "70", "protocol": "goldberg-2005", "daily_mg": "120"},
             refuses="daily_mg", problem="outside-the-regimen",
             says=(say("dose.mg.range", low="40", high="80"),
                   data.references()["goldberg-2005"].short)),
    # Adults only: asked, not guessed.
    Scenario("under 18: no figure, specialist care", {"adult": "no", "weight": "70",
             "protocol": "schwartzman-2009"}, refuses="adult", problem="under-18",
             says=(scope("under_18"),)),
    Scenario("a child's weight", {**ADULT, "weight": "20", "protocol": "schwartzman-2009"},
             refuses="weight", problem="too-low", says=(scope("adults_only"),)),
    Scenario("an adult's weight does not answer the age question",
             {"weight": "70", "protocol": "schwartzman-2009"}, refuses="adult", problem="missing"),
    # Weights: never above actual; heavy people see ideal and adjusted beside actual.
    Scenario("underweight by adjusted weight: adjusted is above actual, actual is used",
             {**ADULT, "weight": "50", "height_cm": "185", "sex": "male", "basis": "adjusted",
              "protocol": "schwartzman-2009"},
             {"dosing_weight_kg": 50, "rate_mg_per_h": 17.5}, notes=("dose.note.above-actual",)),
    Scenario("130 kg, 160 cm: ideal and adjusted figures beside the actual one",
             {**ADULT, "weight": "130", "height_cm": "160", "sex": "female",
              "protocol": "schwartzman-2009"},
             {"rate_mg_per_h": 25}, notes=("dose.note.far-above-ideal",),
             says=(say("dose.table.caption"),)),
    Scenario("130 kg without a height: our sources are silent on such weights",
             {**ADULT, "weight": "130", "protocol": "schwartzman-2009"},
             notes=("data:scope.heavy_without_height",), says=(scope("heavy_without_height"),)),
    Scenario("adjusted weight is called a convention", {**ADULT, "weight": "110",
             "height_cm": "170", "sex": "female", "basis": "adjusted",
             "protocol": "schwartzman-2009"}, notes=("dose.note.far-above-ideal",),
             says=(data.load()["adjusted_weight"]["convention"],)),
    # No pump arithmetic on a public site.
    Scenario("no mL, no bag strength", {**ADULT, "weight": "70", "protocol": "schwartzman-2009",
             "concentration": "5"}, {"rate_mg_per_h": 24.5}, never="mL"),
    Scenario("the premedication of the trial is part of its regimen",
             {**ADULT, "weight": "70", "protocol": "schwartzman-2009"},
             notes=("data:protocols.schwartzman-2009.notes.1",),
             says=(data.protocols()["schwartzman-2009"].notes[1],)),
]


def _text(result) -> str:
    return " ".join([*result.errors.values(), result.html.replace("&#x27;", "'")])


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.why for s in SCENARIOS])
def test_scenario(scenario):
    result = calculators.run("dose", scenario.fields)
    if scenario.refuses:
        assert result.codes == {scenario.refuses: scenario.problem}, result.errors
        assert result.values == {} and "calculator-values" not in result.html
    else:
        assert result.ok, result.errors
        assert result.warnings == []  # a published regimen as published is never warned about
        for key, expected in scenario.shows.items():
            assert result.values[key] == pytest.approx(expected), key
        assert set(scenario.notes) <= set(result.values["note_codes"])
    for words in scenario.says:
        assert words in _text(result), words
    if scenario.never:
        assert scenario.never not in _text(result)
