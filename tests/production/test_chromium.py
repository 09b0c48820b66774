"""Debian's Chromium on nginx and on Caddy, under the production Content-Security-Policy: the
calculators compute with no violation, and only /embed/ pages may be framed by another site."""

import functools
import http.server
import threading
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.production.support import STAND_IN_EMBED

# Violations reported to the page (its own, and its dedicated worker's through the console).
WATCH_VIOLATIONS = """
window.violations = [];
document.addEventListener("securitypolicyviolation",
  (event) => window.violations.push(`${event.violatedDirective} ${event.blockedURI}`));
"""


class Visit:
    """A fresh browser context that refuses any request leaving 127.0.0.1 and records console
    lines about the Content-Security-Policy."""

    def __init__(self, browser):
        self.context = browser.new_context()
        self.outside, self.csp_messages = [], []
        self.context.route("**/*", self._route)
        self.context.add_init_script(WATCH_VIOLATIONS)
        self.page = self.context.new_page()
        self.page.on("console", self._console)

    def _route(self, route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def _console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.csp_messages.append(message.text)

    def violations(self):
        return [*self.page.evaluate("window.violations"), *self.csp_messages]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def visit(browser):
    visits = []

    def open_visit():
        visits.append(Visit(browser))
        return visits[-1]

    yield open_visit
    for v in visits:
        assert not v.outside, f"requests left 127.0.0.1: {v.outside}"
        v.context.close()


@pytest.mark.parametrize("path", ["/calculators/dose/", "/calculators/schedule/"])
def test_the_calculators_compute_in_the_browser_with_no_csp_violation(server, visit, path):
    v = visit()
    response = v.page.goto(server.url + path)
    assert response.ok and "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert v.page.locator("form[data-calculator]").count() > 0
    # A locator, not wait_for_function: that evaluates a string, which this CSP refuses.
    expect(v.page.locator("form[data-calculator]:not([data-runtime=python])")).to_have_count(
        0, timeout=90_000)
    assert v.violations() == [], f"{server.kind} {path}"


@pytest.fixture
def other_origin(tmp_path, server, site):
    """Pages on another origin (another port): one frames a normal page and an /embed/ page, one
    frames the dose calculator's embed page as WordPress does (sandbox="allow-scripts")."""
    embed = "/" + STAND_IN_EMBED.removesuffix("index.html")
    (tmp_path / "frames.html").write_text(
        f'<!doctype html><title>Another site</title>'
        f'<iframe name="page" src="{server.url}/about/"></iframe>'
        f'<iframe name="embed" src="{server.url}{embed}"></iframe>')
    (tmp_path / "sandboxed.html").write_text(
        f'<!doctype html><title>A WordPress post</title><iframe name="calculator"'
        f' sandbox="allow-scripts" width="600" height="900" src="{server.url}/embed/dose/"></iframe>')
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as framer:  # no policy of ours
        threading.Thread(target=framer.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{framer.server_address[1]}"
        framer.shutdown()


def test_another_site_may_frame_an_embed_page_but_not_a_normal_one(server, visit, other_origin):
    v = visit()
    v.page.goto(other_origin + "/frames.html", wait_until="load")
    embed, page = v.page.frame(name="embed"), v.page.frame(name="page")
    assert embed.locator("#embedded").text_content() == "framed", server.kind
    assert not page.url.startswith(server.url), f"{server.kind} let another site frame {page.url}"
    assert any("frame-ancestors" in message for message in v.csp_messages), v.csp_messages


def test_a_sandboxed_embed_computes_under_the_csp(server, site, visit, other_origin):
    if not (site / "embed" / "dose" / "index.html").is_file():
        pytest.skip("this build has no /embed/dose/ page (issue 10 makes them)")
    v = visit()
    v.page.goto(other_origin + "/sandboxed.html", wait_until="load")
    frame = v.page.frame(name="calculator")
    assert frame.locator("form[data-calculator]").count() > 0
    expect(frame.locator("form[data-calculator]:not([data-runtime=python])")).to_have_count(
        0, timeout=90_000)
    assert v.csp_messages == [], server.kind
