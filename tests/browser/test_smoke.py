"""The home page and an article in a real browser: local only, accessible, readable."""

import pytest

from tests.words import SITE_WORDS


@pytest.mark.parametrize("path", ["/", "/protocols-in-practice/", "/who-is-not-a-candidate/"])
def test_page_is_local_only_and_has_no_serious_axe_violations(visit, path):
    v = visit()
    response = v.page.goto(path)
    assert response.ok
    v.page.wait_for_load_state("networkidle")
    assert v.axe() == []
    assert not v.errors


def test_skip_link_is_first_and_moves_focus_to_main(visit):
    v = visit()
    v.page.goto("/how-dosing-works/")
    v.page.keyboard.press("Tab")
    assert v.page.evaluate("document.activeElement.textContent") == SITE_WORDS("nav.skip-to-content")
    v.page.keyboard.press("Enter")
    assert v.page.evaluate("document.activeElement.id") == "main"


def test_phone_width_has_no_sideways_scroll(visit):
    v = visit(viewport={"width": 360, "height": 740})
    v.page.goto("/protocols-in-practice/")
    overflow = v.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
