"""The service worker (plugins/offline) as a host sends it: revalidated on every update check
(never cached for a year), as JavaScript, precompressed from its final bytes; on nginx and on
Caddy, under the production Content-Security-Policy, an article registers it and warms the
runtime through it with no violation. Its manifest lists the pages and the theme, never the
runtime, an embed or a compressed copy."""

import json
import urllib.request

from playwright.sync_api import expect

from tests.production.test_chromium import visit  # noqa: F401 (the fixture)

WORKER = "service-worker.js"


def manifest(site):
    code = (site / WORKER).read_text("utf-8")
    return json.JSONDecoder().raw_decode(code, code.index('{"precache":'))[0]


def test_the_manifest_lists_pages_and_theme_files_and_nothing_large(site):
    build = manifest(site)
    urls = [entry["url"] for entry in build["precache"]]
    assert "/" in urls and "/es/" in urls and "/calculators/dose/" in urls and "/es/diary/" in urls
    assert any(url.startswith("/theme/js/calculator.js?v=") for url in urls)
    assert not [url for url in urls if "/runtime/" in url or "/embed/" in url
                or url.endswith((".br", ".gz"))]
    assert sorted((site / "runtime").iterdir()) and all(
        folder.startswith("/runtime/") for folder in build["runtime"])
    assert [path for path in build["warm"] if path.endswith(".snapshot")]
    # the compressed copies are of the worker as written
    assert (site / f"{WORKER}.br").stat().st_mtime_ns == (site / WORKER).stat().st_mtime_ns


def test_the_worker_is_revalidated_and_served_as_javascript(server):
    request = urllib.request.Request(f"{server.url}/{WORKER}", headers={"Accept-Encoding": "br"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Cache-Control"] == "no-cache", server.kind
        assert response.headers["Content-Type"].startswith("text/javascript"), server.kind
        assert "worker-src 'self'" in response.headers["Content-Security-Policy"]


def test_an_article_registers_the_worker_and_warms_with_no_csp_violation(server, visit):  # noqa: F811
    v = visit()
    v.page.goto(f"{server.url}/patient-experience/")
    # A locator, not wait_for_function: that evaluates a string, which this CSP refuses.
    expect(v.page.locator("html[data-warm='ready']")).to_have_count(1, timeout=90_000)
    assert len(v.context.service_workers) == 1
    assert v.violations() == [], server.kind
