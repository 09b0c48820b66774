"""A person's body weights in kg: the actual weight, and the ideal (Devine 1974) and adjusted
weights when a height and a sex give them; and a weight as a reader reads it.

Nothing here is about a dose: any calculator that needs a body weight may use it. The formulas'
figures (Devine's bases and slope, the adjusted weight's factor) are the data file's.
"""

import dataclasses

from calculators import data, formats
from calculators.messages import say


@dataclasses.dataclass(frozen=True)
class Weights:
    """The person's weights in kg: actual, and ideal and adjusted when height and sex give them."""

    actual: float
    unit: str  # the unit the reader gave the weight in ("kg" or "lb"): weights are shown in it too
    height_cm: float | None = None
    sex: str = ""  # "female", "male", or "" (not given)
    ideal: float | None = None
    adjusted: float | None = None

    def by(self, basis: str) -> float | None:
        """The weight of a basis: "actual", "ideal" or "adjusted"."""
        return {"actual": self.actual, "ideal": self.ideal, "adjusted": self.adjusted}[basis]

    def shown(self, kg: float, lang: str) -> str:
        """A weight in kg, with pounds when the reader gave pounds."""
        if self.unit == "lb":
            return say("weight.kg-lb", lang, kg=formats.weight(kg, lang),
                       lb=formats.weight(kg / kg_per_lb(), lang))
        return say("weight.kg", lang, kg=formats.weight(kg, lang))

    def above_ideal_percent(self) -> float | None:
        """How far the actual weight is above the ideal one, in percent (None: no ideal)."""
        return None if self.ideal is None else (self.actual / self.ideal - 1) * 100


def person(actual: float, unit: str, height_cm: float | None, sex: str) -> Weights:
    """The person's weights: ideal and adjusted only when the height and the sex are both given
    and the height is one the Devine formula covers."""
    ideal = None if height_cm is None or not sex else ideal_weight(height_cm, sex)
    if ideal is None:
        return Weights(actual, unit, height_cm, sex)
    return Weights(actual, unit, height_cm, sex, ideal, adjusted_weight(actual, ideal))


def ideal_weight(height_cm: float, sex: str) -> float | None:
    """Devine ideal body weight in kg, or None below the height the formula starts at."""
    devine = data.load()["devine"]
    if height_cm < devine["from_height_cm"]:
        return None
    base = devine["male_base_kg"] if sex == "male" else devine["female_base_kg"]
    return base + devine["kg_per_cm"] * (height_cm - devine["from_height_cm"])


def adjusted_weight(actual_kg: float, ideal_kg: float) -> float:
    """The adjusted body weight: the ideal weight and a share of the weight above it."""
    return ideal_kg + data.load()["adjusted_weight"]["factor"] * (actual_kg - ideal_kg)


def devine_start_cm() -> float:
    """The height the Devine formula starts at."""
    return data.load()["devine"]["from_height_cm"]


def devine_start(lang: str) -> str:
    """The height the Devine formula starts at, in cm and inches, as a reader reads it."""
    height = devine_start_cm()
    inches = height / data.load()["units"]["cm_per_inch"]
    return say("weight.devine-start", lang, cm=formats.plain(height), inches=formats.plain(inches))


def kg_per_lb() -> float:
    """Kilograms in a pound (exactly, by the pound's definition)."""
    return data.load()["units"]["kg_per_lb"]
