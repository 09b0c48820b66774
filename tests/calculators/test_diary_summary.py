"""The diary's figures: hand-computed for the fixed diary (tests/vectors.py DIARY), the edge cases
by hand too, and random diaries that never fail and never judge what they show."""

import datetime
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.diary import summary, view, words
from calculators.diary.entries import Entry, read_entry
from calculators.messages import say, say_n
from tests.calculators.test_diary_entries import entries as any_entry
from tests.verdicts import JUDGEMENT, TextOf, verdicts
from tests.vectors import DIARY

ENTRIES = [read_entry(fields)[0] for fields in DIARY]
VALUES = summary.summarise(ENTRIES)
approx = pytest.approx


def test_the_period_and_the_days_recorded():
    # 4 to 24 January is 21 days; 16 and 22 January have no entry: 19 recorded, 2 missed.
    assert (VALUES["first"], VALUES["last"]) == ("2027-01-04", "2027-01-24")
    assert (VALUES["days_in_period"], VALUES["days_recorded"], VALUES["days_missed"]) == (21, 19, 2)
    assert VALUES["infusion_days"] == ["2027-01-11", "2027-01-13", "2027-01-18"]


def test_the_peg_score_of_each_day_is_the_mean_of_its_three_items():
    pegs = {day["date"]: day["peg"] for day in VALUES["days"]}
    assert pegs["2027-01-04"] == approx((7 + 6 + 7) / 3)  # 20/3
    assert pegs["2027-01-05"] == 6  # (6 + 6 + 6) / 3
    assert pegs["2027-01-10"] is None  # enjoyment left blank
    assert pegs["2027-01-20"] is None  # no item given
    assert pegs["2027-01-24"] == approx(8 / 3)  # (3 + 3 + 2) / 3


def test_the_baseline_is_the_days_before_the_first_infusion():
    baseline = VALUES["baseline"]
    assert (baseline["from"], baseline["to"]) == ("2027-01-04", "2027-01-10")
    assert (baseline["days_in_window"], baseline["days_recorded"]) == (7, 7)
    # PEG sums, 4-9 Jan (10 Jan has none): 20 + 18 + 20 + 17 + 20 + 17 = 112, over 6 days of
    # three items: 112 / 18 = 6.2222...
    assert baseline["peg"] == {"mean": approx(112 / 18), "days": 6}
    # hours slept: 5.5 + 6 + 5 + 6.5 + 5.5 + 6 + 5 = 39.5 over 7 days
    assert baseline["sleep_hours"] == {"mean": approx(39.5 / 7), "days": 7}
    # sleep quality: 4 + 5 + 3 + 5 + 4 + 5 + 4 = 30; mood: 4 + 5 + 4 + 5 + 4 + 5 + 4 = 31
    assert baseline["sleep_quality"] == {"mean": approx(30 / 7), "days": 7}
    assert baseline["mood"] == {"mean": approx(31 / 7), "days": 7}
    assert "change" not in baseline


def test_each_infusions_window_runs_from_it_to_the_day_before_the_next():
    first, second, third = VALUES["after"]
    assert [(w["infusion"], w["from"], w["to"], w["days_in_window"], w["days_recorded"])
            for w in VALUES["after"]] == [
        ("2027-01-11", "2027-01-11", "2027-01-12", 2, 2),
        ("2027-01-13", "2027-01-13", "2027-01-17", 5, 4),  # 16 Jan missed
        ("2027-01-18", "2027-01-18", "2027-01-24", 7, 6)]  # to the last day; 22 Jan missed
    # 11-12 Jan: (17 + 15) / 6 = 5.3333; change 32/6 - 112/18 = (96 - 112) / 18 = -16/18
    assert first["peg"] == {"mean": approx(32 / 6), "days": 2}
    assert first["change"]["peg"] == approx(-16 / 18)
    # 13-17 Jan: (14 + 12 + 13 + 11) / 12 = 50/12 = 4.1667; change (75 - 112) / 18 = -37/18
    assert second["peg"] == {"mean": approx(50 / 12), "days": 4}
    assert second["change"]["peg"] == approx(-37 / 18)
    # 18-24 Jan: 20 Jan has no PEG; (11 + 10 + 9 + 10 + 8) / 15 = 48/15 = 3.2;
    # change 3.2 - 6.2222 = (288 - 560) / 90 = -272/90
    assert third["peg"] == {"mean": approx(3.2), "days": 5}
    assert third["change"]["peg"] == approx(-272 / 90)


def test_from_the_first_infusion_on():
    since = VALUES["after_all"]
    assert (since["from"], since["to"], since["days_in_window"], since["days_recorded"]) == (
        "2027-01-11", "2027-01-24", 14, 12)
    # PEG: 17 + 15 + 14 + 12 + 13 + 11 + 11 + 10 + 9 + 10 + 8 = 130 over 11 days: 130/33;
    # change (130 * 6 - 112 * 11) / 198 = (780 - 1232) / 198 = -452/198
    assert since["peg"] == {"mean": approx(130 / 33), "days": 11}
    assert since["change"]["peg"] == approx(-452 / 198)
    # hours slept (21 Jan blank): 7 + 7.5 + 7 + 8 + 7 + 7.5 + 6.5 + 8 + 7 + 7.5 + 8 = 81 over 11;
    # change 81/11 - 39.5/7 = (567 - 434.5) / 77 = 132.5/77
    assert since["sleep_hours"] == {"mean": approx(81 / 11), "days": 11}
    assert since["change"]["sleep_hours"] == approx(132.5 / 77)
    # sleep quality: 6 + 6 + 6 + 7 + 6 + 7 + 6 + 7 + 6 + 7 + 8 = 72 over 11; (504 - 330) / 77
    assert since["sleep_quality"] == {"mean": approx(72 / 11), "days": 11}
    assert since["change"]["sleep_quality"] == approx(174 / 77)
    # mood (21 Jan too): 5 + 6 + 6 + 6 + 7 + 7 + 6 + 7 + 6 + 7 + 7 + 8 = 78 over 12 = 6.5;
    # change 6.5 - 31/7 = 14.5/7
    assert since["mood"] == {"mean": 6.5, "days": 12}
    assert since["change"]["mood"] == approx(14.5 / 7)


def test_the_side_effects_by_days_and_hours():
    assert VALUES["effects"] == [
        # 6 Jan (4 h, before the first infusion), 12 Jan (3 h), 18 Jan (1 h): 8 h over 3 days
        {"key": "headache", "days": 3, "days_before": 1, "days_after": 2, "days_with_hours": 3,
         "hours_total": 8, "hours_mean": approx(8 / 3), "hours_longest": 4},
        # 11 Jan (1.5 h), 13 Jan (1 h), 18 Jan (0.5 h): 3 h over 3 days
        {"key": "dissociation", "days": 3, "days_before": 0, "days_after": 3,
         "days_with_hours": 3, "hours_total": 3, "hours_mean": 1, "hours_longest": 1.5},
        {"key": "nausea", "days": 1, "days_before": 0, "days_after": 1, "days_with_hours": 1,
         "hours_total": 2, "hours_mean": 2, "hours_longest": 2},
        # 13 Jan, its hours not given
        {"key": "sleepiness", "days": 1, "days_before": 0, "days_after": 1,
         "days_with_hours": 0, "hours_total": None, "hours_mean": None, "hours_longest": None}]


def test_values_are_kept_at_full_precision():
    assert VALUES["baseline"]["peg"]["mean"] != round(VALUES["baseline"]["peg"]["mean"], 6)
    json.dumps(VALUES, allow_nan=False)


def days(mean, count):
    """A mean as the summary writes it, with its days."""
    return say_n("diary.mean", "diary.mean.plural", count, mean=mean)


def test_what_the_summary_says_for_the_fixed_diary():
    assert words.sentence(VALUES, "en") == say(
        "result.summary.then",
        first=say_n("diary.sentence.days", "diary.sentence.days.plural", 19,
                    start=words.day("2027-01-04", "en"), end=words.day("2027-01-24", "en")),
        then=say("diary.sentence.peg", before="6.2", after="3.9"))
    lines = view.text(VALUES, "en")
    assert say("diary.text.window", name=words.after_name(VALUES["after"][1], "en"),
               mean=days("4.2", 4), change="-2.1") in lines
    assert say("diary.text.before-after", what=say("diary.measure.sleep-hours"),
               before=days("5.6", 7), after=days("7.4", 11), change="+1.7") in lines


# --- the edges, by hand -------------------------------------------------------------------------

def day(number, **values):
    return Entry(datetime.date(2027, 3, number), **values)


def test_an_empty_diary():
    values = summary.summarise([])
    assert (values["first"], values["days_in_period"], values["days_recorded"]) == (None, 0, 0)
    assert values["after"] == [] and values["effects"] == [] and values["days"] == []
    assert values["baseline"]["peg"] == {"mean": None, "days": 0}
    assert words.sentence(values, "en") == say("diary.sentence.empty")
    assert words.questions(values, "en") == []


def test_one_day():
    values = summary.summarise([day(1, pain=4, enjoyment=5, activity=6)])
    assert (values["days_in_period"], values["days_recorded"], values["days_missed"]) == (1, 1, 0)
    assert values["baseline"]["peg"] == {"mean": 5, "days": 1}  # no infusion: all is baseline
    assert values["after"] == [] and values["after_all"]["from"] is None


def test_no_day_before_the_first_infusion():
    values = summary.summarise([day(1, pain=6, enjoyment=6, activity=6, infusion=True),
                                day(2, pain=3, enjoyment=3, activity=3)])
    baseline = values["baseline"]
    assert (baseline["from"], baseline["days_in_window"]) == (None, 0)
    assert baseline["peg"]["mean"] is None
    assert values["after"][0]["peg"]["mean"] == 4.5  # (18 + 9) / 6
    assert values["after"][0]["change"]["peg"] is None  # nothing to compare with
    assert say("diary.discuss.no-baseline") in [q for q, _ in words.questions(values, "en")]


def test_only_infusion_days_each_a_window_of_one_day():
    values = summary.summarise([day(n, pain=n, enjoyment=n, activity=n, infusion=True)
                                for n in (1, 2, 3)])
    assert [(w["from"], w["to"], w["peg"]["mean"]) for w in values["after"]] == [
        ("2027-03-01", "2027-03-01", 1), ("2027-03-02", "2027-03-02", 2),
        ("2027-03-03", "2027-03-03", 3)]
    assert values["after_all"]["peg"] == {"mean": 2, "days": 3}


def test_every_value_blank():
    values = summary.summarise([day(1), day(5, infusion=True), day(9)])
    assert values["days_missed"] == 6 and values["effects"] == []
    assert all(values["after_all"][m] == {"mean": None, "days": 0} for m in summary.MEASURES)
    assert values["after"][0]["change"] == dict.fromkeys(summary.MEASURES)
    assert words.sentence(values, "en").endswith(say("diary.sentence.no-peg"))


def test_a_day_given_twice_counts_once_the_last_one():
    values = summary.summarise([day(1, mood=2), day(1, mood=8)])
    assert values["days_recorded"] == 1 and values["baseline"]["mood"] == {"mean": 8, "days": 1}


# --- any diary ----------------------------------------------------------------------------------

def reader_facing(values) -> list[str]:
    """All a reader meets of a summary: its sentence, its HTML's words (with the notes), its
    text, its questions, framing and limitations; the sources' titles and the reader's own notes
    aside (their words are theirs)."""
    notes = [row["note"] for row in values["days"] if row["note"]]
    texts = [words.sentence(values, "en"), str(TextOf(view.html(values, "en", notes=True))),
             *view.text(values, "en", notes=True), say("diary.framing"),
             *(say(code) for code in words.LIMITATIONS)]
    titles = [view.render.reference_parts(ref)[0] for ref in words.references(values, "en")]
    for aside in titles + sorted(notes, key=len, reverse=True):
        texts = [text.replace(aside, " ") for text in texts]
    return texts


@given(st.lists(any_entry(st.dates(datetime.date(2027, 1, 1), datetime.date(2027, 3, 31))),
                max_size=30))
def test_any_diary_gives_a_summary_that_never_fails_and_never_judges(diary):
    values = summary.summarise(diary)
    json.dumps(values, allow_nan=False)
    assert values["days_recorded"] + values["days_missed"] == values["days_in_period"]
    windows = [values["baseline"], *values["after"]]
    assert sum(w["days_recorded"] for w in windows) == values["days_recorded"]  # no day twice
    assert not verdicts(reader_facing(values), JUDGEMENT)


def test_the_judgement_check_finds_a_judgement():
    assert verdicts(["Your pain is better since the first infusion."], JUDGEMENT)
    assert verdicts(["The treatment works."], JUDGEMENT)
    assert not verdicts(reader_facing(VALUES), JUDGEMENT)
