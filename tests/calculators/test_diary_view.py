"""The diary's summary as a reader meets it: HTML (escaped, the chart hidden from screen readers
with its table beside it, the PEG cited and its daily use called an adaptation, notes only when
asked for), the chart (SVG drawn with attributes only) and the text."""

import datetime
import re
import xml.etree.ElementTree as ElementTree

import pytest

from calculators import data
from calculators.diary import chart, summary, view, words
from calculators.diary.entries import Entry, read_entry
from calculators.messages import say
from calculators.render import escape
from tests.calculators.test_api import Tags
from tests.vectors import DIARY

VALUES = summary.summarise([read_entry(fields)[0] for fields in DIARY])
HTML = view.html(VALUES, "en")
SVG = "{http://www.w3.org/2000/svg}"


def picture(values=VALUES):
    """The chart of a summary, parsed."""
    drawn = chart.svg(values["days"], "title", "description", "en")
    return ElementTree.fromstring(drawn.replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))


def test_the_html_is_well_formed_and_starts_with_its_framing():
    Tags(HTML)
    Tags(view.html(VALUES, "en", notes=True))
    assert HTML.startswith('<div class="calculator-result diary-summary">'
                           f'<p class="calculator-framing">{escape(say("diary.framing"))}</p>')


def test_the_peg_is_cited_and_its_daily_use_called_an_adaptation():
    krebs = data.references()["krebs-2009"]
    assert f'<cite data-reference="krebs-2009">{escape(krebs.short)}</cite>' in HTML
    assert escape(say("diary.peg.about")) in HTML
    assert escape(say("diary.limitation.peg-daily")) in HTML
    assert 'data-reference="krebs-2009"' in HTML.split('class="calculator-references"')[1]
    lines = view.text(VALUES, "en")
    assert f"  [krebs-2009] {view.render.reference_text('krebs-2009')}" in lines


def test_the_chart_is_hidden_from_screen_readers_and_its_table_holds_each_day():
    tags = Tags(HTML)
    (svg,) = tags.find("svg")
    assert svg["aria-hidden"] == "true" and svg["focusable"] == "false"
    assert f"<title>{escape(say('diary.chart.title'))}</title>" in HTML
    assert f"<desc>{escape(say('diary.chart.description'))}</desc>" in HTML
    table = HTML.split('<table class="diary-days">')[1].split("</table>")[0]
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th>", table)
    assert len(rows) == VALUES["days_recorded"] == 19
    assert rows[7] == escape(say("diary.days.infusion", date=words.day("2027-01-11", "en")))
    assert "<td>6.7</td><td>5.5</td><td>4</td><td>4</td>" in table  # 4 Jan: 20/3, 5.5 h, 4, 4


def test_the_chart_is_drawn_with_attributes_only():
    drawn = chart.svg(VALUES["days"], "t", "d", "en")
    assert "style" not in drawn and "<script" not in drawn
    root = picture()
    assert root.get("viewBox").startswith("0 0 340 ")
    assert all(element.get("style") is None for element in root.iter())


def test_the_chart_marks_each_infusion_day_and_breaks_its_lines_at_a_gap():
    root = picture()
    infusions = root.findall(f"{SVG}rect[@class='diary-chart-infusion']")
    assert len(infusions) == len(VALUES["infusion_days"]) == 3
    # PEG: 4-9 Jan joined, 10 Jan has none; 11-15 Jan; 16 Jan missed; 17-19 Jan; 20 Jan has
    # none; 21 Jan alone; 22 Jan missed; 23-24 Jan: four lines, and a mark for each of the
    # 17 days with a PEG score (19 recorded, less 10 and 20 Jan)
    lines = root.findall(f"{SVG}polyline[@class='diary-chart-peg']")
    assert [len(line.get("points").split()) for line in lines] == [6, 5, 3, 2]
    assert len(root.findall(f"{SVG}circle[@class='diary-chart-peg']")) == 17
    # hours slept: a bar for each of 18 days (19 recorded; 21 Jan has none)
    assert len(root.findall(f"{SVG}rect[@class='diary-chart-sleep']")) == 18
    # sleep quality is drawn dashed, with squares, so it differs from mood without colour
    (first_quality, *_) = root.findall(f"{SVG}polyline[@class='diary-chart-sleep-quality']")
    assert first_quality.get("stroke-dasharray")
    assert root.findall(f"{SVG}rect[@class='diary-chart-sleep-quality']")


def test_a_higher_peg_is_drawn_higher():
    root = picture()
    marks = [float(mark.get("cy"))
             for mark in root.findall(f"{SVG}circle[@class='diary-chart-peg']")]
    # 4 Jan (20/3) above 24 Jan (8/3): a smaller y is higher
    assert marks[0] < marks[-1]


@pytest.mark.parametrize("count", [1, 2, 7, 40, 400, 4000])
def test_the_chart_fits_any_length_and_labels_its_dates_inside_the_picture(count):
    start = datetime.date(2027, 1, 1)
    values = summary.summarise([Entry(start + datetime.timedelta(days=n), mood=n % 11,
                                      infusion=n % 9 == 0) for n in range(count)])
    root = picture(values)
    dates = root.findall(f"{SVG}text[@class='diary-chart-date']")
    assert 1 <= len(dates) <= 9  # room for each label at 340 units wide
    for label in dates:
        assert 0 <= float(label.get("x")) <= 340


def test_an_empty_diary_has_no_chart_and_says_so():
    values = summary.summarise([])
    shown = view.html(values, "en")
    Tags(shown)
    assert chart.svg([], "t", "d", "en") == "" and "<svg" not in shown
    assert escape(say("diary.period.empty")) in shown
    assert escape(say("diary.limitation.recorded")) in shown  # the limitations, always


def test_the_notes_are_shown_escaped_and_only_when_asked_for():
    note = DIARY[-1]["note"]
    assert "<without>" in note and note not in HTML and escape(note) not in HTML
    with_notes = view.html(VALUES, "en", notes=True)
    assert escape(note) in with_notes and "<without>" not in with_notes
    assert escape(say("diary.heading.notes")) in with_notes
    lines = view.text(VALUES, "en", notes=True)
    assert f"  {words.day('2027-01-24', 'en')}: {note}" in lines
    assert not any(note in line for line in view.text(VALUES, "en"))


def test_the_side_effects_are_named_by_the_data_files_words():
    table = HTML.split('<p class="calculator-heading">'
                       f'{escape(say("diary.heading.effects"))}</p>')[1].split("</table>")[0]
    names = re.findall(r"<tr><th scope=\"row\">(.*?)</th>", table)
    assert names == [escape(data.side_effects()[key].short)
                     for key in ("headache", "dissociation", "nausea", "sleepiness")]


def test_the_questions_ask_and_cite_the_agreed_change():
    asked = words.questions(VALUES, "en")
    assert asked[0] == (say("diary.discuss.peg", before="6.2", after="3.9"), "asra-2018")
    assert all(question.endswith("?") for question, _ in asked)
    assert words.references(VALUES, "en") == ["krebs-2009", "asra-2018"]
