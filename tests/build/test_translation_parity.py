"""Every translation says what its English source says: the same markup tokens in the same order
(values, citations, tables, calculators, the diary), the same numbers, and the version of the
English it translates is the current one."""

import re
from collections import Counter
from pathlib import Path

import pytest

from plugins.translations import freshness
from plugins.translations.versions import body
from project import ROOT

CONTENT = ROOT / "content"
TOKEN = re.compile(r"\[(?:value:[^\]]*|@[^\]]*|table:[^\]]*|calculator:[^\]]*|diary)\]")
LINK_TARGET = re.compile(r"\]\([^)]*\)")  # a link's address: the Spanish one names es/ files


def translations(content=CONTENT) -> list[Path]:
    return sorted(path for path in content.rglob("*.md")
                  if freshness.is_translation(path.read_text("utf-8").split("\n")))


def tokens(text: str) -> list[str]:
    return [" ".join(token.split()) for token in TOKEN.findall(body(text))]


def numbers(text: str) -> Counter:
    """Every group of digits in the prose (outside the tokens and the links' addresses)."""
    return Counter(re.findall(r"\d+", LINK_TARGET.sub("]", TOKEN.sub(" ", body(text)))))


def differences(english: str, spanish: str) -> list[str]:
    found = []
    if tokens(english) != tokens(spanish):
        found.append(f"markup tokens differ: English {tokens(english)}, Spanish {tokens(spanish)}")
    extra, missing = numbers(spanish) - numbers(english), numbers(english) - numbers(spanish)
    if extra or missing:
        found.append(f"numbers differ: only in the Spanish {sorted(extra.elements())}, only in "
                     f"the English {sorted(missing.elements())}")
    return found


@pytest.mark.parametrize("path", translations(), ids=lambda path: str(path.relative_to(CONTENT)))
def test_a_translation_has_its_sources_tokens_numbers_and_version(path):
    translation = freshness.read(path, CONTENT)
    assert not differences(translation.source.read_text("utf-8"), path.read_text("utf-8"))
    assert translation.recorded == translation.current, (
        f"{path}: Source-Version {translation.recorded}, but its English is now "
        f"{translation.current}: update the translation, then its Source-Version")


def test_a_pair_that_differs_is_caught():
    english = "Title: A\n\nGive 0.5 mg/kg over 40 minutes [@asra-2018].\n\n[table: schedule]\n"
    assert not differences(english, "Title: B\nLang: es\n\nDé 0.5 mg/kg en 40 minutos "
                                     "[@asra-2018].\n\n[table: schedule]\n")
    changed_number = "Title: B\n\nDé 0.5 mg/kg en 45 minutos [@asra-2018].\n\n[table: schedule]\n"
    assert differences(english, changed_number) == [
        "numbers differ: only in the Spanish ['45'], only in the English ['40']"]
    moved = "Title: B\n\n[table: schedule]\n\nDé 0.5 mg/kg en 40 minutos [@asra-2018].\n"
    assert differences(english, moved)[0].startswith("markup tokens differ")
