"""What the clinical review asked of the articles, checked in the built pages."""

import re

import pytest

from scripts.html_index import parse, text_of

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


# What the data file renders (the [table: protocols] and [table: schedule] tables, a calculator's
# form and result): its [protocols] and [schedule] words are checked where they are written.
RENDERED_FROM_DATA = re.compile(
    r'<div class="table-scroll"[^>]*aria-labelledby="table-(?:protocols|schedule)".*?</table>'
    r"|<form\b.*?</form>", re.S)


def prose(site, slug):
    """The article's own paragraphs, list items and table rows, without what the data renders."""
    html = RENDERED_FROM_DATA.sub("", (site / slug / "index.html").read_text())
    blocks = re.findall(r"<(?:p|li|tr)\b.*?</(?:p|li|tr)>", html, re.S)
    return [re.sub(r"<[^>]+>", "", block) for block in blocks]


def table_rows(site, slug):
    html = (site / slug / "index.html").read_text()
    return [re.sub(r"<[^>]+>", "", row) for row in re.findall(r"<tr\b.*?</tr>", html, re.S)]


def test_glaucoma_and_raised_eye_pressure_are_separate_rows(site):
    rows = table_rows(site, "who-is-not-a-candidate")
    glaucoma = [row for row in rows if "laucoma" in row]
    eye_pressure = [row for row in rows if "inside the eye" in row]
    assert len(glaucoma) == 1 and len(eye_pressure) == 1 and glaucoma != eye_pressure
    assert "eye doctor" in glaucoma[0] and "extreme caution" not in glaucoma[0]
    assert "extreme caution" in eye_pressure[0] and "laucoma" not in eye_pressure[0]


def test_the_contraindications_are_relative_and_complete(site):
    rows = table_rows(site, "who-is-not-a-candidate")
    text = page_text(site, "who-is-not-a-candidate")
    assert "may rule out" in text.lower() and "you cannot" not in text.lower()
    for words in ("in the past", "heart muscle", "stroke", "pre-eclampsia", "drinking",
                  "overactive thyroid", "orphyria", "Seizures", "Allergy", "aneurysm",
                  "ECG", "Liver blood tests", "recreational use"):
        assert any(words in row for row in rows), words


def test_the_asra_icu_figure_and_its_bolus_are_gone(site):
    for slug in ARTICLE_SLUGS:
        for block in prose(site, slug):
            assert "0.5 to 2 mg" not in block and "0.5-2 mg" not in block, (slug, block)
            if "0.35 mg/kg" in block and "bolus" in block:
                assert "acute" in block.lower(), (slug, block)


@pytest.mark.parametrize("slug", ARTICLE_SLUGS)
def test_more_benefit_always_comes_with_more_side_effects(site, slug):
    for block in prose(site, slug):
        for sentence in re.split(r"(?<=\.)\s", block):
            if "more benefit" in sentence:
                assert "more side effects" in sentence, sentence


@pytest.mark.parametrize("slug", ARTICLE_SLUGS)
def test_crps_benefit_up_to_12_weeks_comes_with_the_main_trials_caveat(site, slug):
    text = page_text(site, slug)
    if "up to 12 weeks" in text:
        assert "week 12" in text and "function" in text and "did not improve" in text, slug


def test_the_step_by_step_says_how_we_know_it_works_and_when_to_stop(site):
    text = page_text(site, "step-by-step")
    assert "How will we know it is working, and when would we stop?" in text
    assert "agree what a real improvement would look like" in text
    assert "If the infusions do not bring a meaningful benefit, they stop." in text


@pytest.mark.parametrize("slug", ["step-by-step", "patient-experience"])
def test_driving_waits_for_the_next_day(site, slug):
    assert "Do not drive until the next day, after a full night's sleep." in page_text(site, slug)


def test_the_articles_never_offer_ml_or_pump_settings(site):
    for slug in ARTICLE_SLUGS:
        for block in prose(site, slug):
            assert not re.search(r"\d\s*mL", block), (slug, block)


@pytest.mark.parametrize("claim", [
    "does not sell treatment", "builds up", "build on the benefit", "a heavier person may start",
])
def test_unsourced_or_inconsistent_claims_are_gone(site, claim):
    for slug in ARTICLE_SLUGS + ["about"]:
        assert claim not in page_text(site, slug).lower(), slug
