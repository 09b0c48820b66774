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

from calculators import data, formats, ics, messages, render, schema, timeline
from calculators.render import escape
from calculators.fields import Date, Days, Whole
from calculators.messages import N_, N_n, say, say_n
from calculators.schema import Action, Result, Warning

name = "schedule"
title = N_("schedule.title")
summary = N_("schedule.summary")

DAYS = (
    ("mon", N_("day.monday")), ("tue", N_("day.tuesday")), ("wed", N_("day.wednesday")),
    ("thu", N_("day.thursday")), ("fri", N_("day.friday")), ("sat", N_("day.saturday")),
    ("sun", N_("day.sunday")),
)
# What an infusion is, in the table and the terminal (never "1 of 6": no fixed course)
ROW_WORDS = {"first": N_("schedule.row.first"), "loading": N_("schedule.row.loading"),
             "adjustment": N_("schedule.row.adjustment"),
             "maintenance": N_("schedule.row.maintenance")}
# What a row is in a calendar event's title (the {what} of ics.summary)
EVENT_WORDS = {"first": N_("ics.what.first"), "loading": N_("ics.what.loading"),
               "adjustment": N_("ics.what.adjustment"), "maintenance": N_("ics.what.maintenance"),
               "review": N_("ics.what.review")}
PHASES = ("loading", "adjustment", "maintenance")  # the clinic's phases, in order
# The calendar file's name for the program that made it, and the domain of its events' UIDs
# (`<start>-<number>-<phase>-<date>@UID_DOMAIN`): the diary reads infusion days back from them.
PRODID = "-//calculators//schedule planner//EN"
UID_DOMAIN = "schedule.calculators"
LANES = {"loading": N_("timeline.lane.loading"), "adjustment": N_("timeline.lane.adjustment"),
         "maintenance": N_("timeline.lane.maintenance")}
# A phase's infusions that would fall after the end of the plan, for a count of them.
LEFT_OUT = {
    "loading": N_n("schedule.left-out.loading", "schedule.left-out.loading.plural"),
    "adjustment": N_n("schedule.left-out.adjustment", "schedule.left-out.adjustment.plural"),
    "maintenance": N_n("schedule.left-out.maintenance", "schedule.left-out.maintenance.plural"),
}
# A choice outside the clinic's range, by whether it is below the range: a count of infusions,
# or for maintenance of weeks apart (fewer weeks apart is more often). Maintenance's range is
# said from its figures ({low}, {high}): the data file's frequency for it opens a sentence
# ("Every 4-8 weeks"), and lowering its first letter would be one language's rule in the code.
OUTSIDE_COUNT = {True: N_n("schedule.outside.fewer", "schedule.outside.fewer.plural"),
                 False: N_n("schedule.outside.more", "schedule.outside.more.plural")}
OUTSIDE_WEEKS = {True: N_n("schedule.outside.more-often", "schedule.outside.more-often.plural"),
                 False: N_n("schedule.outside.less-often", "schedule.outside.less-often.plural")}
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


def _bound_words(field: str, lang: str) -> dict[str, str]:
    """A count's placeholders: its example, and each bound's whole message (`low`, `high`): the
    lead, and for a bound on how often its reason, its sources and why more frequent plans are
    refused (from [limits])."""
    limits, defaults = data.limits(lang), data.schedule(lang).defaults
    low, high = (formats.plain(end, lang) for end in limits[field])
    *_, too_low, too_high = COUNTS[field]
    said = {"example": str(defaults[field])}
    for end, lead in (("low", too_low), ("high", too_high)):
        lead_words = say(lead, lang, min=low, max=high)
        # Every bound has its reason ([limits]: one for the field, or one for each end).
        reason = limits.get(f"{field}_{end}_reason") or limits[f"{field}_reason"]
        reason = reason.format(min=low, max=high)
        sources = limits.get(f"{field}_{end}_references")
        if not sources:
            said[end] = say("schedule.bound", lang, lead=lead_words, reason=reason)
            continue
        said[end] = say("schedule.bound-because", lang, lead=lead_words, reason=reason,
                        sources="; ".join(data.references(lang)[ref].short for ref in sources),
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
    """The clinic's figures the inputs' help names, the example start, and why the start's
    year is bounded."""
    plan = data.schedule(lang)
    return {"window": formats.plain(plan.window_days, lang),
            "spacing": formats.plain(plan.adjustment_spacing_days, lang),
            "example_start": plan.example_start,
            "reason": data.limits(lang)["start_year_reason"]}


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
embed_height = 1000  # px: an embed's height before its loader sizes it (its compact height 640 px wide, about 900)
actions = (
    Action("download", N_("schedule.action.ics"), export="ics",
           filename="ketamine-schedule-illustration.ics", media_type="text/calendar"),
    Action("print", N_("schedule.action.print")),
)
# What every plan is not: shown under the result, on paper and in embeds.
limitations = (N_("schedule.limitations.examples"),)


def compute(fields: Mapping[str, str], lang: str = messages.DEFAULT) -> Result:
    """Plan the dated rows from raw form text; bad input gives field errors, never raises."""
    read = schema.Reader(inputs, fields, lang)
    start = read.get("start")
    counts = {field: read.get(field) for field in COUNTS}
    open_days = read.get("open_days")
    plan = data.schedule(lang)
    if start is not None and open_days and counts["loading"] is not None:
        window = _window(start, open_days)
        if counts["loading"] > len(window):
            read.fail("loading", "more-than-the-open-days", say_n(
                "schedule.more-than-the-open-days", "schedule.more-than-the-open-days.plural",
                len(window), lang, window=formats.plain(plan.window_days, lang)))
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

    warnings = _warnings({"loading": loading, "adjustment": titration, "maintenance": weeks},
                         lang)
    notes = read.notes + _notes(plan, [phase for day, phase in planned if day > horizon],
                                any(phase == "maintenance" for _, phase in infusions), lang)
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
        "notes": [words for _, words in notes],
        "note_codes": [code for code, _ in notes],
    }
    ref_ids = schema.citation_ids(warnings, plan.reference, plan.review_reference)
    return Result(values, warnings, {}, _html(values, warnings, ref_ids, lang), ref_ids,
                  summary=render.summary(_summary_sentence(values, lang), read))


def _summary_sentence(values: dict, lang: str) -> str:
    """The plan in one sentence (what the page's live region says): the first example date,
    the review after it, how many later example dates depend on it, and the plan's end."""
    infusions = [row["date"] for row in values["sessions"] if row["phase"] != "review"]
    first, end = (formats.long_date(datetime.date.fromisoformat(day), lang)
                  for day in (infusions[0], values["horizon_end"]))
    if len(infusions) == 1:
        return say("schedule.result-summary.first-only", lang, first=first, end=end)
    return say_n("schedule.result-summary", "schedule.result-summary.plural", len(infusions) - 1,
                 lang, first=first, end=end)


def _notes(plan: data.Schedule, left_out: list[str], maintenance: bool,
           lang: str) -> list[tuple[str, str]]:
    """The plan's notes as (code, words): a note from the data file is coded "data:" and where it
    stands there."""
    notes = [("data:schedule.evidence", plan.evidence), ("data:schedule.no_trial", plan.no_trial),
             ("data:schedule.infusion_length", plan.infusion_length)]
    notes += _left_out_notes(left_out, lang)
    if maintenance:
        notes.append(("data:schedule.maintenance_review_note",
                      plan.maintenance_review_note.format(every=plan.maintenance_review_every)))
    else:
        notes.append(("schedule.no-maintenance", say("schedule.no-maintenance", lang)))
    return notes


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


def _left_out_notes(phases: list[str], lang: str) -> list[tuple[str, str]]:
    """Say plainly which sessions fall after the end of the plan (and so are not shown), as
    (code, words)."""
    return [(LEFT_OUT[phase][0], say_n(*LEFT_OUT[phase], count, lang))
            for phase in PHASES if (count := phases.count(phase))]


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


def _warnings(chosen: dict[str, int], lang: str) -> list[Warning]:
    """A gentle comparison where a choice the planner allows lies outside the clinic's own
    ranges (fewer loading infusions, maintenance further apart): never on the clinic's schedule."""
    plan = data.schedule(lang)
    warnings = []
    for phase_name, value in chosen.items():
        phase = plan.phase(phase_name)
        if phase.low <= value <= phase.high:
            continue
        outside = OUTSIDE_WEEKS if phase_name == "maintenance" else OUTSIDE_COUNT
        words = say_n(*outside[value < phase.low], value, lang, stage=phase.stage,
                      frequency=phase.frequency, low=formats.plain(phase.low, lang),
                      high=formats.plain(phase.high, lang))
        warnings.append(Warning(f"{phase_name}-outside-clinic-range", words, plan.reference))
    return warnings


def _review_words(row: dict, lang: str) -> str:
    return data.schedule(lang).reviews[row["after"]]


def _html(values: dict, warnings: list[Warning], ref_ids: list[str], lang: str) -> str:
    rows = values["sessions"]
    horizon = datetime.date.fromisoformat(values["horizon_end"])
    body = []
    for index, row in enumerate(rows):
        if row["phase"] == "review":
            body.append(_review_row(_review_words(row, lang), lang))
        else:
            body.append(_infusion_row(row, lang))
        if row["phase"] == "review" and not row["conditional"] and index + 1 < len(rows):
            body.append('<tr class="calculator-conditional"><td colspan="2">'
                        f"{escape(data.schedule(lang).conditional)}</td></tr>")
    first_then_review = say("schedule.first-then-review", lang, first=formats.long_date(
        datetime.date.fromisoformat(rows[0]["date"]), lang))
    caption = say("schedule.caption", lang, first_then_review=first_then_review,
                  end=formats.long_date(horizon, lang))
    picture = timeline.svg(
        datetime.date.fromisoformat(values["start"]), horizon,
        {lane: say(code, lang) for lane, code in LANES.items()},
        [(datetime.date.fromisoformat(row["date"]), _lane(row["phase"]), row["conditional"])
         for row in rows if row["phase"] != "review"],
        _review_marks(rows), say("timeline.review", lang),
        first_then_review, say("timeline.description", lang, caption=caption), lang,
    )
    return (
        '<div class="calculator-result">'
        f"{picture}"
        f'<table class="calculator-sessions"><caption>{escape(caption)}</caption>'
        f'<thead><tr><th scope="col">{escape(say("schedule.table.date", lang))}</th>'
        f'<th scope="col">{escape(say("schedule.table.what", lang))}</th></tr></thead>'
        f'<tbody>{"".join(body)}</tbody></table>'
        f"{render.note_list(values['notes'])}"
        f"{render.warning_list(warnings, say('schedule.compared', lang), lang)}"
        f"{render.reference_list(ref_ids, lang)}"
        "</div>"
    )


def _said(codes: dict[str, str], key: str, lang: str) -> str:
    """The words of a code from a table such as ROW_WORDS (looked up before the call: Babel
    would take a literal inside say's parentheses, such as the key, for a code)."""
    code = codes[key]
    return say(code, lang)


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


def _infusion_row(row: dict, lang: str) -> str:
    """A row for an infusion: its date, and what it is."""
    day = formats.long_date(datetime.date.fromisoformat(row["date"]), lang)
    return (f'<tr><th scope="row"><time datetime="{escape(row["date"])}">{escape(day)}</time>'
            f"</th><td>{escape(_said(ROW_WORDS, row['phase'], lang))}</td></tr>")


def _review_row(words: str, lang: str) -> str:
    """A marked row (not an infusion) for a review point, with its citation. It follows the
    infusion it comes after, so it repeats no date."""
    ref_id = data.schedule().review_reference
    return (
        f'<tr class="calculator-review"><td colspan="2">{escape(words)} '
        f'<cite data-reference="{escape(ref_id)}">{escape(data.references(lang)[ref_id].short)}'
        "</cite></td></tr>"
    )


def _summary(row: dict, lang: str) -> str:
    """A calendar event's title: always an example date, never an appointment."""
    what = _said(EVENT_WORDS, row["phase"], lang)
    if row["conditional"]:
        return say("ics.summary.conditional", lang, what=what)
    return say("ics.summary", lang, what=what)


def _description(row: dict, lang: str) -> str:
    """A calendar event's text: a review's words, whether it is conditional, and what every
    event is (an example from an educational planner)."""
    said = [_review_words(row, lang)] if row["phase"] == "review" else []
    said += [say("ics.conditional", lang)] if row["conditional"] else []
    return _one_after_another([*said, say("ics.description", lang)], lang)


def _one_after_another(sentences: list[str], lang: str) -> str:
    """Sentences in a row, as the language writes them (in English, a space between)."""
    return functools.reduce(
        lambda first, then: say("schedule.then", lang, first=first, then=then), sentences)


def to_ics(fields: Mapping[str, str], now: datetime.datetime, lang: str = messages.DEFAULT) -> str:
    """The plan as iCalendar text (RFC 5545), or "" when the input has errors. Pure."""
    result = compute(fields, lang)
    if not result.ok:
        return ""
    start = result.values["start"].replace("-", "")
    events = [
        ics.Event(uid=f"{start}-{number:03d}-{row['phase']}-{row['date'].replace('-', '')}"
                      f"@{UID_DOMAIN}",
                  day=datetime.date.fromisoformat(row["date"]), summary=_summary(row, lang),
                  description=_description(row, lang))
        for number, row in enumerate(result.values["sessions"], start=1)
    ]
    return ics.calendar(events, now, PRODID, say("ics.name", lang))


def export(kind: str, fields: Mapping[str, str], now: datetime.datetime, lang: str = messages.DEFAULT) -> str:
    """A download of the plan: "ics" gives iCalendar text ("" when the input has errors)."""
    return to_ics(fields, now, lang) if kind == "ics" else ""


def text(result: Result, lang: str = messages.DEFAULT) -> list[str]:
    """The plan as lines for a terminal."""
    v = result.values
    lines = [say("framing", lang), "",
             say("schedule.text.plan", lang, start=v["start"], end=v["horizon_end"])]
    for index, row in enumerate(v["sessions"]):
        if row["phase"] == "review":
            lines.append(f"      {_review_words(row, lang)}")
        else:
            day = datetime.date.fromisoformat(row["date"])
            what = _said(ROW_WORDS, row["phase"], lang)
            lines.append(f"  {row['date']}  {formats.long_date(day, lang)}  {what}")
        if row["phase"] == "review" and not row["conditional"] and index + 1 < len(v["sessions"]):
            lines.append(f"  {data.schedule(lang).conditional}")
    return lines + [""] + render.text_tail(result, say("schedule.compared", lang), lang)
