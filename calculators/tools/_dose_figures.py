"""The dose calculator's arithmetic: what one regimen gave one person, by the regimen's `shape`
(see the `dose` module), as one record. No words: the view says them.

A per-kg figure is never worked out from a weight above the person's actual weight, and no rate
passes the regimen's own cap.
"""

import dataclasses

from calculators.data import Protocol
from calculators.weights import Weights


@dataclasses.dataclass(frozen=True)
class ByWeight:
    """A per-kg regimen's figures by one of the person's weights (for the table side by side)."""

    basis: str  # "actual", "ideal" or "adjusted"
    weight_kg: float
    rate_mg_per_h: float
    session_mg: float
    capped: bool  # the rate is the regimen's cap


@dataclasses.dataclass(frozen=True, kw_only=True)
class Figures:
    """What a regimen gives at a weight. A field a shape does not have is None (False, empty).
    The fields are the result's values (the JSON API's keys), in this order."""

    basis_used: str | None = None  # the weight a per-kg rate comes from ("actual", "ideal"...)
    dosing_weight_kg: float | None = None  # ... and that weight
    mg_per_kg_per_h: float | None = None  # the regimen's top rate per kg
    rate_mg_per_h: float | None = None  # that rate at the dosing weight, capped
    most_mg_per_h: float | None = None  # the most an hour shown (None: no rate is published)
    capped: bool = False  # the regimen's cap gave the rate
    cap_mg_per_h: float | None = None
    minutes: float | None = None  # a session's published length
    minutes_more_than: float | None = None  # a first infusion's least length
    session_mg_low: float  # in one session (a day, for a daily amount): the least ...
    session_mg_high: float  # ... and the most (the same when the regimen gives one amount)
    mg_per_kg_actual_low: float | None = None  # a fixed amount per kg of actual weight, to
    mg_per_kg_actual_high: float | None = None  # compare only (never a dose per kg)
    amount_is_least: bool = False  # the amount is the least recommended (a first infusion's)
    daily_mg: float | None = None  # the amount a day chosen inside a published range
    by_weight: tuple[ByWeight, ...] = ()  # per-kg figures by each weight not above actual

    def values(self) -> dict:
        """The record as the result's values (the JSON API's shape)."""
        return {**dataclasses.asdict(self), "by_weight": [dataclasses.asdict(row)
                                                          for row in self.by_weight]}

    @classmethod
    def from_values(cls, values: dict) -> "Figures":
        """The record again from a result's values."""
        own = {field.name: values[field.name] for field in dataclasses.fields(cls)}
        return cls(**own | {"by_weight": tuple(ByWeight(**row) for row in own["by_weight"])})


def work_out(protocol: Protocol, weights: Weights, basis: str, daily: float | None) -> Figures:
    """The figures of a regimen's shape for the person's weights; `basis` the weight a per-kg
    regimen is asked to use, `daily` an amount a day chosen inside a published range."""
    return _BY_SHAPE[protocol.shape](protocol, weights, basis, daily)


def _dosing_basis(weights: Weights, basis: str) -> str:
    """The basis a per-kg figure uses: the one asked for, unless its weight is above the actual
    weight (then the actual weight)."""
    return "actual" if weights.by(basis) > weights.actual else basis


def _per_kg_rate(protocol: Protocol, kg: float) -> tuple[float, bool]:
    """The regimen's rate for a weight, never above its own cap: (mg/h, whether capped)."""
    rate = protocol.dose_max * kg
    cap = protocol.cap.mg_per_h
    return (float(cap), True) if rate > cap else (rate, False)


def _rate_per_kg(protocol: Protocol, weights: Weights, basis: str, daily: float | None) -> Figures:
    """Schwartzman-shaped: mg/kg/h x the dosing weight, capped, for the published length."""
    used = _dosing_basis(weights, basis)
    chosen = weights.by(used)
    rate, capped = _per_kg_rate(protocol, chosen)
    session = rate * protocol.minutes / 60
    return Figures(
        session_mg_low=session, session_mg_high=session, basis_used=used,
        dosing_weight_kg=chosen, mg_per_kg_per_h=protocol.dose_max, rate_mg_per_h=rate,
        most_mg_per_h=rate, capped=capped, cap_mg_per_h=protocol.cap.mg_per_h,
        minutes=protocol.minutes, by_weight=_by_weight(protocol, weights))


def _by_weight(protocol: Protocol, weights: Weights) -> tuple[ByWeight, ...]:
    """The regimen by each weight the person has that is not above the actual weight."""
    rows = []
    for basis in ("actual", "ideal", "adjusted"):
        kg = weights.by(basis)
        if kg is not None and kg <= weights.actual:
            rate, capped = _per_kg_rate(protocol, kg)
            rows.append(ByWeight(basis, kg, rate, rate * protocol.minutes / 60, capped))
    return tuple(rows)


def _fixed(weights: Weights, low: float, high: float, **shape) -> Figures:
    """What a fixed-amount regimen shares: no dosing weight, and mg per kg only to compare."""
    return Figures(session_mg_low=low, session_mg_high=high,
                   mg_per_kg_actual_low=low / weights.actual,
                   mg_per_kg_actual_high=high / weights.actual, **shape)


def _daily(protocol: Protocol, weights: Weights, basis: str, daily: float | None) -> Figures:
    """Goldberg-shaped: the published amount a day (or the one chosen inside it); no rate."""
    low, high = (daily, daily) if daily is not None else (protocol.dose_min, protocol.dose_max)
    return _fixed(weights, low, high, daily_mg=daily)


def _first_infusion(protocol: Protocol, weights: Weights, basis: str,
                    daily: float | None) -> Figures:
    """ASRA-shaped: at least an amount over more than a length; it gives no rate."""
    return _fixed(weights, protocol.dose, protocol.dose, minutes_more_than=protocol.minutes_min,
                  amount_is_least=True)


_BY_SHAPE = {"rate-per-kg": _rate_per_kg, "daily-amount": _daily,
             "first-infusion": _first_infusion}
