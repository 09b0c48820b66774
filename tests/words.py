"""The words tests look for on a page, from the catalogues, never typed in English: a wording
change in a .po file breaks no test."""

import re

from plugins import site_words
from project import ROOT

# The site's words in English, by code (the templates', the plugins' and the scripts').
SITE_WORDS = site_words.words_of(site_words.catalogue(ROOT / "theme", "en"))
# The languages of the built site: the main one at the root, each other in a folder of its name.
SUB_SITES = ("es",)


def site_words_in(lang: str):
    """The site's words in `lang`, by code."""
    return site_words.words_of(site_words.catalogue(ROOT / "theme", lang))


def page_language(site, path) -> tuple[str, tuple[str, ...]]:
    """A built page's language and its path's parts under its language's site: ("es",
    ("calculators", "dose", "index.html")) for es/calculators/dose/index.html."""
    parts = path.relative_to(site).parts
    return (parts[0], parts[1:]) if parts[0] in SUB_SITES else ("en", parts)


def fixed_part(words: str) -> str:
    """The longest stretch of an entry's words without a {placeholder}: what a page shows
    whatever fills the placeholders (a locator's has_text, say)."""
    return max(re.split(r"\{[^{}]*\}", words), key=len).strip()
