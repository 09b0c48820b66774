"""Phone first: every page of the built site at phone widths, in the light and the dark scheme.

No sideways scrolling, no table wider than its container, no serious axe violation (colour
contrast included); the calculator in the first screen; "On this page" links that land; a
menu that works without JavaScript; touch targets of at least 24 x 24 px.
"""

from pathlib import Path

import pytest

import calculators
from calculators.messages import say

from calculators.fields import Number
from tests.browser.test_calculators import BOOT_TIMEOUT, form_fields
from tests.words import SITE_WORDS, SUB_SITES

PHONE = {"width": 390, "height": 844}
WIDTHS = (320, 360, 390)
SCHEMES = ("light", "dark")

# Sizes a reader could see that the page lays out wrongly: (page overflow, tables too wide).
OVERFLOW = """() => {
    const page = document.scrollingElement.scrollWidth - window.innerWidth;
    const tables = [...document.querySelectorAll("table")]
        .filter(table => table.getClientRects().length)
        .flatMap(table => {
            const box = table.parentElement;
            const wide = [table.getBoundingClientRect().width - box.clientWidth,
                          box.scrollWidth - box.clientWidth];
            const name = table.caption?.textContent.slice(0, 50);
            return Math.max(...wide) > 1 ? [`${name}: ${wide}`] : [];
        });
    return [page, tables];
}"""


def site_folder(server):
    """The folder the test server serves (its handler is bound to it)."""
    return Path(server.httpd.RequestHandlerClass.keywords["directory"])


@pytest.fixture(scope="module")
def paths(served_site):
    """Every HTML page of the built site, as a path on the server."""
    folder = site_folder(served_site)
    found = sorted(
        "/" + str(page.relative_to(folder)).removesuffix("index.html")
        for page in folder.rglob("*.html")
    )
    for lang in SUB_SITES:  # each language's pages are walked too
        assert f"/{lang}/" in found and f"/{lang}/calculators/dose/" in found, found
    return found


def settle(page):
    """Wait for any calculator on the page to show its browser-computed result."""
    for form in page.locator("form[data-calculator]").all():
        form.and_(page.locator("[data-runtime='python']")).wait_for(timeout=BOOT_TIMEOUT)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_fits_and_passes_axe(visit, paths, width, scheme):
    v = visit(viewport={"width": width, "height": 800}, color_scheme=scheme)
    problems = {}
    for path in paths:
        v.page.goto(path)
        if (width, scheme) == (min(WIDTHS), "dark"):  # the live result and its buttons, once
            settle(v.page)
        page_overflow, tables = v.page.evaluate(OVERFLOW)
        found = ([f"page scrolls sideways by {page_overflow}px"] if page_overflow > 0 else [])
        found += tables + v.axe()
        if found:
            problems[path] = found
    assert problems == {}
    assert not v.errors


@pytest.mark.parametrize("width", (320, 390))
def test_text_at_200_percent_needs_no_sideways_scrolling(visit, paths, width):
    v = visit(viewport={"width": width, "height": 800})
    problems = {}
    for path in paths:
        v.page.goto(path)
        v.page.evaluate("document.documentElement.style.fontSize = '200%'")
        page_overflow, tables = v.page.evaluate(OVERFLOW)
        if page_overflow > 0 or tables:
            problems[path] = [page_overflow, tables]
    assert problems == {}


def test_wide_screens_keep_tables_as_tables(visit, paths):
    v = visit(viewport={"width": 1280, "height": 900})
    for path in paths:
        v.page.goto(path)
        assert v.page.evaluate(OVERFLOW) == [0, []], path
        rows = v.page.locator(".data-table tbody tr")
        for index in range(rows.count()):
            assert rows.nth(index).evaluate("row => getComputedStyle(row).display") == "table-row"


def test_narrow_tables_are_labelled_cards_that_keep_table_semantics(visit):
    v = visit(viewport=PHONE)
    v.page.goto("/protocols-in-practice/")
    caption = say("table.protocols.caption",
                  s_ketamine=calculators.data.load()["scope"]["s_ketamine"])
    table = v.page.get_by_role("table", name=caption, exact=True)
    row = table.locator("tbody tr").first
    assert row.evaluate("row => getComputedStyle(row).display") == "block"
    cell = table.get_by_role("cell").first
    label = cell.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert cell.get_attribute("data-label") in label
    assert table.get_by_role("columnheader").count() == 9
    assert table.get_by_role("rowheader").count() == table.locator("tbody tr").count()


def test_the_first_input_of_each_calculator_page_is_in_the_first_screen(visit, paths):
    v = visit(viewport=PHONE, is_mobile=True, has_touch=True)
    pages = [f"{prefix}/calculators/{name}/" for prefix in ("", *(f"/{lang}" for lang in SUB_SITES))
             for name in calculators.names()]
    assert set(pages) <= set(paths)
    for path in pages:
        v.page.goto(path)
        first = v.page.locator("form[data-calculator] :is(input, select)").first
        box = first.bounding_box()
        assert box and 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"], (path, box)


# Where the focused control and the result's summary are on the screen (px, in the viewport).
PLACES = """() => {
    const box = (element) => { const { top, bottom } = element.getBoundingClientRect(); return [top, bottom]; };
    return { focused: box(document.activeElement), summary: box(document.querySelector("[data-calculator-summary]")),
             screen: innerHeight };
}"""


@pytest.mark.parametrize("lang", ["en", *SUB_SITES])
@pytest.mark.parametrize("scheme", SCHEMES)
def test_at_360_px_the_summary_is_in_sight_beside_the_inputs_and_covers_none(visit, scheme, lang):
    """The weight (each calculator's first number; the question list's first box) focused, the
    result's summary is on the screen beside it, and a new value changes it there; tabbing
    through every control, the summary never covers the focused one (WCAG 2.4.11); axe passes
    with the summary on top."""
    v = visit(viewport={"width": 360, "height": 800}, is_mobile=True, has_touch=True,
              color_scheme=scheme)
    prefix = "" if lang == "en" else f"/{lang}"
    for name in calculators.names():
        v.page.goto(f"{prefix}/calculators/{name}/")
        settle(v.page)
        first_number = next((f for f in calculators.get(name).inputs if isinstance(f, Number)), None)
        field = (v.page.locator(f"#calc-{name}-{first_number.name}") if first_number else
                 v.page.locator(f"form[data-calculator='{name}'] input[type=checkbox]").first)
        field.focus()
        places = v.page.evaluate(PLACES)
        top, bottom = places["summary"]
        assert 0 <= top < bottom <= places["screen"], (name, places)
        assert places["focused"][1] <= top, (name, places)
        assert v.axe() == []
        # a new value: the summary the reader sees says the new result
        summary = v.page.locator(f"form[data-calculator='{name}'] [data-calculator-summary]")
        before = summary.inner_text()
        if first_number:
            field.fill(str(int(float(field.input_value())) - 1))
        else:
            field.check()
        v.page.wait_for_function("([element, before]) => element.textContent !== before",
                                 arg=[summary.element_handle(), before])
        settle(v.page)
        expected = calculators.run(name, form_fields(v.page, name), lang=lang)
        assert expected.ok and summary.inner_text() == expected.summary
        places = v.page.evaluate(PLACES)  # still where the reader is looking
        assert places["focused"][1] <= places["summary"][0] < places["summary"][1] <= places["screen"]
        form = v.page.locator(f"form[data-calculator='{name}']")
        controls = {control.get_attribute("id") for control in form.locator(":is(input, select)").all()}
        # Into the form by the keyboard, from its framing's link: a control a reader tabs to is
        # scrolled clear of the summary (scroll-padding), while focus() leaves one already on
        # the screen where it is, under the summary (the question list's first box, low on it).
        v.page.evaluate("scrollTo(0, 0)")
        form.locator(".calculator-framing a").focus()
        v.page.keyboard.press("Tab")
        reached = set()
        while form.evaluate("form => form.contains(document.activeElement)"):
            places = v.page.evaluate(PLACES)
            focused_top, focused_bottom = places["focused"]
            top, bottom = places["summary"]
            assert focused_bottom <= top or focused_top >= bottom, (name, places)
            reached.add(v.page.evaluate("document.activeElement.id"))
            v.page.keyboard.press("Tab")
        assert controls <= reached


def test_the_menu_is_one_line_and_opens_without_javascript(visit):
    v = visit(viewport=PHONE, java_script_enabled=False)
    v.page.goto("/calculators/dose/")
    brand, menu = v.page.locator(".brand"), v.page.get_by_text("Menu", exact=True)
    links = v.page.get_by_role("navigation", name=SITE_WORDS("nav.label")).get_by_role("link")
    assert not links.first.is_visible()
    assert menu.bounding_box()["y"] < brand.bounding_box()["y"] + brand.bounding_box()["height"]
    menu.click()
    assert links.count() == 4 and all(link.is_visible() for link in links.all())
    v.page.get_by_role("link", name="About this site").click()
    assert v.page.url.endswith("/about/")


def test_wide_screens_show_the_menu_links(visit):
    v = visit(viewport={"width": 1280, "height": 900})
    v.page.goto("/")
    assert not v.page.get_by_text("Menu", exact=True).is_visible()
    nav = v.page.get_by_role("navigation", name=SITE_WORDS("nav.label"))
    assert all(link.is_visible() for link in nav.get_by_role("link").all())
    nav.get_by_role("link", name="Calculators").focus()
    assert v.page.evaluate("document.activeElement.textContent") == "Calculators"


def test_on_this_page_links_land_on_their_sections(visit, paths):
    v = visit(viewport=PHONE)
    articles = 0
    for path in paths:
        v.page.goto(path)
        toc = v.page.get_by_role("navigation", name=SITE_WORDS("toc.heading"))
        if not toc.count():
            continue
        articles += 1
        for link in toc.get_by_role("link").all():
            target = link.get_attribute("href")
            link.click()
            v.page.wait_for_function("id => location.hash === id", arg=target)
            heading = v.page.locator(target)
            landed = heading.evaluate("""h => {
                const top = h.getBoundingClientRect().top;
                const end = document.scrollingElement.scrollHeight - innerHeight - scrollY < 2;
                return (top >= 0 && top < 80) || (end && top >= 0 && top < innerHeight);
            }""")
            assert landed, (path, target)
        v.page.get_by_role("link", name=SITE_WORDS("toc.back-to-top")).click()
        v.page.wait_for_function("() => scrollY === 0")
    assert articles >= 8


def test_touch_targets_are_at_least_24_px(visit, paths):
    """axe's WCAG 2.5.8 rule (off by default): 24 x 24 px or spaced as if so; the menu open."""
    v = visit(viewport=PHONE, is_mobile=True, has_touch=True)
    problems = {}
    for path in paths:
        v.page.goto(path)
        for menu in v.page.locator("details.site-menu > summary").all():
            menu.click()
        assert v.axe() == [], path  # (this also puts axe in the page)
        result = v.page.evaluate(
            "() => axe.run(document, {runOnly: {type: 'rule', values: ['target-size']}})"
        )
        small = [node["html"] for rule in result["violations"] for node in rule["nodes"]]
        if small:
            problems[path] = small
    assert problems == {}
