"""Debian's Chromium driven by Playwright, against the real site on a local HTTP server."""

from urllib.parse import urlsplit

import pytest

from scripts.site import ROOT, SiteServer, build_site

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    folder = build_site(tmp_path_factory.mktemp("browser-site"))
    with SiteServer(folder) as server:
        yield server


# For a test that routes, counts or slows the runtime's own requests: Playwright neither sees
# nor routes a shared worker's requests (nor applies a page's network emulation to them), so the
# page gets the worker of its own that an embed, and a browser without shared workers, uses
# (calculator.js, createWorker); the boot in it is the same module's.
OWN_WORKER = "delete globalThis.SharedWorker;"


class Visit:
    """A browser context that records every request and refuses any leaving 127.0.0.1 (or the
    name `base_url` gives it). With `own_worker`, its pages' calculators use a worker of their
    own (OWN_WORKER), whose requests are recorded and routed too."""

    def __init__(self, browser, base_url, own_worker=False, **context_options):
        self.context = browser.new_context(base_url=base_url, **context_options)
        if own_worker:
            self.context.add_init_script(OWN_WORKER)
        self.hosts = {"127.0.0.1", urlsplit(base_url).hostname}
        self.outside, self.requests = [], []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.errors = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _route(self, route):
        host = urlsplit(route.request.url).hostname
        if host not in self.hosts:
            self.outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    def leaving(self):
        urls = self.outside + [
            url for url in self.requests
            if urlsplit(url).scheme in ("http", "https") and urlsplit(url).hostname not in self.hosts
        ]
        return urls

    def axe(self, disable=(), frame=None):
        """Serious and critical violations in the page, or in one of its frames."""
        target = frame or self.page
        # Evaluated, not added as an inline <script>: the page's Content-Security-Policy refuses those.
        target.evaluate(AXE.read_text() + "\n;0")
        result = target.evaluate(
            "options => axe.run(document, options)",
            {"rules": {rule: {"enabled": False} for rule in disable}},
        )
        return [
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")
        ]


@pytest.fixture
def visit(browser, served_site):
    visits = []

    def open_visit(**options):
        v = Visit(browser, served_site.url, **options)
        visits.append(v)
        return v

    yield open_visit
    for v in visits:
        assert not v.leaving(), f"requests left 127.0.0.1: {v.leaving()}"
        v.context.close()


def shared_runtimes(page):
    """The shared workers of the page's browser context (the site's Python, calculator.js), as
    {target id: name}: the name is the runtime's address."""
    cdp = page.context.new_cdp_session(page)
    try:
        context = cdp.send("Target.getTargetInfo")["targetInfo"]["browserContextId"]
        return {target["targetId"]: target["title"]
                for target in cdp.send("Target.getTargets")["targetInfos"]
                if target["type"] == "shared_worker" and target["browserContextId"] == context}
    finally:
        cdp.detach()
