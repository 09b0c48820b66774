"""Clinical scenarios, one row each, for a clinician to read: what is typed, what must be shown,
which warnings must appear and which must not, or which field must refuse the input.

Figures are the arithmetic of the data file's published protocols (mg, mg/h, minutes). A row
that expects an error expects no figures at all. The rows include every case of the clinical
review (issue 7): a dosing weight above the actual weight, weights and doses beyond what the
site illustrates, evidence summaries offered as regimens, warnings on the site's own example,
NHS Highland's acute-pain ward guideline, protocols with no published length, and the wording
of the mL/h figure.
"""

import dataclasses

import pytest

import calculators


@dataclasses.dataclass(frozen=True)
class Scenario:
    why: str
    fields: dict
    shows: dict = dataclasses.field(default_factory=dict)  # value name -> expected number
    warns: tuple = ()  # warning codes that must appear
    never: tuple | str = ()  # warning codes that must not appear; "any" for none at all
    refuses: str = ""  # the field that must give an error
    says: str = ""  # words the result (or the error) must contain


ANY = "any"

SCENARIOS = [
    # The site's own worked example shows no warning at all.
    Scenario("worked example, 70 kg, Schwartzman", {"weight": "70", "protocol": "schwartzman-2009"},
             {"rate_mg_per_h": 24.5, "total_mg": 98, "minutes": 240}, never=ANY),
    Scenario("the facts file's 0.5 mg/kg example", {"weight": "70", "protocol": "sanacora-2017"},
             {"total_mg": 35, "rate_mg_per_h": 52.5}, never=ANY),
    # Unsafe 1: a dosing weight above the actual weight is never used.
    Scenario("45 kg, 180 cm man by ideal weight (75 kg): dosed by actual weight",
             {"weight": "45", "height_cm": "180", "sex": "male", "basis": "ideal",
              "protocol": "sanacora-2017"},
             {"dosing_weight_kg": 45, "total_mg": 22.5, "dose_per_kg_actual": 0.5},
             never=("andrade-depression-range",), says="above the actual weight"),
    Scenario("underweight by adjusted weight: adjusted is above actual, actual is used",
             {"weight": "50", "height_cm": "185", "sex": "male", "basis": "adjusted",
              "protocol": "schwartzman-2009"},
             {"dosing_weight_kg": 50, "rate_mg_per_h": 17.5}, says="the actual weight is used"),
    Scenario("a different dose per kg above the protocol's, by a weight above actual: warned",
             {"weight": "45", "height_cm": "180", "sex": "male", "basis": "ideal",
              "protocol": "sanacora-2017", "dose": "0.75"},
             {"dosing_weight_kg": 45, "total_mg": 33.75}, warns=("protocol-dose",)),
    # Unsafe 2: outside what the site illustrates is refused, with the reason and an article.
    Scenario("a child's weight", {"weight": "20", "protocol": "asra-2018"},
             refuses="weight", says="adult protocols only"),
    Scenario("180 kg at 10 mg/kg over 1 minute (1,800 mg)",
             {"weight": "180", "protocol": "sanacora-2017", "dose": "10", "minutes": "1"},
             refuses="dose", says="the highest published figure"),
    Scenario("1 minute is shorter than any published length",
             {"weight": "70", "protocol": "sanacora-2017", "minutes": "1"},
             refuses="minutes", says="the lowest published figure"),
    Scenario("3 mg/kg/h is beyond every published line", {"weight": "70", "protocol":
             "schwartzman-2009", "dose": "3"}, refuses="dose", says="2 mg/kg/h"),
    Scenario("1 mg/kg/h by ASRA: at the Pennsylvania low-dose line, inside ASRA's range",
             {"weight": "70", "protocol": "asra-2018", "dose": "1"},
             {"rate_mg_per_h": 70, "minutes": 120}, never=ANY),
    Scenario("1.5 mg/kg/h by ASRA: above the Pennsylvania low-dose line: a warning",
             {"weight": "60", "protocol": "asra-2018", "dose": "1.5", "minutes": "180"},
             {"rate_mg_per_h": 90}, warns=("pa-low-dose-infusion",)),
    Scenario("0.5 mg/kg/h by Schwartzman: above its own line: a warning, capped at 25 mg/h",
             {"weight": "70", "protocol": "schwartzman-2009", "dose": "0.5"},
             {"rate_mg_per_h": 25}, warns=("protocol-dose", "protocol-cap")),
    Scenario("80 kg by Schwartzman: capped at 25 mg/h, with a warning", {"weight": "80",
             "protocol": "schwartzman-2009"}, {"rate_mg_per_h": 25, "total_mg": 100},
             warns=("protocol-cap",)),
    Scenario("350 kg by ASRA at 2 mg/kg/h for 4.2 days: more than any published infusion",
             {"weight": "350", "protocol": "asra-2018", "dose": "2", "minutes": "6048"},
             refuses="minutes", says="mg in total is above 2112 mg"),
    Scenario("a dose over minutes longer than any studied (100 min): refused",
             {"weight": "70", "protocol": "sanacora-2017", "minutes": "120"},
             refuses="minutes", says="above 100 min"),
    Scenario("a continuous infusion shorter than any published (17 min): refused",
             {"weight": "70", "protocol": "schwartzman-2009", "minutes": "10"},
             refuses="minutes", says="below 17 min"),
    Scenario("Sanacora's dose given over 20 min, faster than published: a warning",
             {"weight": "70", "protocol": "sanacora-2017", "minutes": "20"},
             {"rate_mg_per_h": 105}, warns=("protocol-length-short",)),
    Scenario("ASRA at a tiny rate: no first-infusion length beyond any published length",
             {"weight": "70", "protocol": "asra-2018", "dose": "0.01"},
             {"rate_mg_per_h": 0.7}, says="longer than any published infusion"),
    # Unsafe 3: evidence summaries are not offered as regimens.
    Scenario("ASRA's CRPS evidence summary is not a regimen", {"weight": "45", "protocol":
             "crps-22mgh"}, refuses="protocol", says="evidence summary"),
    Scenario("ASRA's spinal cord injury summary is not a regimen", {"weight": "70", "protocol":
             "sci-pain"}, refuses="protocol", says="evidence summary"),
    # Misleading: being below a range is not a hazard.
    Scenario("Schwartzman sits below the ASRA range: shown, not warned",
             {"weight": "70", "protocol": "schwartzman-2009"},
             never=("asra-infusion-range",), says="below the ASRA consensus infusion range"),
    Scenario("Andrade's lowest dose: no warning", {"weight": "70", "protocol": "andrade-2017",
             "dose": "0.1"}, {"total_mg": 7}, never=ANY),
    # Misleading: NHS Highland is an acute-pain ward guideline, not a chronic-pain ceiling.
    Scenario("NHS Highland labelled acute pain, its own bag", {"weight": "70", "protocol":
             "nhs-highland", "concentration": "5"}, {"rate_mg_per_h": 5, "rate_ml_per_h": 1},
             never=ANY, says="ACUTE pain on a hospital ward"),
    Scenario("NHS Highland under 50 kg: its 15 mg/h maximum", {"weight": "45", "protocol":
             "nhs-highland", "dose": "20", "minutes": "60"}, {"rate_mg_per_h": 15},
             warns=("protocol-cap",)),
    Scenario("a chronic-pain protocol is not compared with the ward maximum",
             {"weight": "100", "protocol": "asra-2018", "dose": "0.5", "minutes": "180"},
             {"rate_mg_per_h": 50}, never=ANY),
    Scenario("a fixed mg/h rate asks for no height or sex", {"weight": "70", "protocol":
             "nhs-highland", "basis": "ideal"}, {"rate_mg_per_h": 5}),
    # Misleading: protocols with no published length open on an explained result.
    Scenario("ASRA: the length its first infusion (80 mg, over 2 h) takes",
             {"weight": "70", "protocol": "asra-2018"},
             {"rate_mg_per_h": 35, "minutes": 138}, never=ANY, says="80 mg takes 2 h 18 min"),
    Scenario("ASRA at 100 mg/h: 2 h, since 80 mg would take less",
             {"weight": "100", "protocol": "asra-2018", "dose": "1"},
             {"minutes": 120, "total_mg": 200}, never=("asra-first-infusion-length",)),
    Scenario("ASRA shorter than its first infusion: the two minimums warn",
             {"weight": "70", "protocol": "asra-2018", "minutes": "60"},
             warns=("asra-first-infusion-amount", "asra-first-infusion-length")),
    Scenario("Murrough: no published length, the total without a rate",
             {"weight": "70", "protocol": "murrough-2013"}, {"total_mg": 35},
             never=ANY, says="enter a length to see one"),
    # Misleading: the mL/h is arithmetic, and a reader's own number is a dose to compare.
    Scenario("mL/h is never a pump setting", {"weight": "70", "protocol": "schwartzman-2009"},
             says="never for programming a pump"),
    Scenario("a different dose to compare, not 'your own dose'",
             {"weight": "70", "protocol": "schwartzman-2009", "dose": "0.3"},
             {"rate_mg_per_h": 21}, never=ANY, says="a different dose to compare"),
    Scenario("adjusted weight is called a convention", {"weight": "110", "height_cm": "170",
             "sex": "female", "basis": "adjusted", "protocol": "schwartzman-2009"},
             says="a common dosing convention"),
]


def _text(result) -> str:
    return " ".join([*result.errors.values(), result.html.replace("&#x27;", "'")])


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.why for s in SCENARIOS])
def test_scenario(scenario):
    result = calculators.run("dose", scenario.fields)
    codes = [w.code for w in result.warnings]
    if scenario.refuses:
        assert scenario.refuses in result.errors, result.errors
        assert result.values == {} and "calculator-values" not in result.html
    else:
        assert result.ok, result.errors
        for key, expected in scenario.shows.items():
            assert result.values[key] == pytest.approx(expected), key
        assert set(scenario.warns) <= set(codes)
        if scenario.never == ANY:
            assert codes == []
        else:
            assert not set(scenario.never) & set(codes)
    assert scenario.says in _text(result)


def test_no_message_states_a_bound_twice():
    for scenario in SCENARIOS:
        for warning in calculators.run("dose", scenario.fields).warnings:
            inside = warning.message[warning.message.find("("):]
            assert inside.count(inside[:12]) == 1, warning.message
