"""Rate converter: one infusion rate in mg/kg/h, mg/h and mL/h at a chosen bag (arithmetic).

mg/h = mg/kg/h x kg; mL/h = mg/h / (mg/mL). The weight, its unit and the bags are the dose
calculator's own inputs; a rate above the highest published mg/kg/h figure is refused, as there.
"""

from collections.abc import Mapping

from calculators import data, dose, render, schema, scope
from calculators.render import amount, escape, plain
from calculators.schema import Input, Result

name = "convert"
title = "Infusion rate converter (an illustration)"
summary = "convert an infusion rate between mg/kg/h, mg/h and mL/h"

RATE_UNITS = (("mg/kg/h", "mg/kg/h"), ("mg/h", "mg/h"), ("mL/h", "mL/h"))
_SHARED = {field.name: field for field in dose.inputs}
# The worked example: the dose calculator's own (its protocol's dose, at its weight and bag).
_EXAMPLE = render.plain(data.protocols()[data.load()["worked_example"]["protocol"]].dose)
inputs = (
    Input("rate", "Rate", "number", "", 0, None, 0.01, default=_EXAMPLE, required=True,
          help="The rate to convert, in the unit chosen below.",
          invalid=f"Enter the rate as a number, for example {_EXAMPLE}.",
          too_low="The rate must be more than 0."),
    Input("rate_unit", "Rate unit", "select", default="mg/kg/h", choices=RATE_UNITS,
          help="What the rate is in.", invalid="Choose mg/kg/h, mg/h or mL/h."),
    _SHARED["weight"],
    _SHARED["unit"],
    _SHARED["concentration"],
)
actions = ()


def default_fields(today=None) -> dict[str, str]:
    """The worked example: the dose calculator's protocol dose at its weight (`today` unused)."""
    return schema.worked_example(inputs)


def compute(fields: Mapping[str, str]) -> Result:
    """Convert from raw form text; bad input gives field errors, never raises."""
    read = schema.Reader(inputs, fields)
    rate = read.number("rate")
    rate_unit = read.choice("rate_unit")
    unit, kg = dose.read_weight(read)
    concentration = float(read.choice("concentration"))
    if rate == 0:
        read.fail("rate", read.inputs["rate"].too_low)
    if read.errors:
        return Result({}, [], read.errors, render.error_summary(name, inputs, read.errors), [])
    mg_per_h = {"mg/kg/h": rate * kg, "mg/h": rate, "mL/h": rate * concentration}[rate_unit]
    ceiling = scope.dose_ceiling("mg/kg/h")
    if mg_per_h / kg > ceiling.value * (1 + 1e-9):
        per_kg = dose.amount_text(mg_per_h / kg, "mg/kg/h")
        read.fail("rate", scope.beyond(per_kg, ceiling, "mg/kg/h"))
        return Result({}, [], read.errors, render.error_summary(name, inputs, read.errors), [])
    values = {
        "rate": rate, "rate_unit": rate_unit, "weight_kg": kg, "weight_unit": unit,
        "concentration_mg_per_ml": concentration, "mg_per_kg_per_h": mg_per_h / kg,
        "mg_per_h": mg_per_h, "ml_per_h": mg_per_h / concentration,
    }
    return Result(values, [], {}, _html(values), [])


def _rows(v: dict) -> list[tuple[str, str]]:
    return [
        ("mg/kg/h", f"{dose.amount_text(v['mg_per_kg_per_h'], 'mg/kg/h')} at "
                    f"{render.weight(v['weight_kg'])} kg"),
        ("mg/h", f"{amount(v['mg_per_h'])} mg/h"),
        ("mL/h", f"{amount(v['ml_per_h'])} mL/h at {plain(v['concentration_mg_per_ml'])} mg/mL "
                 f"({dose.PUMP})"),
    ]


def _html(v: dict) -> str:
    listing = "".join(f"<div><dt>{escape(term)}</dt><dd>{escape(detail)}</dd></div>"
                      for term, detail in _rows(v))
    formula = (f"{amount(v['mg_per_h'])} mg/h = {dose.amount_text(v['mg_per_kg_per_h'], 'mg/kg/h')}"
               f" × {render.weight(v['weight_kg'])} kg = {amount(v['ml_per_h'])} mL/h × "
               f"{plain(v['concentration_mg_per_ml'])} mg/mL.")
    return ('<div class="calculator-result">'
            f'<dl class="calculator-values">{listing}</dl>'
            f'<p class="calculator-formula">Formula: {escape(formula)}</p></div>')


def text(result: Result) -> list[str]:
    """The converted rate as lines for a terminal."""
    return [render.FRAMING, ""] + [f"{term}: {detail}" for term, detail in _rows(result.values)]
