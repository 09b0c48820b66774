"""The Spanish glossary (content/glossary-es.toml, whose header says the rules): a translation
uses the glossary's words for each term its English source uses, and no Spanish page or
catalogue uses a word the glossary says to avoid."""

import re
import tomllib

import pytest

from plugins.translations import freshness
from plugins.translations.versions import body
from project import ROOT
from tests.build.test_translation_parity import CONTENT, translations

GLOSSARY = tomllib.loads((CONTENT / "glossary-es.toml").read_text("utf-8"))["terms"]
CATALOGUES = [ROOT / "calculators" / "locale" / "es" / "LC_MESSAGES" / "calculators.po",
              ROOT / "calculators" / "data" / "words" / "es.toml",
              ROOT / "theme" / "locale" / "es" / "LC_MESSAGES" / "site.po"]


def says(text: str, words: str) -> bool:
    """Whether `text` holds `words` as whole words, in any case."""
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text, re.IGNORECASE) is not None


def test_every_term_has_spanish_forms_and_no_form_is_also_avoided():
    assert len(GLOSSARY) >= 40
    for term in GLOSSARY:
        assert term["en"] == term["en"].lower() and term["es"], term
        assert not set(term["es"]) & set(term["avoid"]), term


@pytest.mark.parametrize("path", translations(), ids=lambda path: str(path.relative_to(CONTENT)))
def test_a_translation_uses_the_glossary_s_words(path):
    english = body(freshness.read(path, CONTENT).source.read_text("utf-8"))
    spanish = body(path.read_text("utf-8"))
    missing = [f"{term['en']!r}: one of {term['es']}" for term in GLOSSARY
               if says(english, term["en"]) and not any(says(spanish, form) for form in term["es"])]
    assert not missing, f"{path}: the English says these; the Spanish should too: {missing}"


def test_no_spanish_page_or_catalogue_uses_a_word_to_avoid():
    spanish_texts = [*translations(), *(path for path in CATALOGUES if path.is_file())]
    used = [f"{path.relative_to(ROOT)}: {word!r} (for {term['en']!r}: say {term['es'][0]!r})"
            for path in spanish_texts for term in GLOSSARY for word in term["avoid"]
            if says(path.read_text("utf-8"), word)]
    assert not used
    assert says("La quetamina.", "quetamina") and not says("Las quetaminas", "quetamina")
