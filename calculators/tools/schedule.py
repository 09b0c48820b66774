"""Schedule planner: one first infusion, a review, then a clinic's phases only if it helps.

ASRA 2018 suggests starting with one infusion and reassessing before more, so the plan is the
first infusion, then a review; every later row happens only if that review finds a useful
benefit (each carries `"conditional": true`). The rest follows a clinic's phases from the data
file (a clinic's practice, not trial evidence): loading spread as evenly as the open days allow
inside the window from the start date (the first infusion counts as one), adjustment sessions a
week apart, maintenance every N weeks until the horizon, with a review at the end of loading and
at regular points in maintenance. A date on a closed day moves to the next open day. A session
after the horizon is left out, and the result says so. A plan more frequent than the most
frequent published schedule here is refused with a field error that says why. The dates are
examples, never appointments.
"""

import datetime
import functools
from collections.abc import Mapping

from calculators import data, formats, ics, render, schema, timeline
from calculators.render import escape
from calculators.fields import Date, Days, Whole
from calculators.messages import N_, say
from calculators.schema import Action, Result, Warning

name = "schedule"
title = N_("schedule.title")
summary = N_("schedule.summary")

DAYS = (
    ("mon", N_("day.monday")), ("tue", N_("day.tuesday")), ("wed", N_("day.wednesday")),
    ("thu", N_("day.thursday")), ("fri", N_("day.friday")), ("sat", N_("day.saturday")),
    ("sun", N_("day.sunday")),
)
# What a row is, in the table, the calendar and the terminal (never "1 of 6": no fixed course)
ROW_WORDS = {"first": "First infusion", "loading": "Loading infusion",
             "adjustment": "Adjustment infusion", "maintenance": "Maintenance infusion",
             "review": "Review with your clinician"}
PHASES = ("loading", "adjustment", "maintenance")  # the clinic's phases, in order
LANES = {"loading": "Loading", "adjustment": "Adjustment", "maintenance": "Maintenance"}
# Each count's words: its label, help, and what is wrong (not a whole number, below zero, below
# its smallest value, above its largest: a lead that `_bound_words` completes).
COUNTS = {
    "loading": (N_("schedule.loading.label"), N_("schedule.loading.help"),
                N_("schedule.loading.invalid"), N_("schedule.loading.negative"),
                N_("schedule.loading.too-low"), N_("schedule.loading.too-high")),
    "titration": (N_("schedule.titration.label"), N_("schedule.titration.help"),
                  N_("schedule.titration.invalid"), N_("schedule.titration.negative"),
                  N_("schedule.titration.too-low"), N_("schedule.titration.too-high")),
    "maintenance_weeks": (N_("schedule.maintenance-weeks.label"),
                          N_("schedule.maintenance-weeks.help"),
                          N_("schedule.maintenance-weeks.invalid"),
                          N_("schedule.maintenance-weeks.negative"),
                          N_("schedule.maintenance-weeks.too-low"),
                          N_("schedule.maintenance-weeks.too-high")),
    "months": (N_("schedule.months.label"), N_("schedule.months.help"),
               N_("schedule.months.invalid"), N_("schedule.months.negative"),
               N_("schedule.months.too-low"), N_("schedule.months.too-high")),
}
UNITS = {"maintenance_weeks": N_("unit.weeks"), "months": N_("unit.months")}
EXAMPLE = "Example date (not an appointment)"
TIMELINE_REVIEW = "Review: the rest only if it helps"
ICS_DESCRIPTION = (
    "An example date from an educational schedule planner, an illustration of a clinic's "
    "published practice: not a booking, a prescription or medical advice."
)
ICS_CONDITIONAL = "Only if the reviews before it find a useful benefit."
CONDITIONAL_TAG = " (only if the reviews find a useful benefit)"


def _bound_words(field: str, lang: str) -> dict[str, str]:
    """A count's placeholders: its example, and each bound's whole message (`low`, `high`): the
    lead, and for a bound on how often its reason, its sources and why more frequent plans are
    refused (from [limits])."""
    limits, defaults = data.limits(), data.schedule().defaults
    low, high = (formats.plain(end) for end in limits[field])
    *_, too_low, too_high = COUNTS[field]
    said = {"example": str(defaults[field])}
    for end, lead in (("low", too_low), ("high", too_high)):
        lead_words = say(lead, lang, min=low, max=high)
        sources = limits.get(f"{field}_{end}_references")
        if not sources:
            said[end] = say("schedule.bound", lang, lead=lead_words)
            continue
        said[end] = say("schedule.bound-because", lang, lead=lead_words,
                        reason=limits[f"{field}_{end}_reason"].format(min=low, max=high),
                        sources="; ".join(data.references()[ref].short for ref in sources),
                        repeated_exposure=limits["repeated_exposure"])
    return said


def _count(field: str) -> Whole:
    label, help_code, invalid, negative, _, _ = COUNTS[field]
    low, high = data.limits()[field]
    return Whole(name=field, label=label, unit=UNITS.get(field, ""), min=low, max=high, step=1,
                 default=str(data.schedule().defaults[field]), help=help_code, invalid=invalid,
                 negative=negative, too_low=N_("schedule.count.too-low"),
                 too_high=N_("schedule.count.too-high"),
                 words=lambda lang: _schedule_words(lang) | _bound_words(field, lang))


def _schedule_words(lang: str) -> dict[str, str]:
    """The clinic's figures the inputs' help names, and the example start."""
    plan = data.schedule()
    return {"window": formats.plain(plan.window_days),
            "spacing": formats.plain(plan.adjustment_spacing_days),
            "example_start": plan.example_start}


def _inputs() -> tuple:
    limits, plan = data.limits(), data.schedule()
    return (
        Date(name="start", label=N_("schedule.start.label"), min=limits["start_year"][0],
             max=limits["start_year"][1], default=plan.example_start, required=True,
             help=N_("schedule.start.help"), invalid=N_("schedule.start.invalid"),
             too_low=N_("schedule.start.years"), too_high=N_("schedule.start.years"),
             words=_schedule_words),
        *(_count(field) for field in COUNTS),
        Days(name="open_days", label=N_("schedule.open-days.label"), required=True,
             absent_default=True, default="mon,tue,wed,thu,fri", choices=DAYS,
             help=N_("schedule.open-days.help"), missing=N_("schedule.open-days.missing"),
             invalid=N_("schedule.open-days.invalid")),
    )


inputs = _inputs()
embeddable = True  # other sites may embed it (/embed/NAME/)
embed_height = 2300  # px: an embed's height before its loader sizes it (about its height 640 px wide)
actions = (
    Action("download", N_("schedule.action.ics"), export="ics",
           filename="ketamine-schedule-illustration.ics", media_type="text/calendar"),
    Action("print", N_("schedule.action.print")),
)
# What every plan is not: shown under the result, on paper and in embeds.
limitations = (N_("schedule.limitations.examples"),)


def default_fields(today: datetime.date | None = None) -> dict[str, str]:
    """The worked example: the declared defaults, from the data file's fixed example start
    (`today` unused: example dates, not a plan from today)."""
    return schema.worked_example(inputs)


def compute(fields: Mapping[str, str], lang: str = "en") -> Result:
    """Plan the dated rows from raw form text; bad input gives field errors, never raises."""
    read = schema.Reader(inputs, fields, lang)
    start = read.get("start")
    counts = {field: read.get(field) for field in COUNTS}
    open_days = read.get("open_days")
    plan = data.schedule()
    if start is not None and open_days and counts["loading"] is not None:
        window = _window(start, open_days)
        if counts["loading"] > len(window):
            read.fail("loading", "more-than-the-open-days", (
                f"Only {len(window)} open days fall in the {formats.plain(plan.window_days)} "
                f"days from the start date; plan at most {len(window)} loading infusions."
            ))
    if read.errors:
        return render.failure(name, read)

    loading, titration = counts["loading"], counts["titration"]
    weeks, months = counts["maintenance_weeks"], counts["months"]
    infusions = [(day, "loading") for day in _spread(start, _window(start, open_days), loading)]
    infusions[0] = (infusions[0][0], "first")
    last = infusions[-1][0]
    for _ in range(titration):
        last = _next_open(last + datetime.timedelta(days=plan.adjustment_spacing_days), open_days)
        infusions.append((last, "adjustment"))
    horizon = add_months(start, months)
    while (last := _next_open(last + datetime.timedelta(weeks=weeks), open_days)) <= horizon:
        infusions.append((last, "maintenance"))
    planned, infusions = infusions, [(day, phase) for day, phase in infusions if day <= horizon]

    warnings = _warnings({"loading": loading, "adjustment": titration, "maintenance": weeks})
    notes = [plan.evidence, plan.no_trial, plan.infusion_length]
    notes += _left_out_notes([phase for day, phase in planned if day > horizon])
    if any(phase == "maintenance" for _, phase in infusions):
        notes.append(plan.maintenance_review_note.format(every=plan.maintenance_review_every))
    else:
        notes.append("No maintenance infusion falls before the end of the plan.")
    values = {
        "start": start.isoformat(),
        "loading": loading,
        "titration": titration,
        "maintenance_weeks": weeks,
        "months": months,
        "open_days": [DAYS[index][0] for index in sorted(open_days)],
        "window_end": (start + datetime.timedelta(days=plan.window_days - 1)).isoformat(),
        "horizon_end": horizon.isoformat(),
        "sessions": _rows(infusions),
        "left_out": len(planned) - len(infusions),
        "notes": notes,
    }
    ref_ids = schema.citation_ids(warnings, plan.reference, plan.review_reference)
    return Result(values, warnings, {}, _html(values, warnings, ref_ids), ref_ids)


def _rows(infusions: list[tuple[datetime.date, str]]) -> list[dict]:
    """The plan's rows in date order: each infusion, and a review row after the first infusion,
    after the last loading infusion and after every Nth maintenance infusion.

    Every row after the first review is conditional (only if that review finds a benefit).
    A review row carries the date of the infusion it follows, and `after`: that infusion's phase.
    """
    every = data.schedule().maintenance_review_every
    rows, maintenance = [], 0
    for index, (day, phase) in enumerate(infusions):
        following = infusions[index + 1][1] if index + 1 < len(infusions) else None
        maintenance += phase == "maintenance"
        conditional = phase != "first"
        rows.append({"date": day.isoformat(), "phase": phase, "conditional": conditional})
        if (phase == "first" or (phase == "loading" and following != "loading")
                or (phase == "maintenance" and maintenance % every == 0)):
            rows.append({"date": day.isoformat(), "phase": "review", "conditional": conditional,
                         "after": phase})
    return rows


def _window(start: datetime.date, open_days: set[int]) -> list[datetime.date]:
    days = data.schedule().window_days
    window = (start + datetime.timedelta(days=i) for i in range(days))
    return [day for day in window if day.weekday() in open_days]


def _spread(start: datetime.date, window: list[datetime.date], count: int) -> list[datetime.date]:
    """The `count` open days of the window, the first one first, spread as evenly as they allow.

    The widest smallest gap in days between consecutive infusions wins; then the least squared
    distance from the even targets start + i * window_days / count; then the earliest.
    """
    days = data.schedule().window_days
    offsets = [(day - start).days for day in window]

    def fits(gap: int) -> bool:
        """Whether `count` infusions fit `gap` days apart (the earliest such day each time)."""
        last, placed = offsets[0], 1
        for offset in offsets:
            if offset >= last + gap:
                last, placed = offset, placed + 1
        return placed >= count

    gap = next(gap for gap in range(days, 0, -1) if fits(gap))

    @functools.cache
    def best(i: int, offset: int) -> tuple[int, tuple[int, ...]] | None:
        """Infusions i.. with infusion i on `offset`: (least distance, earliest offsets) or None."""
        # count * offset - i * days is count times the distance from the target: exact integers
        here = (count * offset - i * days) ** 2
        if i == count - 1:
            return here, (offset,)
        later = [choice for o in offsets if o >= offset + gap if (choice := best(i + 1, o))]
        if not later:
            return None
        distance, rest = min(later)
        return here + distance, (offset, *rest)

    chosen = best(0, offsets[0])[1]
    return [start + datetime.timedelta(days=offset) for offset in chosen]


def _left_out_notes(phases: list[str]) -> list[str]:
    """Say plainly which sessions fall after the end of the plan (and so are not shown)."""
    notes = []
    for phase in PHASES:
        if count := phases.count(phase):
            one = count == 1
            notes.append(
                f"{count} {phase} infusion{'' if one else 's'} would fall after the end of the "
                f"plan, so {'it is' if one else 'they are'} not shown: plan more months to see "
                f"{'it' if one else 'them'}."
            )
    return notes


def _next_open(day: datetime.date, open_days: set[int]) -> datetime.date:
    while day.weekday() not in open_days:
        day += datetime.timedelta(days=1)
    return day


def add_months(start: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (the month's last day when it is shorter)."""
    year, month = divmod(start.month - 1 + months, 12)
    year, month = start.year + year, month + 1
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (following - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(start.day, last_day))


def _warnings(chosen: dict[str, int]) -> list[Warning]:
    """A gentle comparison where a choice the planner allows lies outside the clinic's own
    ranges (fewer loading infusions, maintenance further apart): never on the clinic's schedule."""
    reference = data.schedule().reference
    warnings = []
    for phase_name, value in chosen.items():
        phase = data.schedule().phase(phase_name)
        if phase.low <= value <= phase.high:
            continue
        below = value < phase.low
        if phase_name == "maintenance":  # weeks apart: more weeks is less often
            shown, compared = f"every {value} weeks", "more often" if below else "less often"
        else:
            shown = f"{value} infusion{'s' if value != 1 else ''}"
            compared = "fewer" if below else "more"
        warnings.append(Warning(
            f"{phase_name}-outside-clinic-range",
            f"{phase.stage}: {shown} is {compared} than in the clinic's schedule "
            f"({phase.frequency.lower()}).",
            reference,
        ))
    return warnings


def _review_words(row: dict) -> str:
    return data.schedule().reviews[row["after"]]


def _html(values: dict, warnings: list[Warning], ref_ids: list[str]) -> str:
    rows = values["sessions"]
    first = datetime.date.fromisoformat(rows[0]["date"])
    horizon = datetime.date.fromisoformat(values["horizon_end"])
    body = []
    for index, row in enumerate(rows):
        if row["phase"] == "review":
            body.append(_review_row(_review_words(row)))
        else:
            body.append(f'<tr><th scope="row"><time datetime="{escape(row["date"])}">'
                        f"{escape(formats.long_date(datetime.date.fromisoformat(row['date'])))}</time>"
                        f"</th><td>{escape(ROW_WORDS[row['phase']])}</td></tr>")
        if row["phase"] == "review" and not row["conditional"] and index + 1 < len(rows):
            body.append('<tr class="calculator-conditional"><td colspan="2">'
                        f"{escape(data.schedule().conditional)}</td></tr>")
    caption = (f"Example dates, not appointments: the first infusion on {formats.long_date(first)}, "
               f"then a review. The plan shown runs to {formats.long_date(horizon)}.")
    picture = timeline.svg(
        datetime.date.fromisoformat(values["start"]), horizon, LANES,
        [(datetime.date.fromisoformat(row["date"]), _lane(row["phase"]), row["conditional"])
         for row in rows if row["phase"] != "review"],
        _review_marks(rows), TIMELINE_REVIEW,
        f"{caption} On a timeline by month: the first infusion, a dashed line at each review, "
        "and the later infusions by phase, drawn fainter: they happen only if the review finds "
        "a useful benefit.",
    )
    return (
        '<div class="calculator-result">'
        f"{picture}"
        f'<table class="calculator-sessions"><caption>{escape(caption)}</caption>'
        '<thead><tr><th scope="col">Date</th><th scope="col">What</th></tr></thead>'
        f'<tbody>{"".join(body)}</tbody></table>'
        f"{render.note_list(values['notes'])}"
        f"{render.warning_list(warnings, 'Compared with the clinic schedule')}"
        f"{render.reference_list(ref_ids)}"
        "</div>"
    )


def _lane(phase: str) -> str:
    """The timeline lane an infusion is drawn on: the first infusion is loading's first."""
    return "loading" if phase == "first" else phase


def _review_marks(rows: list[dict]) -> list[tuple[datetime.date, datetime.date | None]]:
    """Each review as (the infusion it follows, the next infusion or None)."""
    infusions = [datetime.date.fromisoformat(row["date"]) for row in rows
                 if row["phase"] != "review"]
    marks = []
    for row in rows:
        if row["phase"] == "review":
            after = datetime.date.fromisoformat(row["date"])
            later = [day for day in infusions if day > after]
            marks.append((after, later[0] if later else None))
    return marks


def _review_row(words: str) -> str:
    """A marked row (not an infusion) for a review point, with its citation. It follows the
    infusion it comes after, so it repeats no date."""
    ref_id = data.schedule().review_reference
    return (
        f'<tr class="calculator-review"><td colspan="2">{escape(words)} '
        f'<cite data-reference="{escape(ref_id)}">{escape(data.references()[ref_id].short)}'
        "</cite></td></tr>"
    )


def _summary(row: dict) -> str:
    """A calendar event's title: always an example date, never an appointment."""
    what = ("first ketamine infusion" if row["phase"] == "first"
            else ROW_WORDS[row["phase"]].lower())
    return f"{EXAMPLE}: {what}" + (CONDITIONAL_TAG if row["conditional"] else "")


def to_ics(fields: Mapping[str, str], now: datetime.datetime) -> str:
    """The plan as iCalendar text (RFC 5545), or "" when the input has errors. Pure."""
    result = compute(fields)
    if not result.ok:
        return ""
    start = result.values["start"].replace("-", "")
    events = []
    for number, row in enumerate(result.values["sessions"], start=1):
        words = [_review_words(row)] if row["phase"] == "review" else []
        words += [ICS_CONDITIONAL] if row["conditional"] else []
        events.append(ics.Event(
            uid=f"{start}-{number:03d}-{row['phase']}-{row['date'].replace('-', '')}"
                "@schedule.calculators",
            day=datetime.date.fromisoformat(row["date"]),
            summary=_summary(row),
            description=" ".join([*words, ICS_DESCRIPTION]),
        ))
    return ics.calendar(events, now, "-//calculators//schedule planner//EN",
                        "Example dates: ketamine infusion plan (illustration, not appointments)")


def export(kind: str, fields: Mapping[str, str], now: datetime.datetime, lang: str = "en") -> str:
    """A download of the plan: "ics" gives iCalendar text ("" when the input has errors)."""
    return to_ics(fields, now) if kind == "ics" else ""


def text(result: Result, lang: str = "en") -> list[str]:
    """The plan as lines for a terminal."""
    v = result.values
    lines = [say("framing"), "",
             f"Example dates, not appointments: a plan from {v['start']} to {v['horizon_end']}."]
    for index, row in enumerate(v["sessions"]):
        if row["phase"] == "review":
            lines.append(f"      {_review_words(row)}")
        else:
            day = datetime.date.fromisoformat(row["date"])
            lines.append(f"  {row['date']}  {formats.long_date(day)}  {ROW_WORDS[row['phase']]}")
        if row["phase"] == "review" and not row["conditional"] and index + 1 < len(v["sessions"]):
            lines.append(f"  {data.schedule().conditional}")
    return lines + [""] + render.text_tail(result, "Compared with the clinic schedule")
