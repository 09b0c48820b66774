"""The live calculator boots from the build's memory snapshot, and without it when the snapshot
is missing or corrupt: the reader sees the same ready status and the same result. Over plain
HTTP, where there is no WebCrypto, fetch() checks the snapshot's integrity instead."""

from urllib.parse import urlencode

import pytest

import calculators
from tests.browser.conftest import Visit
from tests.browser.test_calculators import output_text, text, wait_for_result
from scripts.site import PLAIN_HTTP
from tests.vectors import DOSE, SCHEDULE

READY_STATUS = "Ready: the result updates as you change the inputs."


def corrupt(route):
    # Playwright fetches in its own process, which does not know the PLAIN_HTTP name.
    body = bytearray(route.fetch(url=route.request.url.replace(PLAIN_HTTP, "127.0.0.1")).body())
    body[len(body) // 2] ^= 0x01  # one bit, deep in Python's memory
    route.fulfill(status=200, body=bytes(body), headers={"Access-Control-Allow-Origin": "*"})


BREAKS = {
    "snapshot": None,
    "missing": lambda route: route.fulfill(status=404, body="not here"),
    "corrupt": corrupt,
}


@pytest.mark.parametrize("path", BREAKS)
@pytest.mark.parametrize("name, fields", [("dose", DOSE[4]), ("schedule", SCHEDULE[0])])
def test_same_result_from_the_snapshot_and_without_it(visit, path, name, fields):
    same_result(visit(own_worker=True), path, name, fields)


@pytest.mark.parametrize("path", ["snapshot", "corrupt"])
def test_over_plain_http_the_snapshot_is_checked_by_fetch(browser, served_site, path):
    v = Visit(browser, served_site.url.replace("127.0.0.1", PLAIN_HTTP), own_worker=True)
    try:
        same_result(v, path, "dose", DOSE[4])
        assert v.page.evaluate("[isSecureContext, typeof crypto.subtle]") == [False, "undefined"]
        assert not v.leaving()
    finally:
        v.context.close()


def same_result(v, path, name, fields):
    if BREAKS[path]:
        v.page.route("**/*.snapshot", BREAKS[path])
    v.page.goto(f"/calculators/{name}/?{urlencode(fields)}")
    assert v.page.get_attribute("script[data-snapshot]", "data-snapshot").endswith(".snapshot")
    wait_for_result(v.page, name)
    assert v.page.text_content(f"form[data-calculator='{name}'] .calculator-status") == READY_STATUS
    assert output_text(v.page, name) == text(calculators.run(name, fields).html)
    fetched = [url.rsplit("/", 1)[-1] for url in v.requests]
    assert "calculators.snapshot" in fetched
    # The plain boot loads the wheel; the snapshot boot has the package already imported.
    assert any(name.endswith(".whl") for name in fetched) == (path != "snapshot")
