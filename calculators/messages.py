"""Reader-facing words, by code: the logic names what is said (a code such as "result.references"),
a gettext catalogue says it in a language, with named {placeholders}.

The catalogues are `locale/LANG/LC_MESSAGES/calculators.po` beside this module, kept with Babel
(`invoke i18n`: extract, update, compile). The wheel carries them compiled (.mo), read by the
standard library's gettext in CPython and Pyodide alike; the source tree has only the .po, compiled
here when first read, with Babel (a build dependency, never in the browser). This is the pattern
of `data.load()`.

Moving every reader-facing word here is issue 20's work in progress: the form's and the result's
shared words are here; the calculators' own words and the data file's texts are next.
"""

import functools
import gettext
import importlib.resources
import io

DOMAIN = "calculators"
LANGUAGES = ("en",)
DEFAULT = "en"


@functools.cache
def catalogue(lang: str = DEFAULT) -> gettext.GNUTranslations:
    """The compiled catalogue of a language (cached; KeyError for one the site has not)."""
    if lang not in LANGUAGES:
        raise KeyError(lang)
    folder = importlib.resources.files("calculators") / "locale" / lang / "LC_MESSAGES"
    compiled = folder / f"{DOMAIN}.mo"
    if compiled.is_file():
        data = compiled.read_bytes()
    else:
        data = compile_po((folder / f"{DOMAIN}.po").read_text("utf-8"))
    return gettext.GNUTranslations(io.BytesIO(data))


def compile_po(text: str) -> bytes:
    """A .po catalogue's text as .mo bytes (Babel: for the source tree and the wheel's build)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    compiled = io.BytesIO()
    write_mo(compiled, read_po(io.StringIO(text)))
    return compiled.getvalue()


def say(code: str, lang: str = DEFAULT, **values: object) -> str:
    """The words for `code` in `lang`, its {placeholders} filled. A code the catalogue does not
    hold is a KeyError (a test checks every code used has its words): a page never shows a code."""
    words = catalogue(lang).gettext(code)
    if words == code:
        raise KeyError(f"no words for {code!r} in {lang!r}")
    return words.format(**values) if values else words
