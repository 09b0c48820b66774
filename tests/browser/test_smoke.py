"""The home page and an article in a real browser, in each language: local only, accessible,
readable."""

import pytest

from tests.words import site_words_in

# language -> the folder its site is in (the main language at the root)
PREFIXES = {"en": "", "es": "/es"}


@pytest.mark.parametrize("prefix", PREFIXES.values())
@pytest.mark.parametrize("path", ["/", "/protocols-in-practice/", "/who-is-not-a-candidate/"])
def test_page_is_local_only_and_has_no_serious_axe_violations(visit, prefix, path):
    v = visit(own_worker=True)  # every request seen, the worker's too (and so network idle)
    response = v.page.goto(prefix + path)
    assert response.ok
    v.page.wait_for_load_state("networkidle")
    assert v.axe() == []
    assert not v.errors


@pytest.mark.parametrize("lang", PREFIXES)
def test_skip_link_is_first_and_moves_focus_to_main(visit, lang):
    v = visit()
    v.page.goto(f"{PREFIXES[lang]}/how-dosing-works/")
    v.page.keyboard.press("Tab")
    assert v.page.evaluate("document.activeElement.textContent") == \
        site_words_in(lang)("nav.skip-to-content")
    v.page.keyboard.press("Enter")
    assert v.page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("prefix", PREFIXES.values())
def test_phone_width_has_no_sideways_scroll(visit, prefix):
    v = visit(viewport={"width": 360, "height": 740})
    v.page.goto(f"{prefix}/protocols-in-practice/")
    overflow = v.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
