"""The words tests look for on a page, from the catalogues, never typed in English: a wording
change in a .po file breaks no test."""

import re

from plugins import site_words
from project import ROOT

# The site's words in English, by code (the templates', the plugins' and the scripts').
SITE_WORDS = site_words.words_of(site_words.catalogue(ROOT / "theme", "en"))


def fixed_part(words: str) -> str:
    """The longest stretch of an entry's words without a {placeholder}: what a page shows
    whatever fills the placeholders (a locator's has_text, say)."""
    return max(re.split(r"\{[^{}]*\}", words), key=len).strip()
