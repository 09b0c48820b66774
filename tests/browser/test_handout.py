"""A calculator's printed handout: one A4 or Letter page (Chromium's own PDF printing) with the
inputs, the result, its picture, the framing, the references and a link back to these inputs.
The question list's handout keeps no inputs and no link (it is private) and names the clinic:
tests/browser/test_questions_page.py."""

import re

import pytest

from tests.browser.test_calculators import wait_for_result

CASES = [
    ("dose", "weight=110&height_cm=170&sex=female&basis=adjusted&protocol=schwartzman-2009"
     "&adult=yes", ".calculator-weights"),
    ("schedule", "start=2026-12-07&months=12&maintenance_weeks=4", ".calculator-timeline"),
]


def pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize(("name", "query", "picture"), CASES, ids=[c[0] for c in CASES])
def test_a_result_prints_on_one_page_with_what_a_handout_needs(visit, name, query, picture):
    v = visit()
    v.page.goto(f"/calculators/{name}/?{query}")
    wait_for_result(v.page, name)
    for paper in ("A4", "Letter"):
        assert pages(v.page.pdf(format=paper)) == 1, paper
    v.page.emulate_media(media="print")
    form = f"form[data-calculator='{name}']"
    for shown in (".calculator-framing", ".calculator-field", ".calculator-result",
                  ".calculator-print-link", ".calculator-references", ".calculator-limits", picture):
        assert v.page.locator(f"{form} {shown}").first.is_visible(), shown
    link = v.page.locator(f"{form} [data-permalink]").get_attribute("href")
    assert link.startswith(v.page.url.split("?")[0]) and ("weight=" in link or "start=" in link)
    for hidden in (".site-header", ".clinic", ".embed-offer", ".calculator-page > h2"):
        assert not v.page.locator(hidden).first.is_visible(), hidden
    v.page.emulate_media(media="screen")
    assert not v.page.locator(f"{form} .calculator-print-link").is_visible()
