"""Schedule planner: the first infusion and a review, conditional phases, closed days, the
horizon, the limits on how often, and the clinic's ranges."""

import datetime
import itertools
import re

import pytest

import calculators
from calculators import data, formats, schema
from calculators.messages import say, say_n
from calculators.tools import schedule

MONDAY = "2026-01-05"


def plan(**fields):
    fields = {key: str(value) for key, value in fields.items()}
    fields.setdefault("open_days", "mon,tue,wed,thu,fri")
    return calculators.run("schedule", fields)


INFUSIONS = {"first", "loading", "adjustment", "maintenance"}


def dates(result, phase=None):
    """The infusions' dates (of one phase; "loading" includes the first infusion)."""
    phases = {"loading": {"first", "loading"}}.get(phase, {phase} if phase else INFUSIONS)
    return [
        datetime.date.fromisoformat(s["date"])
        for s in result.values["sessions"]
        if s["phase"] in phases
    ]


def phases(result):
    return [s["phase"] for s in result.values["sessions"]]


def test_phases_in_order_and_on_open_days():
    result = plan(start=MONDAY, loading=6, titration=2, maintenance_weeks=4, months=6)
    assert result.ok
    infusions = [phase for phase in phases(result) if phase != "review"]
    assert infusions[:6] == ["first"] + ["loading"] * 5
    assert infusions[6:8] == ["adjustment"] * 2
    assert set(infusions[8:]) == {"maintenance"}
    assert all(day.weekday() < 5 for day in dates(result))
    assert dates(result) == sorted(dates(result)) and len(set(dates(result))) == len(dates(result))


def test_loading_stays_inside_the_14_day_window_and_spreads_out():
    start = datetime.date.fromisoformat(MONDAY)
    loading = dates(plan(start=MONDAY, loading=4), "loading")
    assert loading[0] == start
    assert all(start <= day < start + datetime.timedelta(days=14) for day in loading)
    gaps = [(b - a).days for a, b in zip(loading, loading[1:])]
    assert max(gaps) - min(gaps) <= 3


def test_loading_can_fill_every_open_day():
    result = plan(start=MONDAY, loading=6, open_days="mon,wed,fri")  # 6 open days in 14
    assert len(dates(result, "loading")) == 6


def test_adjustment_is_a_week_apart_after_loading():
    result = plan(start=MONDAY, loading=4, titration=2)
    last_loading = dates(result, "loading")[-1]
    first, second = dates(result, "adjustment")
    assert first == last_loading + datetime.timedelta(days=7)
    assert second == first + datetime.timedelta(days=7)


def test_maintenance_every_n_weeks_until_the_horizon():
    result = plan(start=MONDAY, loading=4, titration=0, maintenance_weeks=6, months=12)
    loading, maintenance = dates(result, "loading"), dates(result, "maintenance")
    assert maintenance[0] == loading[-1] + datetime.timedelta(weeks=6)
    assert all((b - a).days == 42 for a, b in zip(maintenance, maintenance[1:]))
    horizon = datetime.date(2027, 1, 5)
    assert result.values["horizon_end"] == horizon.isoformat()
    assert maintenance[-1] <= horizon < maintenance[-1] + datetime.timedelta(weeks=6)


def test_a_closed_day_moves_to_the_next_open_day():
    # Open only Tuesdays and Thursdays; adjustment a week after a Thursday stays Thursday,
    # maintenance 4 weeks on as well; start on a Monday moves loading to Tuesday.
    result = plan(start=MONDAY, loading=4, titration=1, open_days="tue,thu")
    assert {day.weekday() for day in dates(result)} <= {1, 3}
    assert dates(result, "loading")[0] == datetime.date(2026, 1, 6)
    # Only Fridays open, start Monday: everything lands on Fridays.
    fridays = plan(start=MONDAY, loading=2, titration=1, maintenance_weeks=5, open_days="fri")
    assert {day.weekday() for day in dates(fridays)} == {4}


def test_horizon_of_a_month_end():
    assert schedule.add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert schedule.add_months(datetime.date(2024, 1, 31), 1) == datetime.date(2024, 2, 29)
    assert schedule.add_months(datetime.date(2026, 11, 15), 24) == datetime.date(2028, 11, 15)
    assert schedule.add_months(datetime.date(2026, 10, 31), 2) == datetime.date(2026, 12, 31)
    assert schedule.add_months(datetime.date(2026, 12, 31), 2) == datetime.date(2027, 2, 28)


def notes(result):
    """The notes as {code: words}, once each note's code stands beside its words."""
    codes, words = result.values["note_codes"], result.values["notes"]
    assert len(codes) == len(words) == len(set(codes))
    return dict(zip(codes, words))


def test_no_maintenance_inside_a_short_horizon_is_said():
    result = plan(start=MONDAY, loading=6, titration=2, maintenance_weeks=8, months=1)
    assert dates(result, "maintenance") == []
    said = notes(result)
    assert said["schedule.no-maintenance"] == say("schedule.no-maintenance")
    assert "data:schedule.maintenance_review_note" not in said


def test_the_notes_carry_the_code_of_where_their_words_come_from():
    plan_data = data.schedule()
    said = notes(plan(start=MONDAY, loading=6, titration=2, maintenance_weeks=4, months=6))
    assert said == {
        "data:schedule.evidence": plan_data.evidence,
        "data:schedule.no_trial": plan_data.no_trial,
        "data:schedule.infusion_length": plan_data.infusion_length,
        "data:schedule.maintenance_review_note": plan_data.maintenance_review_note.format(
            every=plan_data.maintenance_review_every),
    }


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"loading": 1}, "loading-outside-clinic-range"),
        ({"loading": 3}, "loading-outside-clinic-range"),
        ({"maintenance_weeks": 9}, "maintenance-outside-clinic-range"),
    ],
)
def test_a_gentle_note_outside_the_clinic_ranges_but_inside_the_limits(fields, code):
    result = plan(start=MONDAY, **fields)
    assert result.ok
    assert [w.code for w in result.warnings] == [code]
    assert result.warnings[0].reference == "clinic-schedule"


@pytest.mark.parametrize(("phase", "value", "words"), [
    ("loading", 1, ("schedule.outside.fewer", "schedule.outside.fewer.plural")),
    ("loading", 3, ("schedule.outside.fewer", "schedule.outside.fewer.plural")),
    ("loading", 7, ("schedule.outside.more", "schedule.outside.more.plural")),
    ("adjustment", 5, ("schedule.outside.more", "schedule.outside.more.plural")),
    ("maintenance", 2, ("schedule.outside.more-often", "schedule.outside.more-often.plural")),
    ("maintenance", 9, ("schedule.outside.less-often", "schedule.outside.less-often.plural")),
])
def test_a_warning_says_the_count_and_the_clinic_range(phase, value, words):
    """Each side of each range has its sentence (the limits refuse some of them today; the data
    file may widen them), the count in the language's plural."""
    (warning,) = schedule._warnings({phase: value}, "en")
    clinic = data.schedule().phase(phase)
    assert warning.code == f"{phase}-outside-clinic-range"
    assert warning.message == say_n(*words, value, stage=clinic.stage, frequency=clinic.frequency,
                                    low=str(clinic.low), high=str(clinic.high))
    assert schedule._warnings({phase: clinic.low}, "en") == schedule._warnings(
        {phase: clinic.high}, "en") == []


@pytest.mark.parametrize(
    ("loading", "titration", "weeks"),
    [(4, 0, 4), (6, 2, 8), (5, 1, 6), (4, 1, 8), (6, 0, 4)],  # the clinic's schedule as published
)
def test_no_warning_inside_the_ranges(loading, titration, weeks):
    result = plan(start=MONDAY, loading=loading, titration=titration, maintenance_weeks=weeks)
    assert result.warnings == []


# Issue 19: a plan more frequent than the most frequent published schedule is refused, and the
# error says why (repeated exposure) and where its figure comes from.

@pytest.mark.parametrize(
    ("fields", "field", "figure", "cited"),
    [
        ({"loading": 14, "open_days": "mon,tue,wed,thu,fri,sat,sun"}, "loading", "6",
         ["One clinic's published schedule"]),
        ({"loading": 7, "open_days": "mon,tue,wed,thu,fri,sat,sun"}, "loading", "6",
         ["One clinic's published schedule"]),
        ({"titration": 3}, "titration", "2", ["One clinic's published schedule"]),
        ({"maintenance_weeks": 2}, "maintenance_weeks", "4", ["One clinic's published schedule"]),
        ({"maintenance_weeks": 3}, "maintenance_weeks", "4", ["One clinic's published schedule"]),
    ],
)
def test_more_frequent_than_published_is_refused_with_its_reason(fields, field, figure, cited):
    result = plan(start=MONDAY, **fields)
    assert not result.ok and list(result.errors) == [field]
    message = result.errors[field]
    end = "low" if field == "maintenance_weeks" else "high"
    assert result.codes[field] == f"too-{end}"
    assert f" {figure} " in message
    limits = data.limits()
    sources = [data.references()[ref].short for ref in limits[f"{field}_{end}_references"]]
    assert sources == cited and f"({'; '.join(sources)})" in message
    assert limits["repeated_exposure"] in message  # why: repeated exposure, with its source
    assert data.references()["noppers-2011"].short in limits["repeated_exposure"]


def test_the_frequency_limits_come_from_the_data_file():
    limits, plan_data = data.limits(), data.schedule()
    # each limit is read from the clinic's schedule, never retyped
    written = data.load()["limits"]
    assert written["loading"][1] == "loading.high"
    assert written["titration"][1] == "adjustment.high"
    assert written["maintenance_weeks"][0] == "maintenance.low"
    assert limits["loading_high_references"] == ["clinic-schedule"]
    inputs = {field.name: field for field in schedule.inputs}
    assert inputs["loading"].max == plan_data.phase("loading").high == 6
    assert inputs["titration"].max == plan_data.phase("adjustment").high == 2
    assert inputs["maintenance_weeks"].min == plan_data.phase("maintenance").low == 4


def test_the_most_frequent_plan_allowed_is_planned():
    result = plan(start=MONDAY, loading=6, titration=2, maintenance_weeks=4)
    assert result.ok
    assert len(dates(result, "loading")) == 6 and len(dates(result, "adjustment")) == 2


def test_more_loading_than_open_days_in_the_window():
    result = plan(start=MONDAY, loading=5, open_days="mon,wed")
    assert result.codes == {"loading": "more-than-the-open-days"}
    assert result.errors["loading"] == say_n(
        "schedule.more-than-the-open-days", "schedule.more-than-the-open-days.plural", 4,
        window="14")


def test_html_table_and_framing():
    html = plan(start=MONDAY).html
    first, end = datetime.date(2026, 1, 5), datetime.date(2026, 7, 5)
    caption = say("schedule.caption", end=formats.long_date(end), first_then_review=say(
        "schedule.first-then-review", first=formats.long_date(first)))
    assert f"<caption>{caption}</caption>".replace("'", "&#x27;") in html
    assert f'<th scope="col">{say("schedule.table.date")}</th>' in html
    assert f'<th scope="col">{say("schedule.table.what")}</th>' in html
    assert (f'<th scope="row"><time datetime="2026-01-05">{formats.long_date(first)}</time></th>'
            f'<td>{say("schedule.row.first")}</td>') in html
    assert f'<p class="calculator-heading">{say("schedule.compared")}</p>' not in html
    assert data.schedule().no_trial in html
    assert say("framing").replace("'", "&#x27;") in calculators.render_form("schedule")
    warned = plan(start=MONDAY, loading=3).html
    assert f'<p class="calculator-heading">{say("schedule.compared")}</p>' in warned


def test_the_worked_example_starts_on_the_fixed_example_date():
    example = data.schedule().example_start
    assert example == "2027-03-01" and datetime.date.fromisoformat(example).weekday() == 0
    assert schema.worked_example(schedule.inputs)["start"] == example  # never today's date
    result = calculators.run("schedule", schema.worked_example(schedule.inputs))
    assert result.values["sessions"][0] == {"date": example, "phase": "first", "conditional": False}
    shown = formats.long_date(datetime.date(2027, 3, 1))
    assert f'<time datetime="2027-03-01">{shown}</time>' in calculators.render_form("schedule")


# Issue 7 (clinical review): no session after the plan's end, loading spread evenly, and the
# ASRA review point after the first infusion.


def test_no_session_falls_after_the_end_of_the_plan():
    # The most the limits allow in the shortest plan: loading ends Fri 16 Jan, the adjustments a
    # week apart (23 Jan, 30 Jan) still fall before the plan ends on 5 Feb.
    result = plan(start=MONDAY, loading=6, titration=2, maintenance_weeks=4, months=1)
    horizon = datetime.date.fromisoformat(result.values["horizon_end"])
    assert horizon == datetime.date(2026, 2, 5)
    assert all(day <= horizon for day in dates(result))
    assert dates(result, "adjustment") == [datetime.date(2026, 1, 23), datetime.date(2026, 1, 30)]
    assert result.values["left_out"] == 0


def test_sessions_after_the_end_of_the_plan_are_said_in_words():
    # With today's limits no adjustment falls after the end of the plan; a wider adjustment
    # phase in the data file could, and the plan then says so, a count of each phase.
    left_out = "schedule.left-out.adjustment", "schedule.left-out.adjustment.plural"
    assert schedule._left_out_notes(["adjustment"] * 3, "en") == [
        (left_out[0], say_n(*left_out, 3))]
    assert schedule._left_out_notes(["adjustment"], "en") == [(left_out[0], say_n(*left_out, 1))]
    assert say_n(*left_out, 1) != say_n(*left_out, 3).replace("3", "1")  # the plural's own words
    assert [code for code, _ in schedule._left_out_notes(
        ["maintenance", "loading", "maintenance"], "en")] == [
        "schedule.left-out.loading", "schedule.left-out.maintenance"]


def test_nothing_left_out_says_nothing():
    result = plan(start=MONDAY, loading=6, titration=2, months=6)
    assert result.values["left_out"] == 0
    assert not any(code.startswith("schedule.left-out.") for code in notes(result))


def test_sessions_keep_their_contract():
    result = plan(start=MONDAY, loading=6, titration=2, months=6)
    for session in result.values["sessions"]:
        if session["phase"] == "review":
            assert set(session) == {"date", "phase", "conditional", "after"}
            assert session["after"] in {"first", "loading", "maintenance"}
        else:
            assert set(session) == {"date", "phase", "conditional"}
            assert session["phase"] in {"first", "loading", "adjustment", "maintenance"}
        assert datetime.date.fromisoformat(session["date"]).isoformat() == session["date"]
    days = [s["date"] for s in result.values["sessions"]]
    assert days == sorted(days)


@pytest.mark.parametrize(
    ("start", "open_days", "loading", "expected"),
    [
        # Mon-Fri from a Monday: Mon, Wed, Fri twice (never Mon + Tue back to back).
        (MONDAY, "mon,tue,wed,thu,fri", 6,
         ["2026-01-05", "2026-01-07", "2026-01-09", "2026-01-12", "2026-01-14", "2026-01-16"]),
        # Mon-Fri, 4: three or four days apart (Mon, Thu, Mon, Thu).
        (MONDAY, "mon,tue,wed,thu,fri", 4,
         ["2026-01-05", "2026-01-08", "2026-01-12", "2026-01-15"]),
        # Mon/Wed/Fri, 4: Mon, Fri, Mon, Fri (3-4 days apart, not Mon + Wed).
        (MONDAY, "mon,wed,fri", 4, ["2026-01-05", "2026-01-09", "2026-01-12", "2026-01-16"]),
        # Tue/Thu from a Monday, 3: Tue, Thu, then the second Thursday (closest to even).
        (MONDAY, "tue,thu", 3, ["2026-01-06", "2026-01-08", "2026-01-15"]),
        # Tue/Thu, 4: every open day in the window.
        (MONDAY, "tue,thu", 4, ["2026-01-06", "2026-01-08", "2026-01-13", "2026-01-15"]),
        # Every day open, 5: the first day, then every third day.
        (MONDAY, "mon,tue,wed,thu,fri,sat,sun", 5,
         ["2026-01-05", "2026-01-08", "2026-01-11", "2026-01-14", "2026-01-17"]),
    ],
)
def test_loading_is_spread_as_evenly_as_the_open_days_allow(start, open_days, loading, expected):
    result = plan(start=start, loading=loading, titration=0, open_days=open_days)
    assert [d.isoformat() for d in dates(result, "loading")] == expected


def _two_days_apart_possible(start, open_days, loading):
    """Greedy: the first open day, then each open day at least 2 days after the last one."""
    chosen = []
    for offset in range(14):
        day = start + datetime.timedelta(days=offset)
        if day.weekday() in open_days and (not chosen or (day - chosen[-1]).days >= 2):
            chosen.append(day)
    return len(chosen) >= loading


def test_no_loading_days_back_to_back_when_two_days_apart_is_possible():
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    checked = 0
    for mask in range(1, 2 ** 7):
        open_days = {d for d in range(7) if mask >> d & 1}
        for start in (datetime.date(2026, 1, 5), datetime.date(2026, 1, 8)):
            window = sum((start + datetime.timedelta(days=i)).weekday() in open_days
                         for i in range(14))
            for loading in range(2, min(window, 6) + 1):
                if not _two_days_apart_possible(start, open_days, loading):
                    continue
                result = plan(start=start.isoformat(), loading=loading, titration=0,
                              open_days=",".join(names[d] for d in sorted(open_days)))
                days = dates(result, "loading")
                assert days[0].weekday() in open_days
                assert all((b - a).days >= 2 for a, b in zip(days, days[1:])), (mask, loading)
                checked += 1
    assert checked > 500


def _spread_by_brute_force(start, open_days, loading):
    """The rule, searched over every set: the first open day first; the widest smallest gap,
    then the least squared distance from start + i * 14 / loading, then the earliest."""
    window = [start + datetime.timedelta(days=i) for i in range(14)]
    first, *rest = [i for i, day in enumerate(window) if day.weekday() in open_days]

    def key(chosen):
        gap = min((b - a for a, b in zip(chosen, chosen[1:])), default=0)
        return -gap, sum((loading * o - i * 14) ** 2 for i, o in enumerate(chosen)), chosen

    best = min(((first, *more) for more in itertools.combinations(rest, loading - 1)), key=key)
    return [start + datetime.timedelta(days=offset) for offset in best]


def test_loading_spread_is_the_best_of_all_sets_of_open_days():
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    for mask in range(1, 2 ** 7):
        open_days = {d for d in range(7) if mask >> d & 1}
        for start in (datetime.date(2026, 1, 5), datetime.date(2026, 1, 10)):
            window = sum((start + datetime.timedelta(days=i)).weekday() in open_days
                         for i in range(14))
            for loading in range(1, min(window, 6) + 1):
                result = plan(start=start.isoformat(), loading=loading, titration=0,
                              open_days=",".join(names[d] for d in sorted(open_days)))
                expected = _spread_by_brute_force(start, open_days, loading)
                assert dates(result, "loading") == expected, (mask, start, loading)


def test_loading_starts_on_the_first_open_day():
    fields = {"start": MONDAY, "loading": "6", "titration": "0",
              "open_days": "mon,tue,wed,thu,fri,sat,sun"}
    result = calculators.run("schedule", fields)
    assert dates(result, "loading")[0] == datetime.date.fromisoformat(MONDAY)


# Issue 19: one infusion, then a review; everything after it only if the review finds a benefit.


def test_the_default_plan_is_one_infusion_then_a_review_then_conditional_rows():
    result = calculators.run("schedule", schema.worked_example(schedule.inputs))
    rows = result.values["sessions"]
    assert rows[0] == {"date": "2027-03-01", "phase": "first", "conditional": False}
    assert rows[1] == {"date": "2027-03-01", "phase": "review", "conditional": False,
                       "after": "first"}
    assert len(rows) > 2 and all(row["conditional"] is True for row in rows[2:])
    assert sum(row["phase"] == "first" for row in rows) == 1
    assert "asra-2018" in result.references


def test_reviews_follow_the_first_infusion_the_end_of_loading_and_every_nth_maintenance():
    every = data.schedule().maintenance_review_every
    result = plan(start=MONDAY, loading=6, titration=1, maintenance_weeks=4, months=12)
    rows = result.values["sessions"]
    reviews = [(index, row) for index, row in enumerate(rows) if row["phase"] == "review"]
    assert [row["after"] for _, row in reviews][:2] == ["first", "loading"]
    for index, row in reviews:  # each review is dated as the infusion it follows
        assert rows[index - 1]["phase"] == row["after"] and rows[index - 1]["date"] == row["date"]
    # the end of loading: after the last loading infusion, before adjustment
    end_of_loading = next(index for index, row in reviews if row["after"] == "loading")
    assert rows[end_of_loading + 1]["phase"] == "adjustment"
    # in maintenance, after every Nth maintenance infusion (a planner's choice, said in a note)
    maintenance = [row for row in rows if row["phase"] == "maintenance"]
    maintenance_reviews = [row for _, row in reviews if row["after"] == "maintenance"]
    assert len(maintenance) >= 2 * every
    assert len(maintenance_reviews) == len(maintenance) // every
    seen = 0
    for index, row in enumerate(rows):
        if row["phase"] == "maintenance":
            seen += 1
            following = rows[index + 1] if index + 1 < len(rows) else None
            assert (following is not None and following["phase"] == "review") == (seen % every == 0)
    assert notes(result)["data:schedule.maintenance_review_note"] == (
        data.schedule().maintenance_review_note.format(every=every))


def test_one_loading_infusion_is_the_first_and_one_review():
    result = plan(start=MONDAY, loading=1, titration=0, maintenance_weeks=4, months=1)
    rows = result.values["sessions"]
    assert [row["phase"] for row in rows[:2]] == ["first", "review"]
    assert not any(row.get("after") == "loading" for row in rows)


def test_the_review_row_and_the_conditional_sentence_in_the_html():
    plan_data = data.schedule()
    html = plan(start=MONDAY).html
    first = html.index('<time datetime="2026-01-05">')
    review = html.index('class="calculator-review"')
    conditional = html.index('class="calculator-conditional"')
    second = html.index('<time datetime="2026-01-07">')
    assert first < review < conditional < second
    assert html.count('class="calculator-conditional"') == 1  # one sentence, not on every row
    assert plan_data.conditional in html
    assert plan_data.reviews["first"] in html and plan_data.reviews["loading"] in html
    assert 'data-reference="asra-2018"' in html
    assert plan_data.review_reference == "asra-2018" and plan_data.review_reference in data.references()


@pytest.mark.parametrize("fields", [
    {"loading": 6, "titration": 2, "months": 12},
    {"loading": 4, "titration": 0, "maintenance_weeks": 8, "months": 24},
])
def test_no_count_that_implies_a_fixed_course(fields):
    result = plan(start=MONDAY, **fields)
    calendar = calculators.get("schedule").export("ics", {k: str(v) for k, v in fields.items()}
                                        | {"start": MONDAY}, datetime.datetime(2026, 1, 1))
    for shown in (result.html, calendar, "\n".join(schedule.text(result))):
        assert not re.search(r"\d+ of \d+", shown)
        assert not re.search(r"\b\d+ infusions\b from", shown)


def test_the_plan_is_drawn_as_a_timeline_hidden_from_screen_readers():
    result = plan(start="2026-12-07", loading="6", titration="2", months="6",
                  maintenance_weeks="6", open_days="mon,wed,fri")
    svg = re.search(r"<svg class=\"calculator-timeline\".*?</svg>", result.html, re.S)[0]
    assert 'aria-hidden="true"' in svg and "<title>" in svg and "<desc>" in svg
    sessions = result.values["sessions"]
    marks = re.findall(r'<rect class="timeline-mark timeline-(\w+)( timeline-conditional)?"', svg)
    lanes = {"first": "loading"}
    assert marks == [(lanes.get(s["phase"], s["phase"]), " timeline-conditional" if s["conditional"] else "")
                     for s in sessions if s["phase"] != "review"]
    assert svg.count('class="timeline-review"') == sum(s["phase"] == "review" for s in sessions)
    january, february, may = (formats.month_short(month) for month in (1, 2, 5))
    assert f">{january}<tspan" in svg and ">2027</tspan>" in svg
    assert f">{february}<" in svg and f">{may}<" in svg
    assert f'>{say("timeline.review")}<' in svg
    for lane in ("loading", "adjustment", "maintenance"):
        assert f'>{say(f"timeline.lane.{lane}")}</text>' in svg
    first = say("schedule.first-then-review", first=formats.long_date(datetime.date(2026, 12, 7)))
    assert f"<title>{first}</title>" in svg
    caption = say("schedule.caption", first_then_review=first,
                  end=formats.long_date(datetime.date(2027, 6, 7)))
    assert f"<desc>{say('timeline.description', caption=caption)}</desc>".replace(
        "'", "&#x27;") in svg
    assert "style=" not in svg  # attributes only: a strict CSP allows it
