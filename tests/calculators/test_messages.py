"""Reader-facing words come from the message catalogue, by code (calculators/messages.py)."""

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import calculators
from calculators import messages

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
    assert messages.say("cli.note", note="a note") == "Note: a note"


def test_the_form_and_the_command_line_say_the_catalogues_words():
    form = calculators.render_form("dose")
    for code in ("framing", "form.calculate", "result.limitations", "result.references"):
        assert messages.say(code).replace("'", "&#x27;") in form, code
