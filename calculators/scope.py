"""What the dose calculator illustrates: bounds derived from the published figures, with reasons.

Nothing here is a number of its own. The most a dose may be is the highest published figure for
its unit (a line's top, a protocol's maximum or cap); the shortest and longest lengths are the
published extremes. Outside them the calculator refuses with a field error that says why.
"""

import dataclasses
import functools

from calculators import data
from calculators.schema import plain


@dataclasses.dataclass(frozen=True)
class Figure:
    """One published figure: its value, in words, and its reference id."""

    value: float
    words: str
    reference: str


def _published(quantity: str, kind: str = "") -> list[Figure]:
    """Every published figure for a quantity (mg/kg/h, mg/h, mg/kg or minutes), in file order;
    with `kind` ("continuous" or "over-minutes"), only from protocols and lines of that kind."""
    figures = []
    for protocol in data.protocols().values():
        if kind and protocol.kind != kind:
            continue
        ref, title = protocol.reference, protocol.title
        if protocol.dose_unit == quantity:
            figures += [Figure(value, f"{title}: {protocol.dose_text}", ref)
                        for value in (protocol.dose_min, protocol.dose, protocol.dose_max)
                        if value is not None]
        if quantity == "mg/h":
            figures += [Figure(cap.mg_per_h, f"{title}: {cap.text}", ref) for cap in protocol.caps]
        if quantity == "minutes":
            figures += [Figure(value, f"{title}: {protocol.length_text}", ref)
                        for value in (protocol.minutes_min, protocol.minutes, protocol.minutes_max)
                        if value is not None]
    for line in data.lines():
        if line.quantity == quantity and (not kind or line.kind == kind):
            figures += [Figure(value, line.label, line.reference)
                        for value in (line.low, line.high) if value is not None]
    return figures


@functools.cache
def dose_ceiling(unit: str) -> Figure:
    """The highest published figure in a dose unit: the most the calculator illustrates."""
    return max(_published(unit), key=lambda figure: figure.value)


@functools.cache
def length_bounds(kind: str = "") -> tuple[Figure, Figure]:
    """The shortest and the longest published infusion lengths in minutes (of one kind)."""
    lengths = _published("minutes", kind)
    return min(lengths, key=lambda f: f.value), max(lengths, key=lambda f: f.value)


@functools.cache
def total_ceiling() -> Figure:
    """The largest amount any published continuous infusion gives, in mg: a fixed rate in mg/h
    held for its published length (a rate per kg gives no total of its own)."""
    totals = [
        Figure(rate * minutes / 60, f"{p.title}: {p.dose_text}", p.reference)
        for p in data.protocols().values() if p.kind == "continuous" and p.dose_unit == "mg/h"
        for rate in (p.dose, p.dose_max) if rate is not None
        for minutes in (p.minutes, p.minutes_max) if minutes is not None
    ]
    return max(totals, key=lambda figure: figure.value)


def beyond(value_words: str, ceiling: Figure, unit: str) -> str:
    """The message for a value above every published line."""
    title, _ = data.article("how-dosing-works")
    return (f"{value_words} is above {plain(ceiling.value)} {unit}, the highest published figure "
            f"this page draws on ({ceiling.words}). {data.load()['scope']['beyond_published']} "
            f"See “{title}”.")


def below(value_words: str, floor: Figure, unit: str) -> str:
    """The message for a value below every published line."""
    return (f"{value_words} is below {plain(floor.value)} {unit}, the lowest published figure "
            f"this page draws on ({floor.words}). {data.load()['scope']['beyond_published']}")
