"""On a slow connection: while the runtime downloads, a named progress bar with the megabytes
come, the total and a time estimate, counted from the downloads themselves; the worked example
stays and its inputs take the reader's changes; after a few seconds a line says the figures
shown are the worked example; then the calculator goes live with what the reader typed."""

import re

from playwright.sync_api import expect

import calculators
from tests.words import SITE_WORDS
from tests.browser.test_calculators import form_fields, output_text, text, wait_for_result
from tests.browser.test_phone import PHONE, site_folder

# 3 MB/s (24 Mbit/s): the snapshot boot's 23 MB take about 8 s, longer than the few seconds
# before the line, and the bar moves many times on the way.
SLOW = {"offline": False, "latency": 40, "downloadThroughput": 3_000_000, "uploadThroughput": 3_000_000}
NOT_LIVE = "form[data-calculator]:not([data-runtime])"


def words_pattern(code, **parts):
    """A regular expression for the words of `code`, each {placeholder} standing for the
    pattern `parts` gives it."""
    pieces = re.split(r"\{(\w+)\}", SITE_WORDS(code))
    return "".join(re.escape(piece) if index % 2 == 0 else parts[piece]
                   for index, piece in enumerate(pieces))


def megabytes(size):
    return f"{size / 1e6:.1f}"


def counted_total(folder):
    """What the snapshot boot fetches, by the sizes of the built files: Pyodide's WebAssembly,
    the snapshot, its empty standard library and the lock file."""
    (pyodide,) = (folder / "runtime").glob("pyodide-*")
    (app,) = (folder / "runtime").glob("app-*")
    files = [pyodide / "pyodide.asm.wasm", app / "calculators.snapshot",
             app / "empty-stdlib.zip", app / "pyodide-lock.json"]
    return sum(path.stat().st_size for path in files)


def bar_state(page):
    return page.evaluate("""() => {
        const bar = document.querySelector(".calculator-progress progress");
        return { value: bar.value, max: bar.max, shown: !bar.closest("[hidden]"),
                 figures: document.getElementById(bar.getAttribute("aria-describedby")).textContent };
    }""")


def test_a_slow_download_shows_its_progress_and_the_worked_example_stays_usable(visit, served_site):
    v = visit(viewport=PHONE, own_worker=True)
    network = v.context.new_cdp_session(v.page)
    network.send("Network.enable")
    network.send("Network.emulateNetworkConditions", SLOW)
    v.page.goto("/calculators/dose/")
    example = output_text(v.page, "dose")
    assert example == text(calculators.run("dose", form_fields(v.page, "dose")).html)

    bar = v.page.get_by_role("progressbar", name=SITE_WORDS("runtime.progress"))
    bar.wait_for()
    assert v.page.locator(NOT_LIVE).count() == 1
    v.page.wait_for_function("""() => { const bar = document.querySelector(".calculator-progress progress");
                                        return bar.value > 0 && bar.value < bar.max; }""")
    first = bar_state(v.page)
    total = counted_total(site_folder(served_site))
    assert first["max"] == total
    # the figures say the total in megabytes and, once a second of bytes has come, the time left
    amount = words_pattern("runtime.progress-figures", loaded=r"\d+\.\d", total=re.escape(megabytes(total)))
    estimate = "|".join(words_pattern(code, figures=amount, seconds=r"\d+", minutes=r"\d+")
                        for code in ("runtime.seconds-left", "runtime.minutes-left"))
    assert re.fullmatch(f"{amount}|{estimate}", first["figures"]), first["figures"]
    expect(v.page.locator(".calculator-progress span")).to_have_text(re.compile(f"^({estimate})$"))
    later = bar_state(v.page)
    assert first["value"] < later["value"] <= later["max"] == total

    # The reader changes the weight while it loads: the worked example stays, and the line says so.
    v.page.fill("#calc-dose-weight", "82")
    status = v.page.locator("form[data-calculator='dose'] .calculator-status")
    v.page.wait_for_function("words => document.querySelector('.calculator-status').textContent === words",
                             arg=SITE_WORDS("runtime.loading-example"))
    assert v.page.locator(NOT_LIVE).count() == 1 and output_text(v.page, "dose") == example

    # Then live: the result follows what the reader typed, and the bar is gone.
    wait_for_result(v.page, "dose")
    expected = calculators.run("dose", form_fields(v.page, "dose"))
    assert form_fields(v.page, "dose")["weight"] == "82"
    assert output_text(v.page, "dose") == text(expected.html) != example
    assert status.inner_text() == SITE_WORDS("runtime.ready")
    assert not bar.is_visible()
    assert v.axe() == [] and not v.errors
