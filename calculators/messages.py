"""Reader-facing words, by code: the logic names what is said (a code such as "result.references"),
a gettext catalogue says it in a language, with named {placeholders}.

The catalogues are `locale/LANG/LC_MESSAGES/calculators.po` beside this module, kept with Babel
(`invoke i18n`: extract, update, compile). The wheel carries them compiled (.mo), read by the
standard library's gettext in CPython and Pyodide alike; the source tree has only the .po, compiled
here when first read, with Babel (a build dependency, never in the browser). This is the pattern
of `data.load()`.

Codes that are not said where they are written (a field's label, said when the form is drawn)
are marked with `N_` so that Babel finds them; a word that depends on a count is said with
`say_n`, whose two codes are the catalogue's singular and plural entry (the language's own
plural rule chooses), and such a pair said later is marked with `N_n`.
"""

import functools
import gettext
import importlib.resources
import io

DOMAIN = "calculators"
LANGUAGES = ("en", "es")
DEFAULT = "en"


@functools.cache
def catalogue(lang: str = DEFAULT) -> gettext.GNUTranslations:
    """The compiled catalogue of a language (cached; KeyError for one the site has not): this
    package's, then that of each package of calculators kept outside it (`registry.packages()`:
    its own `locale/` folder, so that such a calculator is its module and its words)."""
    if lang not in LANGUAGES:
        raise KeyError(lang)
    from calculators import registry  # at first use: the calculators' modules import this one

    found = _read("calculators", lang)
    for package in registry.packages()[1:]:
        if (own := _read(package, lang, required=False)) is not None:
            found.add_fallback(own)
    return found


def _read(package: str, lang: str, required: bool = True) -> gettext.GNUTranslations | None:
    """A package's catalogue of `lang`: compiled (.mo, in a wheel) or compiled here from .po."""
    folder = importlib.resources.files(package) / "locale" / lang / "LC_MESSAGES"
    compiled, source = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    if compiled.is_file():
        data = compiled.read_bytes()
    elif source.is_file() or required:
        data = compile_po(source.read_text("utf-8"))
    else:
        return None
    return gettext.GNUTranslations(io.BytesIO(data))


def compile_po(text: str) -> bytes:
    """A .po catalogue's text as .mo bytes (Babel: for the source tree and the wheel's build)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    compiled = io.BytesIO()
    write_mo(compiled, read_po(io.StringIO(text)))
    return compiled.getvalue()


def N_(code: str) -> str:  # noqa: N802 - gettext's name for "mark, say later"
    """Mark a code said later (Babel extracts it); returns it unchanged."""
    return code


def N_n(code: str, plural: str) -> tuple[str, str]:  # noqa: N802 - N_ for a plural entry
    """Mark a plural entry said later, `say_n(*pair, count, lang)` (Babel extracts both codes)."""
    return code, plural


def say_n(code: str, plural: str, count: int, lang: str = DEFAULT, **values: object) -> str:
    """The words for `count` of something: `code` is the catalogue's singular entry and `plural`
    its plural one; {count} and the other placeholders are filled."""
    words = catalogue(lang).ngettext(code, plural, count)
    if words in (code, plural):
        raise KeyError(f"no words for {code!r} in {lang!r}")
    return words.format(count=count, **values)


def say(code: str, lang: str = DEFAULT, **values: object) -> str:
    """The words for `code` in `lang`, its {placeholders} filled. A code the catalogue does not
    hold is a KeyError (a test checks every code used has its words): a page never shows a code."""
    words = catalogue(lang).gettext(code)
    if words == code:
        raise KeyError(f"no words for {code!r} in {lang!r}")
    return words.format(**values) if values else words
