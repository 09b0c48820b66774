"""The package's public API: names, JSON for the browser, the form and the tables."""

import datetime
import html.parser
import json
import re

import pytest

import calculators
from calculators import data, formats, schema, tables
from calculators.messages import say
from calculators.render import escape



class Tags(html.parser.HTMLParser):
    """Collects start tags with their attributes, and checks nesting."""

    VOID = {"input", "br", "img", "meta", "link", "hr"}

    def __init__(self, markup: str):
        super().__init__()
        self.tags, self.stack = [], []
        self.feed(markup)
        assert self.stack == [], f"unclosed: {self.stack}"

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def find(self, tag, **attrs):
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def test_names_and_get():
    assert calculators.names() == ("dose", "questions", "schedule")  # the modules of calculators/tools
    for name in calculators.names():
        calc = calculators.get(name)
        assert calc.name == name and calc.title
        assert all(isinstance(field, calculators.Field) for field in calc.inputs)
    with pytest.raises(KeyError):
        calculators.get("nope")


def test_input_names_are_the_cli_flags():
    assert [f.name for f in calculators.get("dose").inputs] == [
        "adult", "protocol", "weight", "unit", "daily_mg", "height_cm", "sex", "basis",
    ]
    assert [f.name for f in calculators.get("schedule").inputs] == [
        "start", "loading", "titration", "maintenance_weeks", "months", "open_days",
    ]


def test_select_values_are_cli_strings():
    inputs = {f.name: f for f in calculators.get("dose").inputs}
    assert "schwartzman-2009" in dict(inputs["protocol"].choices)
    assert dict(inputs["unit"].choices).keys() == {"kg", "lb"}
    assert list(dict(inputs["adult"].choices)) == ["", "yes", "no"]
    assert list(dict(inputs["protocol"].choices)) == list(data.offered_protocols())
    assert inputs["weight"].default == "70" and inputs["protocol"].default == "schwartzman-2009"


def test_result_to_dict_is_json():
    result = calculators.run("dose", {"weight": "80", "protocol": "schwartzman-2009", "adult": "yes"})
    as_dict = json.loads(json.dumps(result.to_dict()))
    assert set(as_dict) == {"ok", "values", "warnings", "errors", "codes", "html", "references",
                            "summary"}
    assert as_dict["ok"] is True and as_dict["values"]["rate_mg_per_h"] == 25
    assert as_dict["summary"] == result.summary and result.summary


def test_run_json_round_trip_and_numbers_accepted():
    out = json.loads(calculators.run_json("dose", json.dumps(
        {"weight": 70, "protocol": "goldberg-2005", "adult": "yes", "daily_mg": 60})))
    assert out["ok"] and out["values"]["session_mg_high"] == 60
    days = json.loads(calculators.run_json(
        "schedule", json.dumps({"start": "2026-01-05", "loading": 4, "open_days": ["mon", "wed"]})))
    assert days["ok"]


@pytest.mark.parametrize(
    "payload", ["", "not json", "[1, 2]", "null", "42", '"text"', "{", "[" * 5000, "{}"]
)
def test_run_json_never_raises(payload):
    for name in ("dose", "schedule", "nope"):
        out = json.loads(calculators.run_json(name, payload))
        assert out["ok"] is False and out["errors"]


def test_run_json_with_non_string_argument():
    out = json.loads(calculators.run_json("dose", None))
    assert out["ok"] is False


def test_render_form_markup():
    markup = calculators.render_form("dose")
    tags = Tags(markup)
    (form,) = tags.find("form")
    assert form["data-calculator"] == "dose" and form["method"] == "get"
    assert "novalidate" in form and "action" not in form  # submits to the page itself
    for field in calculators.get("dose").inputs:
        control_id = f"calc-dose-{field.name}"
        assert tags.find("label", **{"for": control_id})
        (control,) = [a for _, a in tags.tags if a.get("id") == control_id]
        assert control["name"] == field.name
        assert control["aria-describedby"] == f"{control_id}-help {control_id}-error"
        assert tags.find("p", id=f"{control_id}-help", **{"class": "field-help"})
        (error,) = tags.find("p", id=f"{control_id}-error", **{"class": "field-error"})
        assert "hidden" in error
    (weight,) = tags.find("input", name="weight")
    assert (weight["type"], weight["inputmode"], weight["value"]) == ("text", "decimal", "70")
    assert tags.find("option", value="schwartzman-2009", selected=None)
    assert tags.find("button", type="submit")
    (output,) = tags.find("div", **{"class": "calculator-output"})
    assert "data-calculator-output" in output and "aria-live" not in output
    assert say("dose.mg-per-h", rate="24.5") in markup and "not a prescription" in markup
    (limits,) = tags.find("div", **{"class": "calculator-limits"})  # beside, not inside, the live region
    assert markup.index("calculator-limits") > markup.index("data-calculator-output")
    assert say("dose.limitations.pump") in markup


@pytest.mark.parametrize("name", ["dose", "schedule"])
def test_only_the_summary_is_live_and_it_follows_the_inputs(name):
    """A screen reader hears the result's one sentence after each input, not the whole result:
    the summary is the form's one aria-live region, right after the inputs and before the
    button and the full result, and the prerendered page holds the worked example's."""
    markup = calculators.render_form(name)
    tags = Tags(markup)
    (summary,) = tags.find("p", **{"class": "calculator-summary"})
    assert "data-calculator-summary" in summary
    assert (summary["aria-live"], summary["aria-atomic"]) == ("polite", "true")
    assert [attrs for _, attrs in tags.tags if "aria-live" in attrs] == [summary]
    said = calculators.run(name, schema.worked_example(calculators.get(name).inputs)).summary
    assert said and f'aria-atomic="true">{escape(said)}</p>' in markup
    last_input = markup.rindex('class="field-error"')
    assert last_input < markup.index("data-calculator-summary") < markup.index(
        'class="calculator-submit"') < markup.index("data-calculator-output")


def test_a_form_with_errors_summarises_them():
    fields = {"weight": "abc", "protocol": "schwartzman-2009", "adult": "yes"}
    result = calculators.run("dose", fields)
    assert escape(result.summary) in calculators.render_form("dose", fields)


def test_render_form_schedule_days_fieldset():
    markup = calculators.render_form("schedule")
    tags = Tags(markup)
    assert tags.find("fieldset", id="calc-schedule-open_days")
    assert "<legend>" in markup
    boxes = tags.find("input", type="checkbox", name="open_days")
    assert [b["value"] for b in boxes] == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    assert ["checked" in b for b in boxes] == [True] * 5 + [False] * 2
    (start,) = tags.find("input", name="start")
    assert start["type"] == "date" and start["value"] == "2027-03-01"  # the fixed example date
    assert formats.long_date(datetime.date(2027, 3, 1)) in markup


def test_render_form_with_errors_fills_the_slots():
    markup = calculators.render_form("dose", {"weight": "abc", "protocol": "schwartzman-2009",
                                              "adult": "yes"})
    tags = Tags(markup)
    (weight,) = tags.find("input", name="weight")
    assert weight["aria-invalid"] == "true" and weight["value"] == "abc"
    (error,) = tags.find("p", id="calc-dose-weight-error")
    assert "hidden" not in error
    assert "Enter the weight as a number, for example 70." in markup
    assert "Fix the highlighted fields" in markup


def test_render_form_escapes_what_the_reader_typed():
    evil = '"><script>alert(1)</script>'
    markup = calculators.render_form("dose", {"weight": evil, "protocol": evil, "daily_mg": evil,
                                              "adult": evil})
    assert "<script>" not in markup
    assert "&lt;script&gt;" in markup
    Tags(markup)
    markup = calculators.render_form("schedule", {"start": evil, "open_days": evil})
    assert "<script>" not in markup


def heads(markup):
    """A table's column heads."""
    return re.findall(r'<th scope="col">([^<]*)</th>', markup)


def citing():
    """A table's `cite`, and the list of the reference ids it was given, in order."""
    cited = []

    def cite(ids):
        cited.extend(ids)
        return f'<sup class="cite">[{len(cited)}]</sup>'

    return cited, cite


def test_tables_render_from_the_data():
    assert tables.NAMES == ("protocols", "schedule", "considerations", "interactions", "side-effects")
    cited, cite = citing()
    markup = tables.render("protocols", cite)
    tags = Tags(markup)
    assert markup.startswith("<table") and tags.find("caption") is not None
    assert len(tags.find("th", scope="row")) == len(data.protocols())
    assert len(tags.find("th", scope="col")) == 9
    assert heads(markup) == [say(code) for code in tables.PROTOCOL_HEADS]
    assert set(cited) == {p.reference for p in data.protocols().values()}
    assert data.protocols()["schwartzman-2009"].caps[0].text in markup
    assert '<sup class="cite">' in markup
    asra = data.protocols()["asra-2018"]  # a first infusion: the least it recommends
    first_infusion = say("table.range.at-least", dose=formats.plain(asra.dose), unit=asra.dose_unit)
    assert tables.dose_range(asra) == first_infusion
    assert f'<td data-label="{say("table.protocols.range")}">{first_infusion}</td>' in markup
    schedule = tables.render("schedule", lambda ids: "<sup>[1]</sup>")
    tags = Tags(schedule)
    assert len(tags.find("th", scope="row")) == 3
    assert heads(schedule) == [say(code) for code in tables.SCHEDULE_HEADS]
    plan = data.schedule()
    assert all(phase.frequency in schedule for phase in plan.phases)
    caption = say("table.schedule.caption", evidence=plan.evidence, no_trial=plan.no_trial)
    assert f"<caption>{escape(caption)} <sup>[1]</sup></caption>" in schedule
    with pytest.raises(KeyError):
        tables.render("nope", cite)


def test_actions_are_prerendered_hidden_and_declared_as_data():
    tags = Tags(calculators.render_form("schedule"))
    (bar,) = tags.find("p", **{"class": "calculator-actions"})
    assert "hidden" in bar and "data-calculator-actions" in bar
    (download,) = tags.find("button", **{"data-action": "download"})
    assert (download["data-export"], download["data-media-type"]) == ("ics", "text/calendar")
    assert tags.find("button", **{"data-action": "print"})
    assert not Tags(calculators.render_form("dose")).find("p", **{"class": "calculator-actions"})


def test_every_error_slot_names_its_field():
    for name in calculators.names():
        tags = Tags(calculators.render_form(name))
        slots = tags.find("p", **{"class": "field-error"})
        assert [slot["data-field"] for slot in slots] == [f.name for f in calculators.get(name).inputs]


def test_export_json_never_raises():
    fields = json.dumps({"start": "2026-01-05", "loading": "4"})
    assert calculators.export_json("schedule", "ics", fields, "2026-01-01T00:00:00+00:00").startswith(
        "BEGIN:VCALENDAR")
    for args in [("schedule", "pdf", fields, "2026-01-01T00:00:00"), ("nope", "ics", fields, "x"),
                 ("schedule", "ics", "{", "2026-01-01T00:00:00"), ("dose", "ics", fields, "now")]:
        assert calculators.export_json(*args) == ""
    assert calculators.export_json("schedule", "ics", fields, "2026-01-01T00:00:00", "xx") == ""


def test_each_kind_of_input_draws_its_control_and_names_its_value():
    """One class a kind: the form control and the command line's value come from the field."""
    from calculators import fields

    inputs = {f.name: f for name in calculators.names() for f in calculators.get(name).inputs}
    kinds = {name: type(field) for name, field in inputs.items()}
    assert kinds["weight"] is fields.Number and kinds["loading"] is fields.Whole
    assert kinds["protocol"] is fields.Choice and kinds["open_days"] is fields.Days
    assert kinds["start"] is fields.Date
    assert [inputs[n].cli_value for n in ("loading", "start", "unit", "protocol")] == [
        "N", "YYYY-MM-DD", "kg|lb", "ID"]
    tags = Tags(calculators.render_form("schedule"))
    assert tags.find("input", type="date", name="start")
    assert tags.find("input", inputmode="numeric", name="loading")
    assert len(tags.find("input", type="checkbox", name="open_days")) == 7


def test_the_side_effects_table_is_the_data_files_list():
    """The side-effects article's table, row for row the data file's (the list a diary offers),
    each part of a cell followed by its own citation, none where the data gives no reference."""
    cited, cite = citing()
    markup = tables.render("side-effects", cite)
    tags = Tags(markup)
    effects = data.side_effects()
    assert heads(markup) == [say(code) for code in tables.SIDE_EFFECT_HEADS]
    assert len(tags.find("th", scope="row")) == len(effects)
    parts = [part for effect in effects.values() for part in effect.often + effect.know]
    assert cited == [ref_id for _, ref_id in parts if ref_id]
    assert all(ref_id in data.references() for ref_id in cited)
    assert {effect.key for effect in effects.values() if not effect.noticed} == {
        "blood-pressure", "liver-tests"}  # found by the team's readings and blood tests
    for words, _ in parts:
        assert escape(words) in markup and "{" not in words  # every figure printed
