"""The figures of a diary: what the reader recorded, counted and averaged, at full precision
(rounding is the view's). Sans-io; never raises, whatever the list (empty, one day, gaps, no day
before the first infusion, only infusion days, every value blank).

The days are split into windows that do not overlap and leave no day out:
- the baseline: the days before the first infusion day (every day, when no day is an infusion
  day);
- after each infusion: the infusion day itself and the days after it, up to the day before the
  next infusion day, or up to the last day recorded. The infusion day belongs to its window
  because with daily infusions (a loading course) there is no other day to show.
A window's figures are means over the days in it that give the value; its PEG change is its
mean PEG less the baseline's (None unless both are known). "After" is also summed up as one
window from the first infusion day on. A day recorded twice counts once (the last one given).
"""

import datetime
from collections.abc import Iterable

from calculators.diary.entries import EFFECTS, Entry

MEASURES = ("peg", "sleep_hours", "sleep_quality", "mood")


def summarise(entries: Iterable[Entry]) -> dict:
    """The diary's figures as JSON-ready values (dates as YYYY-MM-DD, None for no value)."""
    days = sorted({entry.date: entry for entry in entries}.values(), key=lambda e: e.date)
    infusions = [entry.date for entry in days if entry.infusion]
    first, last = (days[0].date, days[-1].date) if days else (None, None)
    in_period = (last - first).days + 1 if days else 0
    before = [entry for entry in days if not infusions or entry.date < infusions[0]]
    baseline = _window(before, first, infusions[0] - _DAY if infusions else last, None)
    after = []
    for index, start in enumerate(infusions):
        end = infusions[index + 1] - _DAY if index + 1 < len(infusions) else last
        after.append({"infusion": start.isoformat(),
                      **_window([e for e in days if start <= e.date <= end], start, end, baseline)})
    since = _window([e for e in days if infusions and e.date >= infusions[0]],
                    infusions[0] if infusions else None, last if infusions else None, baseline)
    return {
        "first": _iso(first), "last": _iso(last),
        "days_in_period": in_period, "days_recorded": len(days),
        "days_missed": in_period - len(days),
        "infusion_days": [day.isoformat() for day in infusions],
        "baseline": baseline, "after": after, "after_all": since,
        "effects": _effects(days, infusions[0] if infusions else None),
        "days": [_day(entry) for entry in days],
    }


_DAY = datetime.timedelta(days=1)


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def _window(days: list[Entry], start: datetime.date | None, end: datetime.date | None,
            baseline: dict | None) -> dict:
    """A window's span (None for an empty baseline), its days, and each measure's mean, with
    the change from the baseline's mean when `baseline` is given."""
    if start is None or end is None or end < start:
        start = end = None
    found = {
        "from": _iso(start), "to": _iso(end),
        "days_in_window": (end - start).days + 1 if start else 0,
        "days_recorded": len(days),
        **{measure: _mean([_value(entry, measure) for entry in days]) for measure in MEASURES},
    }
    if baseline is not None:
        found["change"] = {measure: _change(baseline[measure]["mean"], found[measure]["mean"])
                           for measure in MEASURES}
    return found


def _value(entry: Entry, measure: str) -> float | None:
    return entry.peg if measure == "peg" else getattr(entry, measure)


def _mean(values: list) -> dict:
    """The mean of the values given, and on how many days."""
    given = [value for value in values if value is not None]
    return {"mean": sum(given) / len(given) if given else None, "days": len(given)}


def _change(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else after - before


def _effects(days: list[Entry], first_infusion: datetime.date | None) -> list[dict]:
    """Each side effect reported: on how many days (before the first infusion, and from it
    on), and how long it lasted on the days whose hours were given."""
    keys = {key for entry in days for key in entry.effects}
    ordered = [key for key in EFFECTS if key in keys] + sorted(keys - set(EFFECTS))
    found = []
    for key in ordered:
        reported = [entry for entry in days if key in entry.effects]
        hours = [dict(entry.lasted)[key] for entry in reported if key in dict(entry.lasted)]
        after = [entry for entry in reported if first_infusion and entry.date >= first_infusion]
        found.append({
            "key": key, "days": len(reported), "days_before": len(reported) - len(after),
            "days_after": len(after), "days_with_hours": len(hours),
            "hours_total": sum(hours) if hours else None,
            "hours_mean": sum(hours) / len(hours) if hours else None,
            "hours_longest": max(hours) if hours else None,
        })
    return found


def _day(entry: Entry) -> dict:
    """A day as the chart and the table show it."""
    return {"date": entry.date.isoformat(), "infusion": entry.infusion, "peg": entry.peg,
            "pain": entry.pain, "enjoyment": entry.enjoyment, "activity": entry.activity,
            "sleep_hours": entry.sleep_hours, "sleep_quality": entry.sleep_quality,
            "mood": entry.mood, "effects": list(entry.effects), "lasted": dict(entry.lasted),
            "note": entry.note}
