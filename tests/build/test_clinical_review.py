"""What the clinical review asked of the articles, checked in the built pages."""

import re

import pytest

from tests.html_index import parse, text_of

ARTICLE_SLUGS = [
    "how-dosing-works", "how-strong-is-the-evidence", "step-by-step",
    "factors-that-influence-dose", "protocols-in-practice", "side-effects-and-monitoring",
    "patient-experience", "who-is-not-a-candidate",
]


def page_text(site, slug):
    return text_of(parse(site / slug / "index.html"))


def paragraphs(site, slug):
    html = (site / slug / "index.html").read_text()
    return [re.sub(r"<[^>]+>", "", block) for block in re.findall(r"<(?:p|li|tr)\b.*?</(?:p|li|tr)>", html, re.S)]


def test_the_evidence_article_says_how_strong_the_evidence_is(site):
    text = page_text(site, "how-strong-is-the-evidence")
    for words in ("off-label", "12 weeks", "CRPS", "spinal cord injury", "2 weeks"):
        assert words in text, words


@pytest.mark.parametrize("page", ["calculators/dose", "calculators/schedule",
                                  "protocols-in-practice", "step-by-step"])
def test_calculators_and_the_planner_link_the_evidence(site, page):
    assert 'href="/how-strong-is-the-evidence/"' in (site / page / "index.html").read_text()


@pytest.mark.parametrize("slug", ARTICLE_SLUGS)
def test_crps_is_never_called_nerve_pain(site, slug):
    assert "nerve pain" not in page_text(site, slug).lower()


@pytest.mark.parametrize("slug", ARTICLE_SLUGS)
def test_nhs_highland_is_always_labelled_acute_pain(site, slug):
    for block in paragraphs(site, slug):
        if "NHS Highland" in block:
            assert "acute" in block.lower(), block


def test_side_effects_give_figures_not_bare_frequency_words(site):
    table = re.search(r"<table.*?</table>", (site / "side-effects-and-monitoring" /
                                              "index.html").read_text(), re.S)[0]
    cells = [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td>.*?</td>", table, re.S)]
    for word in ("Common", "Rare", "less common", "Usually", "usual"):
        assert not any(word in cell for cell in cells), word
    assert "12.5%" in page_text(site, "side-effects-and-monitoring")  # severe hypertension


def test_raised_eye_pressure_and_glaucoma_are_one_row(site):
    rows = [row for row in paragraphs(site, "who-is-not-a-candidate")
            if "lauco" in row or "eye" in row.lower()]
    assert len(rows) == 1 and "Glaucoma" in rows[0] and "extreme caution" in rows[0]


@pytest.mark.parametrize("claim", [
    "does not sell treatment", "builds up", "build on the benefit", "a heavier person may start",
])
def test_unsourced_or_inconsistent_claims_are_gone(site, claim):
    for slug in ARTICLE_SLUGS + ["about"]:
        assert claim not in page_text(site, slug).lower(), slug
