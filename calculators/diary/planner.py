"""Infusion days from the schedule planner's calendar file (its page's download, or `python -m
calculators schedule ... --ics FILE`): `infusion_days(text)` reads them, all or nothing, and
`mark(entries, days, until)` marks them in a diary without changing a day's other values.

The file is iCalendar (RFC 5545) as `calculators.ics` writes it: lines folded at 75 octets, one
all-day VEVENT a row of the plan. Only the planner's own file is read (its PRODID), because its
events' UIDs name each row's phase: an infusion (the first, loading, adjustment, maintenance) is
told from a review, which falls on an infusion's day and is no infusion of its own. Another
calendar cannot say which of its events are infusions, so it is refused rather than guessed.

Refused, with a stable code: an empty file ("empty"); one that is not a calendar, is cut short
(no END:VCALENDAR), or has an event without its date or whose UID does not name its row
("damaged"); another program's calendar ("foreign"); a planner's file without an infusion
("no-infusions"). Never raises.
"""

import dataclasses
import datetime
import re
from collections.abc import Iterable

from calculators.diary.entries import Entry, read_entry
from calculators.diary.files import Problem
from calculators.messages import DEFAULT, N_, say
from calculators.tools import schedule

# The planner's rows that are infusions (a review is not one)
INFUSIONS = tuple(schedule.ROW_WORDS)
_UID = re.compile(rf"[0-9]{{8}}-[0-9]{{3}}-(?P<phase>[a-z]+)-(?P<day>[0-9]{{8}})"
                  rf"@{re.escape(schedule.UID_DOMAIN)}")
_DAY = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")  # an iCalendar DATE: year, month, day
# A content line: its name, its parameters (a quoted one may hold : and ;) and its value
_LINE = re.compile(r'(?P<name>[\w-]+)(?P<params>(?:;(?:[^:;"]|"[^"]*")*)*):(?P<value>.*)')
_FOLD = re.compile(r"\r?\n[ \t]")
WORDS = {"empty": N_("diary.problem.empty"), "damaged": N_("diary.ics.damaged"),
         "foreign": N_("diary.ics.foreign"), "no-infusions": N_("diary.ics.no-infusions")}


class _Refused(Exception):
    """A problem found while reading: its code (one of `WORDS`)."""


def infusion_days(text: str, lang: str = DEFAULT) -> tuple[tuple[datetime.date, ...],
                                                            Problem | None]:
    """The infusion days the planner's calendar file names, in date order, once each, and None;
    or () and why the file is refused."""
    try:
        text = str(text)
        if not text.strip():
            raise _Refused("empty")
        days = _days(_FOLD.sub("", text).splitlines())
    except _Refused as refused:
        code = str(refused)
        return (), Problem(code, say(WORDS[code], lang))
    return days, None


def _days(lines: list[str]) -> tuple[datetime.date, ...]:
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines or lines[0].upper() != "BEGIN:VCALENDAR":
        raise _Refused("damaged")
    if lines[-1].upper() != "END:VCALENDAR":  # cut short
        raise _Refused("damaged")
    components, found, event, prodid = [], set(), None, None
    for line in lines:
        parsed = _LINE.fullmatch(line)
        if parsed is None:
            raise _Refused("damaged")
        name, value = parsed["name"].upper(), parsed["value"]
        if name == "BEGIN":
            components.append(value.upper())
            event = {} if value.upper() == "VEVENT" else event
        elif name == "END":
            if not components or components.pop() != value.upper():
                raise _Refused("damaged")
            if value.upper() == "VEVENT":
                found.update(_infusion(event))
                event = None
        elif components == ["VCALENDAR"] and name == "PRODID":
            prodid = value
        elif components[-1:] == ["VEVENT"]:
            event[name] = (parsed["params"].upper(), value)
    if components:
        raise _Refused("damaged")
    if prodid != schedule.PRODID:
        raise _Refused("foreign")
    if not found:
        raise _Refused("no-infusions")
    return tuple(sorted(found))


def _infusion(event: dict) -> set[datetime.date]:
    """The event's day if it is an infusion (none for a review); an event that does not say its
    day and its row as the planner writes them is a damaged file."""
    params, start = event.get("DTSTART", ("", ""))
    named = _UID.fullmatch(event.get("UID", ("", ""))[1])
    if "VALUE=DATE" not in params.split(";") or named is None or named["day"] != start:
        raise _Refused("damaged")
    if named["phase"] not in schedule.EVENT_WORDS:
        raise _Refused("damaged")
    try:
        day = datetime.date(*(int(part) for part in _DAY.fullmatch(start).groups()))
    except ValueError:
        raise _Refused("damaged") from None
    return {day} if named["phase"] in INFUSIONS else set()


@dataclasses.dataclass(frozen=True)
class Marked:
    """A diary with infusion days marked: every entry (in date order), the days newly marked
    (an entry made for a day without one, or an entry's infusion set), the days up to `until`
    that were marked already, and those after it, left unmarked."""

    entries: tuple[Entry, ...]
    marked: tuple[datetime.date, ...]
    already: tuple[datetime.date, ...]
    later: tuple[datetime.date, ...]


def mark(entries: Iterable[Entry], days: Iterable[datetime.date],
         until: datetime.date | None = None) -> Marked | None:
    """The diary with `days` marked as infusion days, up to `until` (a plan's later dates have
    not happened: the reader imports the file again once they have); None if a day cannot be a
    diary's (its year out of range)."""
    by_day = {entry.date: entry for entry in entries}
    marked, already, later = [], [], []
    for day in days:
        if until is not None and day > until:
            later.append(day)
            continue
        entry = by_day.get(day)
        if entry is not None and entry.infusion:
            already.append(day)
            continue
        if entry is None:
            entry, _ = read_entry({"date": day.isoformat(), "infusion": "yes"})
            if entry is None:
                return None
        by_day[day] = dataclasses.replace(entry, infusion=True)
        marked.append(day)
    return Marked(tuple(by_day[day] for day in sorted(by_day)), tuple(marked), tuple(already),
                  tuple(later))
