"""Reader-facing words come from the message catalogue, by code (calculators/messages.py)."""

import ast
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import calculators
from calculators import messages
from calculators.__main__ import ARGPARSE_WORDS

PACKAGE = Path(calculators.__file__).parent


def catalogue_ids(lang):
    path = PACKAGE / "locale" / lang / "LC_MESSAGES" / f"{messages.DOMAIN}.po"
    with path.open("rb") as file:
        return {message.id for message in read_po(file) if message.id}


def said_codes():
    """Every code the package says or marks, as Babel extracts them (a plural as its pair)."""
    found = extract_from_dir(str(PACKAGE), method_map=[("**.py", "python")],
                             keywords={"say": (1,), "N_": (1,), "say_n": (1, 2), "N_n": (1, 2)})
    return {message for _, _, message, _, _ in found}


@pytest.mark.parametrize("lang", messages.LANGUAGES)
def test_every_code_said_has_words_and_every_word_is_said(lang):
    said = said_codes()
    assert said and said == catalogue_ids(lang)


def test_a_code_without_words_is_an_error_never_shown():
    with pytest.raises(KeyError):
        messages.say("no.such.code")
    with pytest.raises(KeyError):
        messages.catalogue("xx")


def test_placeholders_are_named_and_filled():
    said = messages.say("cli.note", note="a particular note")
    assert "a particular note" in said and "{" not in said
    with pytest.raises(KeyError):
        messages.say("cli.note", other="a value")  # a placeholder without its value


def test_the_form_and_the_command_line_say_the_catalogues_words():
    form = calculators.render_form("dose")
    for code in ("framing", "form.calculate", "result.limitations", "result.references"):
        assert messages.say(code).replace("'", "&#x27;") in form, code


# A string is words when, its markup and {placeholders} taken out, it holds a capitalised word
# or two words in a row (a code, an id, a class name or a unit is one token without spaces).
_MARKUP = re.compile(r"<[^>]*(?:>|$)|^[^<]*?=\"|\{[^{}]*\}|&[a-z]+;")
_WORDS = re.compile(r"\b[A-Z][a-z]+\b|\b[a-z]{2,} [a-z]{2,}\b")
_SAID = {"say", "say_n", "N_"}


# Words for the people who edit the data file or write a calculator, not for readers: the data
# file's checks, and the messages of errors raised (a build error, never a page).
NOT_FOR_READERS = {"datacheck.py"}
# Strings that look like words and are identifiers: the calendar's PRODID, and argparse's
# English words as it names them (the command line says each through its own code).
IDENTIFIERS = {"-//calculators//schedule planner//EN", *ARGPARSE_WORDS}


def _not_shown(tree) -> set[int]:
    """The strings no reader sees: docstrings, errors raised, `__all__`, type annotations."""
    found = _docstrings(tree)
    for node in ast.walk(tree):
        for annotation in (getattr(node, "returns", None), getattr(node, "annotation", None)):
            if annotation is not None:
                found.update(id(inner) for inner in ast.walk(annotation))
        if isinstance(node, ast.Raise) or (
                isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "__all__"):
            found.update(id(inner) for inner in ast.walk(node))
    return found


def _docstrings(tree) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def literals(path: Path):
    """(line, text) of each string in a module that reads as words."""
    tree = ast.parse(path.read_text("utf-8"))
    skip = _not_shown(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in _SAID:
            skip.update(id(arg) for arg in node.args[:2])
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            if node.value not in IDENTIFIERS and _WORDS.search(_MARKUP.sub(" ", node.value)):
                yield node.lineno, node.value


def test_no_reader_facing_words_outside_the_catalogue():
    found = [f"{path.relative_to(PACKAGE)}:{line}: {text!r}"
             for path in sorted(PACKAGE.rglob("*.py")) if path.name not in NOT_FOR_READERS
             for line, text in literals(path)]
    assert not found, "\n".join(found)


def test_the_words_check_finds_words_and_leaves_codes_markup_and_identifiers(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text('''"""A docstring is not shown."""
import re
__all__ = ["Result"]
LABEL = say("dose.weight.label", "en")
CLASS = '<p class="calculator-formula">'
PRODID = "-//calculators//schedule planner//EN"
WORDS = f'<p class="calculator-formula">Arithmetic: {LABEL}</p>'
NOTE = "the rate is the cap"
if not LABEL:
    raise ValueError("no words for it")
''')
    assert sorted(line for line, _ in literals(module)) == [7, 8]
