"""One Chromium for the whole test run: Playwright's sync API allows one driver a process."""

from pathlib import Path

import pytest

from scripts.site import ARGS, CHROMIUM


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is needed: scripts/bootstrap --browser"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()
