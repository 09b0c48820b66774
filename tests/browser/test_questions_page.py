"""The question list in a real browser: what a reader ticks stays in the page (never in the
address, never in a request, never stored, never read from a link), the keyboard ticks a box and
hears the new list in one sentence, and the printout is a handout the clinic gives: its name and
address, the day it was printed, the questions, ruled lines for the reader's own and the
references, on one A4 or Letter page when nothing is ticked."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest

import calculators
from calculators import data
from pelicanconf import CLINIC
from tests.browser.test_calculators import output_text, text, wait_for_result
from tests.browser.test_handout import pages
from tests.words import SITE_WORDS

PAGE = "/calculators/questions/"
FORM = "form[data-calculator='questions']"
TICKED = "liver"  # a key no address or runtime file holds by chance


def requests_of(v):
    """Every request of the visit's context (pages and workers), with its body, as it is made."""
    made = []
    v.context.on("request", lambda request: made.append(
        (request.url, request.post_data_buffer or b"")))
    return made


def test_the_keyboard_ticks_a_box_and_the_answer_stays_in_the_page(visit):
    v = visit(own_worker=True)  # every request seen, the worker's too
    made = requests_of(v)
    v.page.goto(PAGE)
    wait_for_result(v.page, "questions")
    # the recorder sees the worker's requests too (it fetches the runtime)
    assert any(url.endswith(".wasm") for url, _ in made), made
    for _ in range(120):
        v.page.keyboard.press("Tab")
        if v.page.evaluate("document.activeElement.value") == TICKED:
            break
    else:
        pytest.fail("Tab never reached the box")
    box = v.page.locator(f"{FORM} input[value='{TICKED}']")
    # the focus shows (a ring around the box)
    assert box.evaluate("box => getComputedStyle(box).outlineStyle") == "solid"
    v.page.keyboard.press("Space")
    assert box.is_checked()
    expected = calculators.run("questions", {"have": TICKED})
    summary = v.page.locator(f"{FORM} [data-calculator-summary]")
    v.page.wait_for_function("([element, said]) => element.textContent === said",
                             arg=[summary.element_handle(), expected.summary])
    wait_for_result(v.page, "questions")
    assert summary.get_attribute("aria-live") == "polite"
    asked = v.page.locator(f"{FORM} [data-calculator-output] li[data-key='{TICKED}']")
    assert asked.inner_text().startswith(data.considerations()[TICKED].question)
    assert output_text(v.page, "questions") == text(expected.html)
    # private: not in the address, in no request (nor in any of the visit), not stored
    assert "have" not in parse_qs(urlsplit(v.page.url).query)
    assert [url for url, body in made if TICKED in url or TICKED.encode() in body] == []
    assert v.page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert v.page.evaluate("document.cookie") == ""
    assert not v.errors


@pytest.mark.parametrize("scheme", ("light", "dark"))
def test_a_label_ticks_its_box_and_axe_passes_with_boxes_ticked(visit, scheme):
    v = visit(viewport={"width": 360, "height": 800}, color_scheme=scheme)
    v.page.goto(PAGE)
    wait_for_result(v.page, "questions")
    v.page.locator(f"{FORM} label[for$='-{TICKED}']").click()
    assert v.page.locator(f"{FORM} input[value='{TICKED}']").is_checked()
    v.page.locator(f"{FORM} input[type=checkbox]").first.check()
    v.page.locator(f"{FORM} [data-calculator-output] li[data-key='{TICKED}']").wait_for()
    wait_for_result(v.page, "questions")
    assert v.axe() == []
    assert "have" not in parse_qs(urlsplit(v.page.url).query)


def test_an_address_does_not_tick_a_box(visit):
    """A private form ignores the address: a link cannot answer for the reader (the dose
    calculator, which is not private, takes its inputs from the address: test_calculators)."""
    v = visit()
    v.page.goto(f"{PAGE}?have={TICKED}")
    wait_for_result(v.page, "questions")
    assert not v.page.locator(f"{FORM} input[value='{TICKED}']").is_checked()
    assert v.page.locator(f"{FORM} input:checked").count() == 0
    nothing = calculators.run("questions", {"have": ""})
    assert v.page.locator(f"{FORM} [data-calculator-summary]").inner_text() == nothing.summary
    assert output_text(v.page, "questions") == text(nothing.html)


def test_the_printout_is_the_clinics_handout_on_one_page(visit):
    v = visit()
    v.page.goto(PAGE)
    wait_for_result(v.page, "questions")
    date = v.page.locator("[data-print-date]")
    assert date.inner_text() == ""
    for paper in ("A4", "Letter"):  # nothing ticked: the questions for everyone, on one page
        assert pages(v.page.pdf(format=paper)) == 1, paper
    # printing filled in the day, in the page's language (en: "December 7, 2026")
    today = datetime.date.today()
    assert date.inner_text() == f"{today:%B} {today.day}, {today.year}"
    v.page.emulate_media(media="print")
    endorsement = v.page.locator(".print-endorsement")
    assert endorsement.is_visible() and date.is_visible()
    said = endorsement.inner_text()
    assert SITE_WORDS("print.prepared-for", clinic=CLINIC["name"]) in said
    assert all(line in said for line in CLINIC["address"])
    own = v.page.locator(f"{FORM} .calculator-own-questions")
    assert own.is_visible() and own.bounding_box()["height"] > 150  # ruled lines to write on
    for shown in (".calculator-framing", ".calculator-questions", ".calculator-references",
                  ".calculator-limits"):
        assert v.page.locator(f"{FORM} {shown}").first.is_visible(), shown
    # the list, not the boxes; no clinic advertising, no menu, no embed offer, no prose
    for hidden in (".calculator-ticks", ".calculator-summary", ".calculator-print-link",
                   ".site-header", ".clinic", ".embed-offer", ".calculator-page > h2"):
        assert not v.page.locator(hidden).first.is_visible(), hidden
    v.page.emulate_media(media="screen")
    assert not endorsement.is_visible() and not own.is_visible()


def test_without_scripts_the_printout_leaves_a_line_for_the_date(visit):
    v = visit(java_script_enabled=False)
    v.page.goto(PAGE)
    for paper in ("A4", "Letter"):
        assert pages(v.page.pdf(format=paper)) == 1, paper
    v.page.emulate_media(media="print")
    date = v.page.locator("[data-print-date]")
    assert date.inner_text() == "" and date.is_visible()
    assert date.bounding_box()["width"] > 100  # a line long enough to write a date on


def test_the_embeds_printout_has_no_clinic(visit):
    v = visit()
    v.page.goto("/embed/questions/")
    wait_for_result(v.page, "questions")
    v.page.emulate_media(media="print")
    printed = v.page.locator("body").inner_text()
    assert v.page.locator(".print-endorsement, [data-print-date]").count() == 0
    assert CLINIC["name"] not in printed and CLINIC["phone"] not in printed
    assert not any(line in printed for line in CLINIC["address"])
    assert v.page.locator(f"{FORM} .calculator-questions").first.is_visible()
    assert v.page.locator(f"{FORM} .calculator-references").is_visible()
