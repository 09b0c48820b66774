"""Schedule planner: phases, closed days, the horizon, and the clinic's ranges."""

import datetime

import pytest

import calculators
from calculators import schedule

MONDAY = "2026-01-05"


def plan(**fields):
    fields = {key: str(value) for key, value in fields.items()}
    fields.setdefault("open_days", "mon,tue,wed,thu,fri")
    return calculators.run("schedule", fields)


def dates(result, phase=None):
    return [
        datetime.date.fromisoformat(s["date"])
        for s in result.values["sessions"]
        if phase is None or s["phase"] == phase
    ]


def test_phases_in_order_and_on_open_days():
    result = plan(start=MONDAY, loading=6, titration=2, maintenance_weeks=4, months=6)
    assert result.ok
    phases = [s["phase"] for s in result.values["sessions"]]
    assert phases[:6] == ["loading"] * 6
    assert phases[6:8] == ["adjustment"] * 2
    assert set(phases[8:]) == {"maintenance"}
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
    result = plan(start=MONDAY, loading=10)
    assert len(dates(result, "loading")) == 10


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


def test_no_maintenance_inside_a_short_horizon_is_said():
    result = plan(start=MONDAY, loading=6, titration=2, maintenance_weeks=8, months=1)
    assert dates(result, "maintenance") == []
    assert any("No maintenance" in note for note in result.values["notes"])


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"loading": 3}, "loading-outside-clinic-range"),
        ({"loading": 7}, "loading-outside-clinic-range"),
        ({"titration": 3}, "adjustment-outside-clinic-range"),
        ({"maintenance_weeks": 3}, "maintenance-outside-clinic-range"),
        ({"maintenance_weeks": 9}, "maintenance-outside-clinic-range"),
    ],
)
def test_warnings_outside_the_clinic_ranges(fields, code):
    result = plan(start=MONDAY, **fields)
    assert result.ok
    assert [w.code for w in result.warnings] == [code]
    assert result.warnings[0].reference == "clinic-schedule"


@pytest.mark.parametrize(
    ("loading", "titration", "weeks"), [(4, 0, 4), (6, 2, 8), (5, 1, 6)]
)
def test_no_warning_inside_the_ranges(loading, titration, weeks):
    result = plan(start=MONDAY, loading=loading, titration=titration, maintenance_weeks=weeks)
    assert result.warnings == []


def test_more_loading_than_open_days_in_the_window():
    result = plan(start=MONDAY, loading=5, open_days="mon,wed")
    assert "Only 4 open days" in result.errors["loading"]


def test_html_table_and_framing():
    html = plan(start=MONDAY).html
    assert "<caption>" in html and '<th scope="col">Date</th>' in html
    assert '<time datetime="2026-01-05">Mon 5 Jan 2026</time>' in html
    assert "No randomised trial backs a maintenance interval" in html
    assert "not a prescription" in calculators.render_form("schedule")


def test_default_start_is_the_next_monday():
    assert schedule.default_fields(datetime.date(2026, 1, 1))["start"] == "2026-01-05"
    assert schedule.default_fields(datetime.date(2026, 1, 5))["start"] == "2026-01-12"
    assert schedule.default_fields(datetime.date(2026, 1, 11))["start"] == "2026-01-12"
