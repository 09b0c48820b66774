"""Hypothesis without a deadline: speed is measured by the benchmark, never by a timed test
(a busy two-core machine would otherwise fail a property for being slow, not wrong). And a
language that writes numbers and dates otherwise, for the tests of formats and of reading."""

import gettext
import io

import pytest
from hypothesis import settings

from calculators import messages

settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")

# A language that writes numbers and dates otherwise, as the Spanish edition will; the words it
# does not hold are the site's English.
OTHER = r'''
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "number.decimal-separator"
msgstr ","

msgid "date.long"
msgstr "{weekday} {day} de {month} de {year}"

msgid "day.mon.short"
msgstr "lun"

msgid "month.mar.short"
msgstr "mar"

msgid "month.apr.short"
msgstr "abr"
'''


@pytest.fixture
def other(monkeypatch):
    """The language "xx" beside the site's own (its name)."""
    site = messages.catalogue
    compiled = gettext.GNUTranslations(io.BytesIO(messages.compile_po(OTHER)))
    compiled.add_fallback(site("en"))
    monkeypatch.setattr(messages, "catalogue",
                        lambda lang=messages.DEFAULT: compiled if lang == "xx" else site(lang))
    return "xx"
