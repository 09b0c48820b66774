"""One module a calculator: a throwaway calculator module, in a temporary package no file of the
project names, appears as a page, an embed, a command-line subcommand and in the JSON API."""

import json
import os
import subprocess
import sys

import pytest

import calculators
from calculators import registry
from scripts.html_index import parse, text_of
from scripts.site import ROOT, build_site

WIDGET = '''"""A throwaway calculator for the registry's test: twice a whole number (nothing clinical)."""

from calculators import render, schema
from calculators.fields import Whole
from calculators.messages import say
from calculators.schema import Result

name = "widget"
title = "widget.title"
summary = "widget.summary"
inputs = (Whole(name="count", label="widget.count", min=1, max=10, step=1, default="2",
                required=True, invalid="widget.invalid", too_low="widget.too-low",
                too_high="widget.too-high"),)
actions = ()
limitations = ("widget.limitation",)
embeddable = True
embed_height = 400


def compute(fields, lang="en"):
    read = schema.Reader(inputs, fields, lang)
    count = read.get("count")
    if read.errors:
        return render.failure(name, read)
    twice = say("widget.twice", lang, count=count, double=count * 2)
    html = f'<div class="calculator-result"><p>{twice}</p></div>'
    return Result({"double": count * 2}, [], {}, html, [], summary=render.summary(twice, read))


def text(result, lang="en"):
    return [say("widget.text", lang, double=result.values["double"])]
'''
# Its words, in its package's own catalogue (the project's catalogue is not touched).
WIDGET_WORDS = {
    "widget.title": "Widget (a test calculator)", "widget.summary": "double a whole number",
    "widget.count": "Count", "widget.invalid": "Enter a whole number.",
    "widget.too-low": "At least {min}.", "widget.too-high": "At most {max}.",
    "widget.limitation": "A calculator made for a test.",
    "widget.twice": "Twice {count} is {double}.", "widget.text": "Twice is {double}.",
}
# And in Spanish: a calculator brings its words in every language the site has.
WIDGET_WORDS_ES = {
    "widget.title": "Widget (una calculadora de prueba)", "widget.summary": "el doble de un número",
    "widget.count": "Cantidad", "widget.invalid": "Escriba un número entero.",
    "widget.too-low": "Al menos {min}.", "widget.too-high": "Como mucho {max}.",
    "widget.limitation": "Una calculadora hecha para una prueba.",
    "widget.twice": "El doble de {count} es {double}.", "widget.text": "El doble es {double}.",
}


def catalogue(words: dict[str, str]) -> str:
    """A .po file's text holding `words`."""
    entries = "".join(f'msgid "{code}"\nmsgstr "{text}"\n\n' for code, text in words.items())
    return 'msgid ""\nmsgstr "Content-Type: text/plain; charset=utf-8\\n"\n\n' + entries


@pytest.fixture
def widget(tmp_path, monkeypatch):
    """The module in a package of its own, found through CALCULATOR_PACKAGES."""
    package = tmp_path / "throwaway_calculators"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "widget.py").write_text(WIDGET)
    for lang, said in (("en", WIDGET_WORDS), ("es", WIDGET_WORDS_ES)):
        words = package / "locale" / lang / "LC_MESSAGES"
        words.mkdir(parents=True)
        (words / "calculators.po").write_text(catalogue(said))
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv("CALCULATOR_PACKAGES", "throwaway_calculators")
    registry.forget()
    yield tmp_path
    registry.forget()


def test_a_new_module_is_a_calculator_everywhere(widget):
    assert calculators.names() == ("dose", "questions", "schedule", "widget")
    # the JSON API the browser calls
    out = json.loads(calculators.run_json("widget", json.dumps({"count": "3"})))
    assert out["ok"] and out["values"] == {"double": 6} and out["summary"] == "Twice 3 is 6."
    assert json.loads(calculators.run_json("widget", '{"count": "11"}'))["errors"] == {
        "count": "At most 10."}
    # the command line, as a user runs it
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(widget), str(ROOT)])}
    done = subprocess.run([sys.executable, "-m", "calculators", "widget", "--count", "4"],
                          capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    assert "Twice is 8." in done.stdout and "A calculator made for a test." in done.stdout
    # the site: a page of its own (no Markdown page carries it) and an embed with its oEmbed file
    site = build_site(widget / "site")
    page = site / "calculators" / "widget" / "index.html"
    assert 'data-calculator="widget"' in page.read_text() and "Twice 2 is 4." in text_of(parse(page))
    assert "/calculators/widget/</loc>" in (site / "sitemap.xml").read_text()
    embed = site / "embed" / "widget" / "index.html"
    assert 'data-calculator="widget"' in embed.read_text()
    oembed = json.loads((site / "embed" / "widget" / "oembed.json").read_text())
    assert oembed["height"] == 400 and "/embed/widget/" in oembed["html"]
    # and in Spanish, its page and its embed under /es/
    page = site / "es" / "calculators" / "widget" / "index.html"
    assert "El doble de 2 es 4." in text_of(parse(page))
    assert 'data-calculator="widget"' in (site / "es" / "embed" / "widget" / "index.html").read_text()


def test_two_calculators_of_one_name_are_refused(widget, monkeypatch):
    (widget / "more_calculators").mkdir()
    (widget / "more_calculators" / "__init__.py").write_text("")
    (widget / "more_calculators" / "widget.py").write_text(WIDGET)
    monkeypatch.setenv("CALCULATOR_PACKAGES", "throwaway_calculators,more_calculators")
    registry.forget()
    with pytest.raises(ValueError, match="two calculators named 'widget'"):
        calculators.names()
