"""The theme's words, by code: a template says `{{ _("nav.menu") }}` (or, with placeholders,
`{{ _("header.by-clinic", clinic=...) }}`) and the site's catalogue,
`theme/locale/LANG/LC_MESSAGES/site.po`, says it in the site's language (DEFAULT_LANG). Babel
keeps the catalogue (`invoke i18n`); the build compiles it.

`register()` only connects a signal: Pelican gives each generator a Jinja environment of its own,
and each gets the catalogue when it is made. Several Pelican runs in one process (a build a
language) each read their own language's catalogue: only the compiling is remembered, keyed by
the catalogue's text.
"""

import functools
import gettext
import io
from pathlib import Path

from jinja2.ext import Extension
from jinja2.lexer import Token
from pelican import signals

from calculators.messages import compile_po

DOMAIN = "site"
# The seven generators of a build read the same catalogue: compiled once, not seven times
# (about 8 ms of a build here).
compiled = functools.lru_cache(maxsize=4)(compile_po)


def catalogue(theme: str, lang: str) -> gettext.GNUTranslations:
    """The theme's catalogue in `lang`, compiled (a language without one is FileNotFoundError)."""
    po = Path(theme) / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    return gettext.GNUTranslations(io.BytesIO(compiled(po.read_text("utf-8"))))


def words_of(translations: gettext.GNUTranslations):
    """`_` for the templates: the words for a code, {placeholders} filled as in the calculators'
    catalogue. A code without words is a KeyError, so a page never shows a code."""

    def words(code: str, **values: object) -> str:
        text = translations.gettext(code)
        if text == code:
            raise KeyError(f"no words for {code!r} in the site's catalogue")
        return text.format(**values) if values else text

    return words


def N_(code: str) -> str:  # noqa: N802 - gettext's name for "mark, say later"
    """Mark a code of the site's catalogue said later (Babel extracts it); returns it."""
    return code


# A date in the pages (`{{ day|day }}`): the catalogue's words for its month and the order of its
# parts, so no system locale is needed for a language's month names.
MONTHS = (N_("date.january"), N_("date.february"), N_("date.march"), N_("date.april"),
          N_("date.may"), N_("date.june"), N_("date.july"), N_("date.august"),
          N_("date.september"), N_("date.october"), N_("date.november"), N_("date.december"))


def day_of(words):
    """The `day` filter: a date (or datetime) as the site's language writes it: 5 March 2025."""
    return lambda day: words(N_("date.day"), day=day.day, month=words(MONTHS[day.month - 1]),
                             year=day.year)


def for_settings(settings):
    """`_` for a build's Python (a plugin's HTML): the site's words in its DEFAULT_LANG."""
    return words_of(catalogue(settings["THEME"], settings["DEFAULT_LANG"]))


class SaidWhenCompiled(Extension):
    """`_("code")` with no placeholder becomes its words when a template is compiled, not a call
    on every page: the words are the build's, constant for all its pages (500 articles made
    about 15,000 such calls a build). A call with placeholders stays a call. A code without words
    stops the template's compiling (a KeyError), so a page never shows a code."""

    def filter_stream(self, stream):
        words = getattr(self.environment, "site_words", None)
        if words is None:
            yield from stream
            return
        pending: list[Token] = []  # the tokens of a call being read
        for token in stream:
            pending.append(token)
            if _starts_a_call(pending):
                if len(pending) == len(_CALL):
                    yield Token(pending[0].lineno, "string", words(pending[2].value))
                    pending = []
                continue
            # Not a call to fold: the tokens go on, but the last may start one.
            *passed, last = pending
            yield from passed
            pending = [last] if _starts_a_call([last]) else []
            if not pending:
                yield last
        yield from pending


def _starts_a_call(tokens: list[Token]) -> bool:
    """Whether `tokens` are the first tokens of `_("code")`."""
    return len(tokens) <= len(_CALL) and all(
        token.type == kind and (value is None or token.value == value)
        for token, (kind, value) in zip(tokens, _CALL))


# The tokens of `_("code")`: the name, "(", a string, ")".
_CALL = (("name", "_"), ("lparen", "("), ("string", None), ("rparen", ")"))


def install_words(generator):
    translations = catalogue(generator.theme, generator.settings["DEFAULT_LANG"])
    words = words_of(translations)
    # Not Jinja's "newstyle" gettext (%(name)s): {name}, as the calculators' catalogue says it,
    # and a script's words (runtime.html) keep their {reason} for the script to fill in.
    generator.env.install_gettext_callables(words, translations.ngettext, newstyle=False)
    generator.env.site_words = words
    generator.env.filters["day"] = day_of(words)
    generator.env.add_extension(SaidWhenCompiled)


def register():
    signals.generator_init.connect(install_words)
