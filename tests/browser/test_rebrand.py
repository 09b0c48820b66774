"""A rebranded site (tests/build/test_brand.py: other colours, a wide PNG logo) as Chromium
draws it: the logo keeps its shape on a phone and a wide screen, an embed's forced look and a
printout show the clinic's colours, and axe finds no contrast problem the build let through."""

import pytest
from PIL import ImageColor

from scripts.site import SiteServer
from tests.browser.conftest import Visit
from tests.build.test_brand import GOOD, LOGO_SIZE, rebranded_site

LOGO = ".brand img"


@pytest.fixture(scope="module")
def rebranded(tmp_path_factory):
    with SiteServer(rebranded_site(tmp_path_factory.mktemp("rebranded"))) as server:
        yield server


@pytest.fixture
def visit(browser, rebranded):
    visits = []

    def open_visit(**options):
        visits.append(Visit(browser, rebranded.url, **options))
        return visits[-1]

    yield open_visit
    for v in visits:
        assert not v.leaving(), v.leaving()
        v.context.close()


def rgb(colour):
    return "rgb({}, {}, {})".format(*ImageColor.getrgb(colour))


@pytest.mark.parametrize("width, height", [(360, 36), (1280, 40)])
def test_a_wide_logo_keeps_its_shape(visit, width, height):
    # At most as high as the text beside it (less where it would take over half the line).
    v = visit(viewport={"width": width, "height": 800})
    v.page.goto("/")
    box = v.page.locator(LOGO).bounding_box()
    assert 20 <= box["height"] <= height
    assert box["width"] / box["height"] == pytest.approx(LOGO_SIZE[0] / LOGO_SIZE[1], rel=0.02)
    assert v.page.evaluate("() => document.scrollingElement.scrollWidth") <= width


@pytest.mark.parametrize("theme, system", [("dark", "light"), ("light", "dark")])
def test_an_embeds_forced_look_is_the_clinics(visit, theme, system):
    v = visit(color_scheme=system)
    v.page.goto(f"/embed/dose/?theme={theme}")
    v.page.locator(f'html[data-theme="{theme}"]').wait_for()
    colour = GOOD["brand"][0 if theme == "light" else 1]
    assert v.page.locator(".embed-title").evaluate("e => getComputedStyle(e).color") == rgb(colour)
    assert v.axe() == []


def test_a_printout_is_in_the_clinics_light_colours(visit):
    # Printed from a dark screen: paper is white, the headings the light brand.
    v = visit(color_scheme="dark")
    v.page.goto("/calculators/dose/")
    v.page.emulate_media(media="print")
    assert v.page.locator("h1").first.evaluate("e => getComputedStyle(e).color") == rgb(GOOD["brand"][0])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_agrees_with_the_builds_contrast_check(visit, scheme):
    v = visit(color_scheme=scheme)
    for path in ("/", "/test-article/"):
        v.page.goto(path)
        assert v.axe() == [], path
