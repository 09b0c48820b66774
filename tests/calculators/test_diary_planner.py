"""Infusion days from the schedule planner's calendar file: read from the planner's own file (as
the real icalendar parser reads it, reviews left out), marked in a diary without changing a
day's other values, all or nothing, and a file that is not the planner's refused by its code."""

import dataclasses
import datetime
import json

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

import calculators
from calculators.diary import planner, words
from calculators.diary.entries import Entry, read_entry
from calculators.messages import say, say_n
from tests.vectors import DIARY

NOW = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.UTC)
PLAN = {"start": "2027-01-11", "loading": "6", "titration": "2", "maintenance_weeks": "4",
        "months": "6"}
ICS = calculators.get("schedule").export("ics", PLAN, NOW)
ENTRIES = [read_entry(fields)[0] for fields in DIARY]
STORED = [entry.stored() for entry in ENTRIES]


def infusions_by_icalendar(text):
    """The days of the events that are infusions (a review is not), by the real parser."""
    return sorted({event.decoded("DTSTART") for event in icalendar.Calendar.from_ical(text).walk(
        "VEVENT") if "-review-" not in str(event["UID"])})


def ask(**request):
    return json.loads(calculators.diary_json(json.dumps({"action": "ics", **request})))


def test_the_planners_infusion_days_are_read_and_its_reviews_are_not():
    days, problem = planner.infusion_days(ICS)
    assert problem is None
    sessions = calculators.run("schedule", PLAN).values["sessions"]
    assert list(days) == sorted({datetime.date.fromisoformat(row["date"]) for row in sessions
                                 if row["phase"] != "review"})
    assert list(days) == infusions_by_icalendar(ICS)
    assert any(row["phase"] == "review" for row in sessions)  # (there were reviews to leave out)


def test_unfolded_or_newline_only_files_read_the_same():
    unfolded = ICS.replace("\r\n ", "")
    assert planner.infusion_days(unfolded) == planner.infusion_days(ICS)
    assert planner.infusion_days(ICS.replace("\r\n", "\n")) == planner.infusion_days(ICS)


def test_marking_keeps_every_other_value_and_makes_entries_for_days_without_one():
    days = (datetime.date(2027, 1, 11), datetime.date(2027, 1, 13), datetime.date(2027, 1, 14),
            datetime.date(2027, 1, 16), datetime.date(2027, 2, 1))
    done = planner.mark(ENTRIES, days, until=datetime.date(2027, 1, 24))
    by_day = {entry.date: entry for entry in done.entries}
    # 11 and 13 January were marked already; 14 had an entry; 16 had none; 1 February is later
    assert done.already == days[:2] and done.marked == days[2:4] and done.later == days[4:]
    assert by_day[days[2]] == dataclasses.replace(ENTRIES[10], infusion=True)
    assert by_day[days[3]] == Entry(days[3], infusion=True)
    assert [entry.date for entry in done.entries] == sorted(by_day)
    unchanged = [entry for entry in done.entries if entry.date not in days[2:4]]
    assert unchanged == [entry for entry in ENTRIES if entry.date != days[2]]
    everything = planner.mark(ENTRIES, days)  # no `until`: every day
    assert everything.later == () and everything.marked == days[2:]


def test_the_ics_action_marks_the_days_up_to_until_and_says_so():
    answer = ask(text=ICS, entries=STORED, until="2027-01-20")
    days = infusions_by_icalendar(ICS)
    expected = planner.mark(ENTRIES, days, datetime.date(2027, 1, 20))
    assert answer["ok"] is True
    assert answer["entries"] == [entry.stored() for entry in expected.entries]
    assert answer["marked"] == [day.isoformat() for day in expected.marked]
    assert answer["already"] == ["2027-01-11", "2027-01-13", "2027-01-18"]
    assert answer["later"] == [day.isoformat() for day in days
                               if day > datetime.date(2027, 1, 20)]
    said_until = words.day("2027-01-20", "en")
    assert answer["summary"] == say("result.summary.then", first=say_n(
        "diary.ics.marked", "diary.ics.marked.plural", len(expected.marked)), then=say_n(
        "diary.ics.later", "diary.ics.later.plural", len(answer["later"]), until=said_until))


def test_the_ics_actions_sentences_when_nothing_is_newly_marked():
    marked = ask(text=ICS, entries=[])["entries"]
    assert ask(text=ICS, entries=marked)["summary"] == say("diary.ics.already")
    early = ask(text=ICS, entries=STORED, until="2027-01-01")
    assert early["marked"] == [] and early["entries"] == STORED
    assert early["summary"].startswith(say("diary.ics.none-yet",
                                           until=words.day("2027-01-01", "en")))


# Each file refused, by its code: cut short anywhere, empty, not a calendar, another program's
# calendar, an event whose UID or day is not the planner's, a day that does not exist, a
# planner's calendar with reviews only.


def only_reviews(text):
    """The planner's calendar with its infusions taken out."""
    head, *events = text.removesuffix("END:VCALENDAR\r\n").split("BEGIN:VEVENT\r\n")
    kept = "".join(f"BEGIN:VEVENT\r\n{event}" for event in events if "-review-" in event)
    return f"{head}{kept}END:VCALENDAR\r\n"


REFUSED = [
    (ICS[:-20], "damaged"),
    (ICS[:len(ICS) // 2], "damaged"),
    (ICS.replace("END:VEVENT\r\n", "", 1), "damaged"),
    ("", "empty"),
    ("  \r\n", "empty"),
    ("date,pain\r\n2027-01-04,6\r\n", "damaged"),
    (ICS.replace("PRODID:-//calculators//schedule planner//EN", "PRODID:-//Other//EN"), "foreign"),
    (ICS.replace("@schedule.calculators", "@example.org"), "damaged"),
    (ICS.replace("DTSTART;VALUE=DATE:20270111", "DTSTART:20270111T090000Z", 1), "damaged"),
    (ICS.replace("20270113", "20270230"), "damaged"),
    (ICS.replace("-loading-", "-lunch-", 1), "damaged"),
    (only_reviews(ICS), "no-infusions"),
]


@pytest.mark.parametrize(("text", "code"), REFUSED)
def test_a_file_that_is_not_the_planners_is_refused_and_the_diary_is_unchanged(text, code):
    days, problem = planner.infusion_days(text)
    assert days == () and problem.code == code
    answer = ask(text=text, entries=STORED, until="2027-01-20")
    assert answer["ok"] is False and "entries" not in answer
    assert answer["problem"]["code"] == code
    assert answer["summary"].endswith(say("diary.unchanged"))


def test_a_day_no_diary_can_hold_refuses_the_file():
    far = ICS.replace("20270111", "21010111")  # the first infusion's day, UID and DTSTART
    assert planner.infusion_days(far)[1] is None
    assert ask(text=far, entries=STORED)["problem"]["code"] == "damaged"


@pytest.mark.parametrize("until", ["2027-1-20", "20270120", "2027-02-30", 20270120, ["x"]])
def test_an_until_that_is_not_a_day_is_refused(until):
    answer = ask(text=ICS, entries=STORED, until=until)
    assert answer["ok"] is False and answer["problem"]["code"] == "unreadable"


def test_entries_with_a_problem_are_refused_before_the_file_is_read():
    answer = ask(text=ICS, entries=[*STORED[:2], {**STORED[2], "pain": 14}])
    assert answer["ok"] is False and answer["problem"]["code"] == "entry"


@given(st.text(max_size=300))
def test_any_text_gives_days_or_a_problem_never_an_exception(text):
    days, problem = planner.infusion_days(text)
    assert (days == ()) == (problem is not None)


# (cut after its last line's END:VCALENDAR, before the line break, the file is whole)
@given(st.integers(min_value=0, max_value=len(ICS) - len("\r\n") - 1))
def test_a_file_cut_anywhere_is_refused(cut):
    assert planner.infusion_days(ICS[:cut])[1] is not None
