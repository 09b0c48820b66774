"""The live calculator boots from the build's memory snapshot, and without it when the snapshot
is missing or corrupt: the reader sees the same ready status and the same result."""

from urllib.parse import urlencode

import pytest

import calculators
from tests.browser.test_calculators import output_text, text, wait_for_result
from tests.vectors import DOSE, SCHEDULE

READY_STATUS = "Ready: the result updates as you change the inputs."


def corrupt(route):
    body = bytearray(route.fetch().body())
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
    v = visit()
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
