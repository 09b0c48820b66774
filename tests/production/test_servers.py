"""What nginx and Caddy send, on the configuration the build wrote: the policy's headers for each
kind of path, the 404 page, and the precompressed copies chosen by Accept-Encoding."""

import gzip
import re
import urllib.error
import urllib.request

import brotli
import pytest

from deploy.configs import production_headers
from deploy.hosting import ENCODINGS, ERROR_HEADERS, HTTPS_ONLY, NOT_FOUND_PAGE, media_types
from tests.words import site_words_in
from tests.production.support import STAND_IN_EMBED

POLICY_NAMES = {name for url in ["/", "/embed/", "/runtime/", "/theme/js/"]
                for name in production_headers(url)}
DECODE = {"br": brotli.decompress, "gzip": gzip.decompress, None: lambda body: body}


def get(url, encoding="identity"):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def asset_urls(site):
    """One URL of each kind the policy tells apart, from the built site itself."""
    html = (site / "calculators" / "dose" / "index.html").read_text()
    (css,) = re.findall(r'href="(/theme/css/site\.css\?v=\w+)"', html)
    (script,) = re.findall(r'src="(/theme/js/calculator\.js\?v=\w+)"', html)
    (pyodide,) = (site / "runtime").glob("pyodide-*")
    (app,) = (site / "runtime").glob("app-*")
    (wheel,) = app.glob("*.whl")
    return {
        "home page": "/", "calculator page": "/calculators/dose/", "sitemap": "/sitemap.xml",
        "feed": "/feeds/all.atom.xml", "css at its versioned URL": css,
        "css, unversioned": css.partition("?")[0], "module script": script,
        "module script, unversioned": script.partition("?")[0],
        "wasm": f"/runtime/{pyodide.name}/pyodide.asm.wasm",
        "runtime module": f"/runtime/{pyodide.name}/pyodide.mjs",
        "wheel": f"/runtime/{app.name}/{wheel.name}",
        "standard library": f"/runtime/{pyodide.name}/python_stdlib.zip",
        "lock file": f"/runtime/{app.name}/pyodide-lock.json",
        "embed page": "/" + STAND_IN_EMBED.removesuffix("index.html"),
    }


def local_file(site, url):
    path = url.partition("?")[0]
    return site / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))


KINDS = [
    "home page", "calculator page", "sitemap", "feed", "css at its versioned URL", "css, unversioned",
    "module script", "module script, unversioned", "wasm", "runtime module", "wheel",
    "standard library", "lock file", "embed page",
]


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_path_gets_exactly_the_policys_headers_and_media_type(server, site, kind):
    url = asset_urls(site)[kind]
    status, headers, body = get(server.url + url)
    assert status == 200, url
    expected = production_headers(url)
    sent = {name: headers[name] for name in POLICY_NAMES if name in headers}
    assert sent == expected, f"{server.kind} {url}"
    assert headers.get_content_type() == media_types()[local_file(site, url).suffix]
    assert body == local_file(site, url).read_bytes()


def test_a_missing_page_is_the_themes_404_page_with_status_404(server, site):
    for url in ["/no-such-page/", "/runtime/no-such.wasm?v=1", "/runtime/", "/theme/js/gone.js"]:
        status, headers, body = get(server.url + url, "br")
        assert status == 404, f"{server.kind} {url}"
        assert headers.get_content_type() == "text/html"
        sent = {name: headers[name] for name in POLICY_NAMES if name in headers}
        assert sent == ERROR_HEADERS | HTTPS_ONLY, f"{server.kind} {url}"
        assert DECODE[headers["Content-Encoding"]](body) == (site / NOT_FOUND_PAGE).read_bytes()
    assert b"Page not found" in (site / NOT_FOUND_PAGE).read_bytes()


def test_a_missing_spanish_page_is_the_spanish_404_page_with_status_404(server, site):
    spanish = (site / "es" / NOT_FOUND_PAGE).read_bytes()
    assert b'<html lang="es-US"' in spanish
    assert site_words_in("es")("not-found.title").encode() in spanish
    for url in ["/es/nope/", "/es/embed/nope/", "/es/calculators/nope.ics", "/es/feeds/"]:
        for accept in ("br", "identity"):
            status, headers, body = get(server.url + url, accept)
            assert status == 404, f"{server.kind} {url}"
            assert headers.get_content_type() == "text/html"
            sent = {name: headers[name] for name in POLICY_NAMES if name in headers}
            assert sent == ERROR_HEADERS | HTTPS_ONLY, f"{server.kind} {url}"
            assert DECODE[headers.get("Content-Encoding")](body) == spanish, f"{server.kind} {url}"
    # a path that only starts like the folder's is the main language's
    status, _, body = get(server.url + "/espanol/", "identity")
    assert status == 404 and body == (site / NOT_FOUND_PAGE).read_bytes()


@pytest.mark.parametrize("kind", ["home page", "css at its versioned URL", "module script", "wasm",
                                  "runtime module", "lock file", "sitemap"])
@pytest.mark.parametrize("accept, chosen", [
    ("br", "br"), ("gzip", "gzip"), ("gzip, deflate, br", "br"), ("identity", None),
])
def test_the_precompressed_copy_is_chosen_by_accept_encoding(server, site, kind, accept, chosen):
    url = asset_urls(site)[kind]
    status, headers, body = get(server.url + url, accept)
    assert status == 200
    assert headers.get("Content-Encoding") == chosen, f"{server.kind} {url} {accept}"
    assert "Accept-Encoding" in headers.get("Vary", "")
    assert DECODE[chosen](body) == local_file(site, url).read_bytes()
    if chosen:
        sibling = local_file(site, url)
        assert body == sibling.with_name(sibling.name + ENCODINGS[chosen]).read_bytes()  # as built


def test_what_compression_would_not_shrink_much_is_sent_as_it_is(server, site):
    """Zip files (the wheel; the standard library gains under 5%): no copies, nothing on the fly."""
    for kind in ["wheel", "standard library"]:
        url = asset_urls(site)[kind]
        assert not [sibling for sibling in local_file(site, url).parent.iterdir()
                    if sibling.name.startswith(local_file(site, url).name + ".")]
        status, headers, body = get(server.url + url, "gzip, br")
        assert status == 200 and "Content-Encoding" not in headers, f"{server.kind} {url}"
        assert body == local_file(site, url).read_bytes()
