"""The site's server (`hosting`): media types, caching and security headers from the policy table,
and 404s."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from deploy.hosting import (
    ANY_ORIGIN, EMBEDDABLE, ERROR_HEADERS, HTTPS_ONLY, IMMUTABLE, REVALIDATE, SECURITY, SiteServer,
    headers_for,
)
from scripts.site import ROOT

FOREVER = IMMUTABLE["Cache-Control"]
NO_CACHE = REVALIDATE["Cache-Control"]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture(scope="module")
def served(site):
    with SiteServer(site) as server:
        yield server


def test_runtime_files_have_their_media_types_and_are_cached_forever(site, served):
    (pyodide,) = (site / "runtime").glob("pyodide-*")
    for name, media_type in [("pyodide.asm.wasm", "application/wasm"),
                             ("pyodide.mjs", "text/javascript")]:
        status, headers, body = get(f"{served.url}/runtime/{pyodide.name}/{name}")
        assert status == 200 and body == (pyodide / name).read_bytes()
        assert headers["Content-Type"] == media_type
        assert headers["Cache-Control"] == FOREVER


def test_theme_assets_are_cached_forever_only_at_their_versioned_urls(site, served):
    html = (site / "index.html").read_text()
    (href,) = re.findall(r'href="(/theme/css/site\.css\?v=[0-9a-f]+)"', html)
    assert get(served.url + href)[1]["Cache-Control"] == FOREVER
    status, headers, _ = get(served.url + href.partition("?")[0])
    assert status == 200 and headers["Cache-Control"] == NO_CACHE
    status, headers, _ = get(served.url + "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert headers["Cache-Control"] == NO_CACHE


def test_a_missing_file_or_a_folder_listing_is_a_404_never_cached(served):
    for path in ["/runtime/no-such-file.wasm", "/runtime/", "/no-such-page/"]:
        status, headers, _ = get(served.url + path)
        assert status == 404, path
        assert headers["Cache-Control"] == NO_CACHE, path


def test_a_calendar_file_and_the_sites_own_404_page(tmp_path):
    (tmp_path / "plan.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    (tmp_path / "404.html").write_text("<!doctype html><title>Not here</title><p>Try the index.")
    with SiteServer(tmp_path) as server:
        status, headers, _ = get(server.url + "/plan.ics")
        assert status == 200 and headers["Content-Type"] == "text/calendar"
        status, headers, body = get(server.url + "/runtime/gone.mjs?v=1")
    assert status == 404 and body == (tmp_path / "404.html").read_bytes()
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == NO_CACHE


def test_a_missing_page_in_a_languages_folder_is_that_languages_404_page(tmp_path):
    (tmp_path / "404.html").write_text("<!doctype html><title>Not here</title><p>Try the index.")
    (tmp_path / "es").mkdir()
    (tmp_path / "es" / "404.html").write_text("<!doctype html><title>No está</title><p>Vea el índice.")
    with SiteServer(tmp_path) as server:
        for path, page in [("/es/nope/", "es/404.html"), ("/es/embed/nope/", "es/404.html"),
                           ("/espanol/", "404.html"), ("/nope/", "404.html")]:
            status, headers, body = get(server.url + path)
            assert status == 404 and body == (tmp_path / page).read_bytes(), path
            assert headers["Cache-Control"] == NO_CACHE


@pytest.mark.parametrize("url, expected", [
    ("/runtime/app-0123/pyodide-lock.json", IMMUTABLE | ANY_ORIGIN | SECURITY),
    ("/theme/js/calculator.js?v=0123456789", IMMUTABLE | ANY_ORIGIN | SECURITY),
    ("/theme/js/calculator.js?lang=en&v=0123456789", IMMUTABLE | ANY_ORIGIN | SECURITY),
    ("/theme/js/calculator.js", REVALIDATE | ANY_ORIGIN | SECURITY),
    ("/theme/js/calculator.js?version=1", REVALIDATE | ANY_ORIGIN | SECURITY),
    ("/theme/js/calculator.js?v=", REVALIDATE | ANY_ORIGIN | SECURITY),  # a blank value
    ("/theme/css/site.css?v=0123456789", IMMUTABLE | SECURITY),
    ("/calculators/dose/?weight=70", REVALIDATE | SECURITY),
    ("/embed/dose/", REVALIDATE | SECURITY | EMBEDDABLE),
])
def test_the_policy_table_adds_the_headers_of_every_matching_rule(url, expected):
    assert headers_for(url) == expected


def test_only_embed_pages_may_be_framed_and_start_a_worker_from_a_data_url():
    page, embed = (headers_for(url)["Content-Security-Policy"] for url in ["/dose/", "/embed/x/"])
    assert "frame-ancestors 'none'" in page and "worker-src 'self';" in page
    assert "frame-ancestors *" in embed and "worker-src 'self' data:;" in embed
    for policy in (page, embed):
        assert "script-src 'self' 'wasm-unsafe-eval';" in policy and "unsafe-inline" not in policy


def test_errors_get_the_404_pages_headers_and_https_only_headers_are_not_sent_locally():
    assert ERROR_HEADERS == REVALIDATE | SECURITY
    assert not any(name in headers_for(url) for name in HTTPS_ONLY for url in ["/", "/runtime/x"])


def test_invoke_serve_serves_the_output_folder_and_logs_each_request(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "stderr"
    with open(log, "w") as stderr:
        server = subprocess.Popen(
            [sys.executable, "-m", "invoke", "serve"], cwd=ROOT, stderr=stderr,
            env={**os.environ, "HOST": "127.0.0.1", "PORT": str(port)},
        )
    status = None
    try:
        for _ in range(100):
            try:
                status = get(f"http://127.0.0.1:{port}/no-such-page/")[0]
                break
            except urllib.error.URLError:
                time.sleep(0.1)
        assert status == 404
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert f"Serving at http://127.0.0.1:{port}/" in log.read_text()
    assert '"GET /no-such-page/ HTTP/1.1" 404' in log.read_text()
