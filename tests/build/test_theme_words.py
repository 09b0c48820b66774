"""The theme's words come from the site's catalogue, by code (plugins/site_words): the templates
say codes, `theme/locale/LANG/LC_MESSAGES/site.po` holds their words, and neither the templates'
markup nor the theme's scripts hold a word the reader sees."""

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser

import jinja2
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.jslexer import tokenize, unquote_string
from babel.messages.pofile import read_po, write_po

from plugins import site_words
from project import ROOT

THEME = ROOT / "theme"
LOCALE = THEME / "locale"
LANGUAGES = sorted(folder.name for folder in LOCALE.iterdir())
TEMPLATES = sorted((THEME / "templates").glob("*.html"))
SCRIPTS = sorted([*(THEME / "static" / "js").glob("*.js"), *(THEME / "templates" / "js").glob("*.js")])
WORD = re.compile(r"[^\W\d_]{2,}")  # two letters or more, in any script


def site_po(lang, theme=THEME):
    return theme / "locale" / lang / "LC_MESSAGES" / "site.po"


def catalogue(lang):
    with site_po(lang).open("rb") as file:
        return {message.id: message.string for message in read_po(file) if message.id}


def said_codes():
    """Every code the templates and the plugins say, as `invoke i18n` extracts them (the same
    mapping file)."""
    with (THEME / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    return {message for folder in (THEME / "templates", THEME.parent / "plugins")
            for _, _, message, _, _ in extract_from_dir(
                str(folder), method_map, options_map, keywords={"_": None, "site_say": None, "N_": None})}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_code_said_has_words_and_every_word_is_said(lang):
    words = catalogue(lang)
    said = said_codes()
    assert said and said == set(words)
    assert not [code for code, text in words.items() if not text]


def test_a_code_without_words_is_an_error_never_shown():
    words = site_words.words_of(site_words.catalogue(str(THEME), "en"))
    with pytest.raises(KeyError):
        words("no.such.code")
    filled = words("header.by-clinic", clinic="A clinic")
    assert "A clinic" in filled and "{" not in filled


# The attributes a reader meets: shown on hover, read out, or shown in place of an image; and
# the descriptions and titles of <meta> (search results, link previews).
READER_ATTRIBUTES = {"alt", "aria-label", "aria-description", "title", "placeholder"}
META_TEXT = re.compile(r"(^|:)(description|title)$")
# Attributes outside a tag: a block that fills in the tag of the template it extends.
ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')


class ReaderText(HTMLParser):
    """The text of markup that a reader sees or hears: text nodes and reader-facing attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.texts += [value or "" for name, value in attrs.items() if name in READER_ATTRIBUTES]
        if tag == "meta" and META_TEXT.search(attrs.get("name") or attrs.get("property") or ""):
            self.texts.append(attrs.get("content") or "")
        if tag == "input" and attrs.get("type") in {"button", "submit", "reset"}:
            self.texts.append(attrs.get("value") or "")

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.texts.append(ATTRIBUTE.sub(
            lambda found: found[2] if found[1] in READER_ATTRIBUTES else " ", data))


def template_data(source):
    """A template's own markup: what is outside {{ }}, {% %} and {# #}, each of those replaced
    by one "0" (no word; a tag with a placeholder in it stays a tag)."""
    parts = []
    for _, kind, value in jinja2.Environment().lex(source):
        if kind == "data":
            parts.append(value)
        elif not parts or parts[-1] != "0":
            parts.append("0")
    return "".join(parts)


def words_in_markup(markup):
    parser = ReaderText()
    parser.feed(markup)
    parser.close()
    return WORD.findall(" ".join(parser.texts))


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_no_template_holds_a_word_of_its_own(template):
    assert words_in_markup(template_data(template.read_text("utf-8"))) == []


def test_the_template_check_finds_a_word_where_there_is_one():
    assert words_in_markup(template_data(
        '<a href="{{ url }}" title="Home">{{ _("x") }} by {{ name }}</a>{# a comment #}'
        '<meta name="description" content="About it"><meta name="robots" content="noindex">'
        '{% block attrs %} data-{{ name }}="{{ value }}" title="Top"{% endblock %}'
    )) == ["Home", "by", "About", "it", "Top"]


# Prose: two words with a space between them, or a word with a capital and lower case letters
# (identifiers and selectors have neither).
PROSE = re.compile(r"[^\W\d_]{2,}\s+[^\W\d_]{2,}|\b[A-Z][a-z]+\b")
# An Error's message and the console are diagnostics, in the language of the runtime's own
# errors (Pyodide's, the browser's): the page's words frame them ("... could not load. (reason)").
DIAGNOSTIC = re.compile(r"^(Error|console\.\w+)$")


def prose_in_script(source):
    """The string literals of a script that read as prose, with the line each is on."""
    tokens = [token for token in tokenize(source, jsx=False)
              if token.type not in {"linecomment", "multilinecomment"}]
    found = []
    for at, token in enumerate(tokens):
        if token.type == "string":
            text = unquote_string(token.value)
        elif token.type == "template_string":
            text = re.sub(r"\$\{[^}]*\}", " ", token.value[1:-1])
        else:
            continue
        called = at >= 2 and tokens[at - 1].value == "(" and tokens[at - 2].value
        if PROSE.search(text) and not (called and DIAGNOSTIC.match(called)):
            found.append((token.lineno, text))
    return found


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_no_theme_script_holds_words_the_reader_sees(script):
    # A script the build fills in (templates/js) may say why in a Jinja comment.
    source = re.sub(r"\{#.*?#\}", lambda c: "\n" * c[0].count("\n"), script.read_text("utf-8"),
                    flags=re.S)
    assert prose_in_script(source) == []


def test_the_script_check_finds_prose_and_leaves_code_and_diagnostics():
    source = """// A comment says why, "in words".
        status.textContent = "Copied";
        note.textContent = `the result for ${name} is below`;
        box.querySelector("input[type=number]").addEventListener("change", go);
        throw new Error(`the package did not load: ${error.message}`);
        console.warn("the snapshot did not boot");"""
    assert prose_in_script(source) == [(2, "Copied"), (3, "the result for   is below")]


def test_each_build_says_its_own_languages_words(tmp_path):
    """Two builds in one process, in two languages: neither keeps the other's words (a
    multilingual build runs Pelican once a language). Only the theme's plugins, in a process of
    their own: the calculators have no words in the made-up language, and the plugins an earlier
    build of this process registered would still be listening."""
    theme = tmp_path / "theme"
    shutil.copytree(THEME, theme)
    with site_po("en").open("rb") as file:
        pseudo = read_po(file, locale="en")
    for message in pseudo:
        if message.id:
            message.string = "[xx] " + message.string
    site_po("xx", theme).parent.mkdir(parents=True)
    with site_po("xx", theme).open("wb") as file:
        write_po(file, pseudo)
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    builds = (
        "from scripts.site import build_site\n"
        "for run, lang in enumerate(('xx', 'en', 'xx')):\n"
        f"    build_site({str(tmp_path)!r} + f'/output-{{run}}', PATH={str(content)!r}, "
        f"THEME={str(theme)!r}, DEFAULT_LANG=lang, PLUGINS=['palette', 'runtime', 'site_words'])\n")
    subprocess.run([sys.executable, "-c", builds], cwd=ROOT, check=True, capture_output=True)
    homes = [(tmp_path / f"output-{run}" / "index.html").read_text("utf-8") for run in range(3)]
    skip = catalogue("en")["nav.skip-to-content"]
    assert f">[xx] {skip}</a>" in homes[0] and f">[xx] {skip}</a>" in homes[2]
    assert f">{skip}</a>" in homes[1] and "[xx]" not in homes[1]


def test_words_without_placeholders_are_said_once_when_a_template_is_compiled():
    catalogue = {"greeting": "Hello & welcome", "to": "Hi {name}"}
    said = []

    def words(code, **values):
        said.append(code)
        return catalogue[code].format(**values) if values else catalogue[code]

    env = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    env.install_gettext_callables(words, lambda one, many, n: one, newstyle=False)
    env.site_words = words
    env.add_extension(site_words.SaidWhenCompiled)
    template = env.from_string('<p>{{ _("greeting")|e }} {{ _("to", name="you") }} {{ "_" }}</p>')
    assert said == ["greeting"]  # compiled: the words are in the template
    assert [template.render(), template.render()] == ["<p>Hello &amp; welcome Hi you _</p>"] * 2
    assert said == ["greeting", "to", "to"]  # a call with placeholders stays a call
    with pytest.raises(KeyError):
        env.from_string('{{ _("no.such.code") }}')
