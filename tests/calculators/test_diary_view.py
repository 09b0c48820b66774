"""The diary's summary as a reader meets it: HTML (escaped, the chart hidden from screen readers
with its table beside it, the PEG cited and its daily use called an adaptation, notes only when
asked for), the chart (SVG drawn with attributes only) and the text; and the diary's form on its
page (drawn from the entry's fields, never sent without the page's script)."""

import datetime
import re
import xml.etree.ElementTree as ElementTree

import pytest

from calculators import data, render
from calculators.diary import chart, files, summary, view, words
from calculators.diary.entries import EFFECTS, INPUTS, Entry, read_entry
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
    table = HTML.split('<table class="data-table diary-days">')[1].split("</table>")[0]
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th>", table)
    assert len(rows) == VALUES["days_recorded"] == 19
    assert rows[7] == escape(say("diary.days.infusion", date=words.day("2027-01-11", "en")))
    cells = re.findall(r'<td data-label="([^"]*)">([^<]*)</td>', table)
    assert [cell for _, cell in cells[:4]] == ["6.7", "5.5", "4", "4"]  # 4 Jan: 20/3, 5.5 h, 4, 4
    # each cell is labelled with its column's header (a narrow screen shows each row as a card)
    assert [label for label, _ in cells[:4]] == [
        escape(say(code)) for code in view.DAY_COLUMNS[1:]]


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


FORM = view.form("en")


def test_the_form_draws_every_field_as_a_calculators_form_does():
    tags = Tags(FORM)
    for field in INPUTS:
        if field.name != "effects":  # (drawn with each side effect's hours beside its box)
            assert render.field_html("diary", field, {}, {}, "en") in FORM, field.name
        assert tags.find("input", name=field.name) or tags.find("select", name=field.name) or \
            tags.find("textarea", name=field.name), field.name
    boxes = [attrs["value"] for attrs in tags.find("input", type="checkbox", name="effects")]
    assert boxes == list(EFFECTS)
    # each side effect's hours come right after its box, inside the side effects' fieldset
    effects = FORM.split('id="calc-diary-effects"')[1].split("</fieldset>")[0]
    places = [effects.index(f'id="calc-diary-{name}"') for key in EFFECTS
              for name in (f"effects-{key}", f"lasted_{key}")]
    assert places == sorted(places)
    numbers = [attrs for attrs in tags.find("input", type="text")]
    assert {attrs["inputmode"] for attrs in numbers} == {"numeric", "decimal"}


def test_the_form_cannot_be_sent_without_the_script_and_says_it_needs_it():
    tags = Tags(FORM)
    (form,) = tags.find("form")
    assert "action" not in form and "method" not in form and "data-calculator" not in form
    (save,) = tags.find("button", type="submit")
    assert "disabled" in save  # Enter in a field submits nothing, so no address holds an entry
    (status,) = tags.find("p", role="status")
    assert f'data-diary-status>{escape(say("diary.form.no-script"))}</p>' in FORM
    (live,) = [attrs for _, attrs in tags.tags if "aria-live" in attrs]
    empty = summary.summarise([])
    assert f'aria-atomic="true">{escape(words.sentence(empty, "en"))}</p>' in FORM
    assert f"data-diary-output>{view.html(empty, 'en')}</div>" in FORM
    hidden = [attrs for _, attrs in tags.tags if "data-diary-controls" in attrs]
    assert len(hidden) == 2 and all("hidden" in attrs for attrs in hidden)  # until it is live


def test_the_form_knows_the_stored_format_and_its_dialogs_ask_first():
    tags = Tags(FORM)
    (root,) = [attrs for _, attrs in tags.tags if "data-diary" in attrs]
    assert (root["data-format"], root["data-version"]) == (files.FORMAT, str(files.VERSION))
    for kind, (heading, text, confirm) in view.DIALOGS.items():
        (dialog,) = tags.find("dialog", **{"data-diary-dialog": kind})
        assert escape(say(heading)) in FORM and escape(say(text)) in FORM
        part = FORM.split(f'data-diary-dialog="{kind}"')[1].split("</dialog>")[0]
        # a copy to export first, then yes or no; the safe answer has the focus
        assert part.index("data-diary-export") < part.index("data-diary-confirm") < part.index(
            "data-diary-cancel autofocus")
    assert {attrs["data-diary-export"] for attrs in tags.find("button")
            if "data-diary-export" in attrs} == set(files.MEDIA_TYPES)
