"""The plan as iCalendar: RFC 5545 lines, checked with the real icalendar parser."""

import datetime
import json

import icalendar
import pytest

import calculators
from calculators import data, ics
from calculators.messages import say

NOW = datetime.datetime(2026, 1, 1, 9, 30, tzinfo=datetime.UTC)
FIELDS = {"start": "2026-01-05", "loading": "6", "titration": "2", "maintenance_weeks": "4",
          "months": "6", "open_days": "mon,tue,wed,thu,fri"}


def test_ics_parses_with_icalendar_and_matches_the_plan():
    text = calculators.get("schedule").export("ics", FIELDS, NOW)
    sessions = calculators.run("schedule", FIELDS).values["sessions"]
    cal = icalendar.Calendar.from_ical(text)
    events = cal.walk("VEVENT")
    assert len(events) == len(sessions)
    assert [e.decoded("DTSTART").isoformat() for e in events] == [s["date"] for s in sessions]
    assert all(e.decoded("DTEND") - e.decoded("DTSTART") == datetime.timedelta(days=1)
               for e in events)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert all(e.decoded("DTSTAMP") == NOW for e in events)
    assert [s["phase"] for s in sessions][:2] == ["first", "review"]  # review rows are events too


def test_ics_lines_end_in_crlf_and_fold_at_75_octets():
    text = calculators.get("schedule").export("ics", FIELDS, NOW)
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    assert "\r\n " in text  # the description is long enough to fold


def test_ics_is_pure():
    assert calculators.get("schedule").export("ics", FIELDS, NOW) == calculators.get("schedule").export("ics", FIELDS, NOW)


def test_text_escaping_and_folding_of_multibyte_text():
    assert ics.escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "SUMMARY:" + "é" * 80
    folded = ics.fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line
    event = ics.Event("x@y", datetime.date(2026, 1, 5), "Säule, a; b\\c", "line1\nline2")
    parsed = icalendar.Calendar.from_ical(ics.calendar([event], NOW, "-//t//t//EN", "n"))
    (component,) = parsed.walk("VEVENT")
    assert str(component["SUMMARY"]) == "Säule, a; b\\c"
    assert str(component["DESCRIPTION"]) == "line1\nline2"


def test_naive_now_is_taken_as_utc():
    text = calculators.get("schedule").export("ics", FIELDS, datetime.datetime(2026, 1, 1, 9, 30))
    assert "DTSTAMP:20260101T093000Z" in text


def test_ics_json_for_the_browser():
    text = calculators.export_json("schedule", "ics", json.dumps(FIELDS), "2026-01-01T09:30:00Z")
    assert text == calculators.get("schedule").export("ics", FIELDS, NOW)


@pytest.mark.parametrize(
    ("fields_json", "now_iso"),
    [
        (json.dumps({**FIELDS, "start": "2026-02-30"}), "2026-01-01T09:30:00Z"),
        ("not json", "2026-01-01T09:30:00Z"),
        ("[]", "2026-01-01T09:30:00Z"),
        (json.dumps(FIELDS), "yesterday"),
        (json.dumps(FIELDS), ""),
    ],
)
def test_ics_json_invalid_gives_empty_text(fields_json, now_iso):
    assert calculators.export_json("schedule", "ics", fields_json, now_iso) == ""


def test_ics_has_no_event_after_the_end_of_the_plan():
    fields = {**FIELDS, "titration": "2", "months": "1"}
    result = calculators.run("schedule", fields)
    horizon = datetime.date.fromisoformat(result.values["horizon_end"])
    events = icalendar.Calendar.from_ical(calculators.get("schedule").export("ics", fields, NOW)).walk("VEVENT")
    assert [e.decoded("DTSTART").isoformat() for e in events] == [
        s["date"] for s in result.values["sessions"]]
    assert all(e.decoded("DTSTART") <= horizon for e in events)


# Issue 19: the events are example dates, never appointments; later ones are conditional.


def events_and_rows(fields=FIELDS):
    calendar = icalendar.Calendar.from_ical(calculators.get("schedule").export("ics", fields, NOW))
    return calendar, calendar.walk("VEVENT"), calculators.run("schedule", fields).values["sessions"]


def test_every_event_is_titled_an_example_date_not_an_appointment():
    calendar, events, rows = events_and_rows()
    summaries = [str(e["SUMMARY"]) for e in events]
    assert summaries[:2] == [say("ics.summary", what=say("ics.what.first")),
                             say("ics.summary", what=say("ics.what.review"))]
    # an X- property: icalendar leaves its text escaped
    assert str(calendar["X-WR-CALNAME"]) == ics.escape_text(say("ics.name"))
    for event in events:
        assert str(event["DESCRIPTION"]).endswith(say("ics.description"))


def test_conditional_events_say_they_happen_only_if_the_review_finds_a_benefit():
    _, events, rows = events_and_rows()
    assert len(events) == len(rows)
    for event, row in zip(events, rows):
        summary = "ics.summary.conditional" if row["conditional"] else "ics.summary"
        assert str(event["SUMMARY"]) == say(summary, what=say(f"ics.what.{row['phase']}"))
        assert (say("ics.conditional") in str(event["DESCRIPTION"])) == row["conditional"]


def test_review_events_carry_their_words_from_the_data_file():
    _, events, rows = events_and_rows()
    reviews = data.schedule().reviews
    for event, row in zip(events, rows):
        if row["phase"] == "review":
            assert reviews[row["after"]] in str(event["DESCRIPTION"])
        else:
            assert not any(words in str(event["DESCRIPTION"]) for words in reviews.values())


def test_ics_summaries_have_no_count_of_a_fixed_course():
    import re

    text = calculators.get("schedule").export("ics", FIELDS, NOW)
    assert not re.search(r"\d+ of \d+", text.replace("\r\n ", ""))
