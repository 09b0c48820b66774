"""A person's body weights (calculators/weights.py): Devine's ideal weight, the adjusted weight,
and a weight as a reader reads it."""

import pytest

from calculators import weights
from calculators.messages import say

INCH = 2.54


def test_devine_ideal_and_adjusted_weights():
    assert weights.ideal_weight(152.4 + 10 * INCH, "male") == pytest.approx(50 + 23, abs=0.001)
    assert weights.ideal_weight(170, "female") == pytest.approx(45.5 + 0.9055 * 17.6)
    assert weights.ideal_weight(150, "female") is None  # undefined below 152.4 cm
    assert weights.adjusted_weight(100, 60) == pytest.approx(76)


@pytest.mark.parametrize(("height", "sex"), [(None, ""), (170, ""), (None, "male"), (150, "male")])
def test_a_person_without_a_height_and_sex_the_formula_covers_has_only_the_actual_weight(
        height, sex):
    person = weights.person(90, "kg", height, sex)
    assert (person.ideal, person.adjusted, person.above_ideal_percent()) == (None, None, None)
    assert person.by("actual") == 90 and person.by("ideal") is None


def test_a_person_with_height_and_sex_has_ideal_and_adjusted_weights():
    person = weights.person(100, "kg", 170, "male")
    ideal = weights.ideal_weight(170, "male")
    assert person.by("ideal") == ideal
    assert person.by("adjusted") == weights.adjusted_weight(100, ideal)
    assert person.above_ideal_percent() == pytest.approx((100 / ideal - 1) * 100)


def test_a_weight_is_shown_in_the_unit_the_reader_gave_too():
    assert weights.Weights(70, "kg").shown(70, "en") == say("weight.kg", kg="70.0")
    kg = 154 * weights.kg_per_lb()
    assert weights.Weights(kg, "lb").shown(kg, "en") == say("weight.kg-lb", kg="69.9", lb="154.0")


def test_the_devine_formula_start_is_said_in_cm_and_inches():
    assert weights.devine_start("en") == say("weight.devine-start", cm="152.4", inches="60")
