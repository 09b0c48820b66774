"""The calculators in Spanish: every input set, form, help, printout, calendar, command line and
authoring block says its words in Spanish, and no English word (a word of the English catalogue
or data words that the Spanish ones never use: tests/words.py) appears in any of it. Reference
citations, study names and what a person typed are shown as they are, so they are taken out
first; codes (field names, option values, flags) are never translated."""

import datetime
import functools
import json
import re

import pytest
from markdown import Markdown

import calculators
from calculators import data, formats, messages, registry, render, tables
from calculators.__main__ import main
from calculators.diary import files, view
from calculators.diary.entries import read_entry
from calculators.messages import say
from plugins import site_words
from plugins.authoring.extension import AuthoringExtension
from project import ROOT
from tests import words
from tests.vectors import ALL, DIARY, DOSE, SCHEDULE

ES = "es"
NOW = datetime.datetime(2026, 11, 26, 12, 0, tzinfo=datetime.UTC)
# Shown as published (a reference's authors, published title and journal: never the site's
# label, note or description of it), or as typed (the diary's notes)
KEPT = words.published_texts() | {fields["note"] for fields in DIARY if "note" in fields}


def test_the_spanish_words_are_a_translation():
    # Without it every check below passes on a copy of the English: most English words (all but
    # names, units and the few both languages write) must be words the Spanish never uses.
    assert len(words.only_in(messages.DEFAULT, ES)) > len(words.vocabulary(messages.DEFAULT)) / 2


def assert_spanish(text, where, kept=()):
    found = words.foreign_words(text, ES, messages.DEFAULT, KEPT | set(kept))
    assert not found, f"{where}: English words {sorted(found)} in:\n{text}"


def result_text(result):
    """Everything a result says: its HTML's visible text, summary, errors and warnings."""
    return "\n".join([words.visible_text(result.html), result.summary, *result.errors.values(),
                      *(warning.message for warning in result.warnings)])


def typed(name, fields):
    """What a person typed into the fields (echoed back in a message as typed), and the values a
    field takes (codes, that a message may list)."""
    return set(fields.values()) | {", ".join(value for value, _ in field.choices)
                                   for field in calculators.get(name).inputs}


@pytest.mark.parametrize("name, fields", ALL, ids=[f"{n}-{i}" for i, (n, _) in enumerate(ALL)])
def test_every_input_set_answers_in_spanish(name, fields):
    result = calculators.run(name, fields, ES)
    assert_spanish(result_text(result), f"{name} {fields}", typed(name, fields))
    form = calculators.render_form(name, fields, lang=ES)
    assert_spanish(words.visible_text(form), f"{name} form {fields}", typed(name, fields))
    if result.ok:
        text = "\n".join(registry.get(name).text(result, ES))
        assert_spanish(text, f"{name} text {fields}", typed(name, fields))


@pytest.mark.parametrize("name", calculators.names())
def test_each_form_and_its_worked_example_in_spanish(name):
    assert_spanish(words.visible_text(calculators.render_form(name, lang=ES)), f"{name} form")


@pytest.mark.parametrize("fields", SCHEDULE)
def test_the_calendar_file_is_in_spanish(fields):
    plan = calculators.get("schedule").export("ics", fields, NOW, ES)
    unfolded = plan.replace("\r\n ", "")
    said = [line.split(":", 1)[1] for line in unfolded.split("\r\n")
            if line.startswith(("SUMMARY:", "DESCRIPTION:", "X-WR-CALNAME:"))]
    assert len(said) > 2
    text = "\n".join(said).replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";")
    assert_spanish(text, f"calendar {fields}")


def test_the_calendar_names_spanish_days_and_months():
    text = "\n".join(calculators.get("schedule").text(
        calculators.run("schedule", SCHEDULE[0], ES), ES))
    day = datetime.date.fromisoformat(SCHEDULE[0]["start"])  # a Monday in December
    assert formats.long_date(day, ES) in text
    assert say("day.mon.short", ES) != say("day.mon.short") or pytest.fail(
        "the Spanish day names are still the English ones")
    assert say("month.dec.short", ES) != say("month.dec.short"), "English month names"


def test_spanish_numbers_are_written_with_a_decimal_point():
    # US Spanish readers expect 24.5 mg: the one choice, in the catalogue formats.py reads
    assert say("number.decimal-separator", ES) == "."
    assert [formats.plain(24.5, ES), formats.amount(0.35, ES), formats.weight(70, ES)] == [
        "24.5", "0.35", "70.0"]
    result = calculators.run("dose", DOSE[0], ES)
    shown = result_text(result)
    assert "24.5" in shown and not re.search(r"\d,\d", shown)


def test_a_decimal_comma_is_read_and_said_in_spanish():
    fields = {**DOSE[0], "weight": "70,5"}
    result = calculators.run("dose", fields, ES)
    assert result.ok and result.values["dosing_weight_kg"] == pytest.approx(70.5)
    english = calculators.run("dose", fields)
    assert result.summary != english.summary  # what was read is said in Spanish...
    assert "70.5" in result.summary and "70,5" not in result.html.replace('value="70,5"', "")
    assert_spanish(result_text(result), "70,5")  # ...and in Spanish only


def test_a_word_for_a_number_is_a_spanish_field_error():
    result = calculators.run("dose", {**DOSE[0], "weight": "abc"}, ES)
    assert result.codes == {"weight": "invalid"}
    assert result.errors["weight"] != calculators.run("dose", {**DOSE[0], "weight": "abc"}).errors[
        "weight"]
    assert_spanish(result_text(result), "abc", {"abc"})


# The command line: its codes (commands, flags, option values, value names) stay as they are
CODES = ({"python -m calculators", "protocols", "diary", "json", "ics", "summary", "notes",
          "lang", *calculators.names(), *data.protocols()}
         | {text for name in calculators.names() for field in calculators.get(name).inputs
            for text in (field.name, field.flag, field.cli_value, field.default,
                         *(value for value, _ in field.choices))})


def run_cli(capsys, *args):
    try:
        code = main(["--lang", ES, *args])
    except SystemExit as done:  # argparse's --help and its errors
        code = done.code
    out, err = capsys.readouterr()
    return code, out, err


def assert_cli_spanish(text, where):
    code_words = set().union(*map(words.words_in, filter(None, CODES)))
    found = words.foreign_words(text, ES, messages.DEFAULT, KEPT) - code_words
    assert not found, f"{where}: English words {sorted(found)} in:\n{text}"


@pytest.mark.parametrize("command", [[], ["protocols"], *([name] for name in calculators.names()),
                                     ["diary"]])
def test_the_help_is_spanish(capsys, command):
    code, out, err = run_cli(capsys, *command, "--help")
    assert code == 0 and not err
    assert_cli_spanish(out, f"help of {command}")


def test_lang_after_the_command_is_the_same(capsys):
    args = ["--weight", "70", "--protocol", "schwartzman-2009", "--adult", "yes"]
    assert main(["dose", *args, "--lang", ES]) == 0
    after = capsys.readouterr().out
    assert run_cli(capsys, "dose", *args)[1] == after


def test_dose_in_spanish_exit_0(capsys):
    code, out, err = run_cli(capsys, "dose", "--weight", "70,5", "--protocol",
                             "schwartzman-2009", "--adult", "yes")
    assert code == 0 and not err
    assert "70.5" in out and not re.search(r"\d,\d", out)
    assert_cli_spanish(out, "dose")


def test_invalid_input_exits_2_with_spanish_lines_naming_each_field(capsys):
    code, out, err = run_cli(capsys, "dose", "--weight", "abc", "--protocol", "nope",
                             "--adult", "yes")
    assert code == 2 and not out
    lines = err.splitlines()
    assert [line.split(":")[0] for line in lines] == ["protocol", "weight"]
    assert_cli_spanish(err.replace("abc", "").replace("nope", ""), "dose errors")


def test_argparse_errors_are_spanish_and_exit_2(capsys):
    code, out, err = run_cli(capsys, "dose", "--no-such-flag")
    assert code == 2 and not out
    assert_cli_spanish(err, "unknown flag")
    code, out, err = run_cli(capsys, "diary")  # --summary missing
    assert code == 2 and not out
    assert_cli_spanish(err, "missing flag")


@pytest.mark.parametrize("command", [["questions", "--have", "liver,sedatives"], ["protocols"],
                                     ["schedule", "--start", "2027-03-01"]])
def test_each_command_prints_spanish(capsys, command):
    code, out, err = run_cli(capsys, *command)
    assert code == 0 and not err
    assert_cli_spanish(out, " ".join(command))


def test_schedule_writes_a_spanish_calendar(capsys, tmp_path):
    path = tmp_path / "plan.ics"
    code, out, err = run_cli(capsys, "schedule", "--start", "2027-03-01", "--ics", str(path))
    assert code == 0 and not err
    assert_cli_spanish(out.replace(str(path), ""), "schedule --ics")
    unfolded = path.read_text("utf-8").replace("\r\n ", "")
    said = [line.split(":", 1)[1] for line in unfolded.split("\r\n")
            if line.startswith(("SUMMARY:", "DESCRIPTION:", "X-WR-CALNAME:"))]
    assert_spanish("\n".join(said).replace("\\n", "\n").replace("\\,", ","), "schedule --ics")


def test_the_diary_summary_in_spanish(capsys, tmp_path):
    path = tmp_path / "diary.json"
    path.write_text(files.to_json([read_entry(fields)[0] for fields in DIARY]), "utf-8")
    code, out, err = run_cli(capsys, "diary", "--summary", str(path), "--notes")
    assert code == 0 and not err
    assert_cli_spanish(out.replace(str(path), ""), "diary --summary")


@functools.cache
def diary_answers():
    """The fixed diary through each of the diary's actions, in Spanish: the strings it says."""
    entries = [read_entry(fields)[0] for fields in DIARY]
    stored = [entry.stored() for entry in entries]
    plan = calculators.get("schedule").export("ics", {"start": "2027-01-11"}, NOW, ES)
    requests = [
        *({"action": "entry", "fields": fields} for fields in DIARY),
        {"action": "entry", "fields": {**DIARY[8], "pain": "14", "sleep_hours": "7,5"}},
        {"action": "summary", "entries": stored, "notes": True},
        {"action": "import", "text": files.to_json(entries)},
        {"action": "import", "text": files.to_json(entries)[:-40]},
        {"action": "export", "kind": "pdf", "entries": stored},
        {"action": "ics", "text": plan, "entries": stored, "until": "2027-01-20"},
        {"action": "ics", "text": plan[:-40], "entries": stored},
        {"action": "forget"},
    ]
    return [json.loads(calculators.diary_json(json.dumps(request), ES)) for request in requests]


def said(answer, key=""):
    """The words in an answer: every string but the stored entries, files and codes."""
    if key in {"entries", "entry", "values", "codes", "text", "media_type", "filename", "action",
               "code", "kind"}:
        return []
    if isinstance(answer, str):
        return [words.visible_text(answer) if key == "html" else answer]
    items = answer.items() if isinstance(answer, dict) else enumerate(answer or [])
    return [text for k, value in items if isinstance(value, (str, dict, list))
            for text in said(value, str(k) if isinstance(k, str) else key)]


@pytest.mark.parametrize("index", range(len(DIARY) + 8))
def test_the_diary_answers_in_spanish(index):
    answer = diary_answers()[index]
    assert_spanish("\n".join(said(answer)), f"diary answer {index}: {answer.get('action')}")


def test_the_diary_form_in_spanish():
    assert_spanish(words.visible_text(view.form(ES)), "the diary's form")


def authored(body, lang=ES):
    """Markdown with the authoring blocks, converted as a build in `lang` converts it."""
    extension = AuthoringExtension()
    # The theme's words (a citation's) in the language once it has them (the site's part)
    theme = ROOT / "theme" / "locale" / lang / "LC_MESSAGES" / "site.po"
    extension.site_say = (site_words.words_of(site_words.catalogue(ROOT / "theme", lang))
                          if theme.is_file() else words.SITE_WORDS)
    extension.lang = lang
    extension.start("content/articles/es/test.md", body.splitlines())
    return Markdown(extensions=["meta", "tables", "attr_list", extension]).convert(body)


@pytest.mark.parametrize("name", tables.NAMES)
def test_a_table_from_data_in_a_spanish_build(name):
    html = authored(f"[table: {name}]\n")
    head = re.search(r"<thead>.*?</thead>", tables.render(name, lambda refs: "", ES))[0]
    assert head in html  # the table in the build's language
    assert_spanish(words.visible_text(html), f"table {name}")


def test_blocks_and_values_in_a_spanish_build():
    html = authored("[value: schwartzman-2009.dose_max]\n\n[calculator: dose]\n\n[diary]\n")
    assert "<p>0.35</p>" in html  # the data file's number, with a point
    assert calculators.render_form("dose", lang=ES) in html and view.form(ES) in html
    assert_spanish(words.visible_text(html), "blocks")


def test_the_spanish_articles_links_go_to_the_spanish_edition():
    title, url = data.article("how-strong-is-the-evidence", ES)
    assert url == "/es/how-strong-is-the-evidence/"
    assert f'href="{url}"' in calculators.render_form("dose", lang=ES)
    assert 'href="/how-strong-is-the-evidence/"' not in calculators.render_form("dose", lang=ES)


# The references: the site's words about each source (label, note, descriptive title) in Spanish

def differs(ref_id):
    """Whether a reference reads otherwise in Spanish (the site wrote a note or a title for it)."""
    return data.references(ES)[ref_id].citation != data.references()[ref_id].citation


def test_every_result_cites_its_references_and_sources_in_spanish():
    cited, labelled = set(), set()
    for name, fields in ALL:
        result = calculators.run(name, fields, ES)
        listed = re.findall(r'<li data-reference="([\w-]+)">(.*?)</li>', result.html)
        assert [ref_id for ref_id, _ in listed] == list(result.references)
        for ref_id, item in listed:
            assert item == render.reference_html(ref_id, lang=ES), (name, fields, ref_id)
        cited |= set(result.references)
        # A source's short label: beside a question (<cite data-reference>) or a warning
        for match in re.finditer(r'<cite data-reference="(?P<a>[\w-]+)">(?P<x>[^<]*)</cite>'
                                 r'|data-reference="(?P<b>[\w-]+)">[^<]*<cite>(?P<y>[^<]*)</cite>',
                                 result.html):
            ref_id, label = match["a"] or match["b"], match["x"] or match["y"]
            assert label == render.escape(data.references(ES)[ref_id].short), (name, ref_id)
            labelled.add(ref_id)
        if result.ok and result.references:
            text = registry.get(name).text(result, ES)
            assert all(f"  [{ref}] {render.reference_text(ref, ES)}" in text
                       for ref in result.references)
    assert any(map(differs, cited))  # a Spanish note or title, not the English one
    assert any(data.references(ES)[ref].short != data.references()[ref].short for ref in labelled)


def test_the_command_line_lists_its_references_in_spanish(capsys):
    code, out, _ = run_cli(capsys, "questions", "--have", "liver,sedatives")
    listed = re.findall(r"^  \[([\w-]+)\] (.*)$", out, re.MULTILINE)
    assert code == 0 and listed
    assert all(line == render.reference_text(ref_id, ES) for ref_id, line in listed)
    assert any(differs(ref_id) for ref_id, _ in listed)


def test_a_spanish_build_numbers_its_references_in_spanish():
    html = authored("Una clínica da un calendario [@clinic-schedule; @asra-2018].\n")
    for ref_id in ("clinic-schedule", "asra-2018"):
        assert f'<li id="ref-{ref_id}">{render.reference_html(ref_id, True, ES)}</li>' in html
    assert render.escape(data.references()["clinic-schedule"].citation) not in html
    assert_spanish(words.visible_text(html), "a Spanish build's references")


def test_a_reference_s_english_words_are_found_and_what_it_published_is_kept():
    # The site's words about a source are checked, never kept as they are: an English label or
    # note left in a Spanish page is found; the authors, a published title and the journal stay.
    english = data.references()
    assert words.foreign_words(english["ketalar-label"].short, kept=KEPT) == {"label"}
    assert {"secondary", "summary"} <= words.foreign_words(english["krebs-2009"].citation,
                                                           kept=KEPT)
    assert not words.foreign_words(data.references(ES)["krebs-2009"].citation, kept=KEPT)
    assert not words.foreign_words(english["asra-2018"].citation, kept=KEPT)


def test_the_check_finds_english_and_leaves_codes_kept_texts_and_spanish(monkeypatch):
    vocabularies = {"en": {"the", "weight", "pain", "mg"}, "es": {"el", "peso", "dolor", "mg"}}
    monkeypatch.setattr(words, "vocabulary", lambda lang: vocabularies[lang])
    words.only_in.cache_clear()
    try:
        assert words.foreign_words("El peso: 70 mg. The pain.") == {"the", "pain"}
        assert not words.foreign_words("El peso ?weight=70&unit=kg --weight yes|no mon,pain")
        assert not words.foreign_words("Dolor: Pain in the CRPS study.",
                                       kept={"Pain in the CRPS study."})
    finally:
        words.only_in.cache_clear()
