"""A figure typed by hand must be a number the data file holds.

The rule, on every source line outside fenced code, code spans and `[value: ...]`:
- a figure is a number directly followed by mg, mL, mmHg or % (so mg/kg, mg/h, mg/kg/h, mg/mL,
  mL/h and "mg an hour", "mg a day" all count), or spelled milligrams, millilitres, per cent;
  numbers joined by "to", "or", "and", "-" or "/" before the unit are figures too
  ("40 to 80 mg a day", "3.28/3.17 mmHg"); the Spanish edition's words count the same
  ("40 a 80 mg al día", "0.35 mg/kg por hora", miligramos, mililitros, por ciento);
- each such number must equal a number the data file states in the same unit (mg, mg/kg, mg/h,
  mg/kg/h, mg a day, mL, mL/h, mg/mL, mmHg or %): a numeric value whose entry names its unit, or a figure written inside a text
  value (such as "40-80 mg a day"), in any section except [limits] (sanity bounds) and
  [references] (citations). Signs and thousands commas are ignored.
Years, ages, counts and lengths ("4 hours", "60 people") have no such unit: not figures.
"""

import functools
import re

from calculators import data
from markdown.preprocessors import Preprocessor

from .errors import AuthoringError
from .fences import CODE_SPAN, numbered_lines

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A unit: its base, then what it is per ("/kg/h", or in words "an hour", "a day").
# Each language's words for a unit's "per" ("an hour", "por hora") and for joining numbers.
PER = r"(?:an|a|per|each|por|al|cada|a\s+la)\s+(?:hour|minute|day|hora|minuto|día)"
UNIT = (r"(?:mg|ml|mmhg|milligrams?|millilit(?:re|er)s?|miligramos?|mililitros?|%|per ?cent"
        r"|por ?ciento)(?![a-z])"
        r"(?:\s*/\s*(?:kg|ml|h|hour|min|day)(?![a-z]))*"
        rf"(?:\s+{PER}(?![a-z]))?")
JOINER = r"to|or|and|a|o|u|y|e|-|–|/"
FIGURE = re.compile(
    rf"(?<![\w.,])(?P<numbers>(?:{NUMBER})(?:\s*(?:{JOINER})\s*(?:{NUMBER}))*)"
    rf"\s*(?P<unit>(?i:{UNIT}))"
)
# How every figure ends: a digit, then its unit. A line without one is spared the slower FIGURE.
FIGURE_END = re.compile(rf"\d\s*(?i:{UNIT})")
NOT_PROSE = re.compile(rf"{CODE_SPAN}|\[value:[^\]]*\]")
SKIPPED_SECTIONS = ("limits", "references")


class FigureCheckPreprocessor(Preprocessor):
    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines):
        if "meta" in self.md.preprocessors:  # the whole file (the Summary alone is a header line)
            for number, line, in_code in numbered_lines(lines):
                if not in_code:
                    self.check(number, line)
        return lines

    def check(self, line_number, line):
        prose = NOT_PROSE.sub(" ", line) if "`" in line or "[value:" in line else line
        if not FIGURE_END.search(prose):
            return
        for figure in FIGURE.finditer(prose):
            for number in re.findall(NUMBER, figure["numbers"]):
                if (family(figure["unit"]), as_float(number)) not in data_numbers():
                    shown = repr(figure[0]) if number == figure["numbers"] else (
                        f"{number!r} in {figure[0]!r}"
                    )
                    raise AuthoringError(
                        self.extension.path, line_number,
                        f"the figure {shown} is not in the data file "
                        "(calculators/data/protocols.toml); state it with [value: ...]",
                    )


@functools.cache
def data_numbers() -> frozenset[tuple[str, float]]:
    """Every (unit family, number) the data file states, outside its skipped sections.

    A number's unit comes from its entry: a figure's `unit`, a protocol's `dose_unit` for its
    dose fields, a line's `quantity`, or a key that names it (`mg_per_h`, `mg`); in text, the
    unit written after it. A number with no unit (a year, a count) matches no figure.
    """
    found = set()

    def collect(leaf, unit=None):
        if isinstance(leaf, dict):
            for key, child in leaf.items():
                collect(child, _unit_of(key, leaf) or unit)
        elif isinstance(leaf, list):
            for child in leaf:
                collect(child, unit)
        elif isinstance(leaf, str):
            found.update(_figures_in(leaf))
        elif isinstance(leaf, (int, float)) and not isinstance(leaf, bool) and unit:
            found.add((family(unit), abs(float(leaf))))

    collect({name: part for name, part in data.load().items() if name not in SKIPPED_SECTIONS})
    return frozenset(found)


def _unit_of(key, entry):
    """The unit of a number stored under `key` in `entry`, if the entry or the key names one."""
    if key == "value" and "unit" in entry:
        return entry["unit"]
    if key in ("dose", "dose_min", "dose_max") and "dose_unit" in entry:
        return entry["dose_unit"]
    if key in ("low", "high") and "quantity" in entry:
        return entry["quantity"]
    return {"mg": "mg", "mg_per_h": "mg/h", "concentrations_mg_per_ml": "mg/ml"}.get(key)


def _figures_in(prose):
    """(unit family, number) for each figure written in a piece of text."""
    return {(family(figure["unit"]), as_float(number))
            for figure in FIGURE.finditer(prose)
            for number in re.findall(NUMBER, figure["numbers"])}


def family(unit):
    """A unit in one spelling: mg, mg/kg, mg/h, mg/kg/h, mg/day, ml, ml/h, mg/ml, mmhg or %."""
    found = re.match(UNIT, unit.strip().lower())
    if not found:
        return unit.strip().lower()
    words = re.sub(r"per ?cent|por ?ciento", "%", found[0])
    words = re.sub(rf"\b{PER}\b", lambda per: "/" + per[0].split()[-1], words)
    base, *per = [part.strip() for part in words.split("/")]
    base = re.sub(r"^(?:milligrams?|miligramos?)$", "mg",
                  re.sub(r"^(?:millilit(?:re|er)s?|mililitros?)$", "ml", base))
    per = [{"hour": "h", "hora": "h", "minute": "min", "minuto": "min", "día": "day"}.get(part, part)
           for part in per]
    return "/".join([base, *per])


def as_float(number):
    return float(number.replace(",", ""))
