"""What the production build writes besides the pages: the three server configurations, all from
the one policy table, and the precompressed copies (atomic, skipped when current)."""

import gzip
import os
import re
import subprocess

import brotli
import pytest

from deploy.configs import (
    caddyfile, config_folder, headers_file, nginx_site, production_headers, redirects_file,
    site_address,
)
from deploy.hosting import MIN_GAIN, not_found_page
from plugins.production.precompress import precompress_tree
from tests.build.test_site import outside_the_warm_up
from tests.production.support import STAND_IN_EMBED

SAMPLE_PATHS = ["/", "/calculators/dose/", "/embed/dose/", "/embed/", "/runtime/app-1/x.whl",
                "/theme/js/calculator.js", "/theme/css/site.css", "/sitemap.xml", "/404.html",
                "/es/", "/es/embed/dose/", "/es/404.html"]


def test_the_build_wrote_each_configuration_from_the_policy(site, address):
    assert site_address({"HOSTING_ADDRESS": address}) == address
    assert (site / "_headers").read_text() == headers_file()
    assert (site / "_redirects").read_text() == redirects_file()
    assert (config_folder(site) / "nginx.conf").read_text() == nginx_site(site.resolve(), address)
    assert (config_folder(site) / "Caddyfile").read_text() == caddyfile(site.resolve(), address)


def parse_headers_file(text):
    """[(path pattern, [(name or '!', value)])] as written."""
    blocks = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line.startswith(" "):
            blocks.append((line, []))
        elif line.strip().startswith("!"):
            blocks[-1][1].append(("!", line.strip()[1:].strip()))
        else:
            name, _, value = line.strip().partition(":")
            blocks[-1][1].append((name, value.strip()))
    return blocks


def matches(pattern, path):
    return path.startswith(pattern.removesuffix("*")) if pattern.endswith("*") else path == pattern


def as_netlify(blocks, path):
    """Netlify: matching blocks in order, a later value replaces an earlier; `!` lines ignored."""
    headers = {}
    for pattern, lines in blocks:
        if matches(pattern, path):
            headers |= {name: value for name, value in lines if name != "!"}
    return headers


def as_cloudflare(blocks, path):
    """Cloudflare Pages: each matching block detaches its `!` names, then sets its headers; a
    header set again by a later block is joined with a comma."""
    headers = {}
    for pattern, lines in blocks:
        if matches(pattern, path):
            for name, value in lines:
                if name == "!":
                    headers.pop(value, None)
                else:
                    headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers


@pytest.mark.parametrize("path", SAMPLE_PATHS)
def test_the_headers_file_gives_each_path_the_policys_headers_on_netlify_and_cloudflare(path):
    blocks = parse_headers_file(headers_file())
    assert as_netlify(blocks, path) == production_headers(path)
    assert as_cloudflare(blocks, path) == production_headers(path)
    assert all(len(line) < 2000 for line in headers_file().splitlines())  # Cloudflare's limit


def as_netlify_not_found(redirects, path):
    """Netlify, for a missing `path`: the first 404 rule whose pattern matches, else /404.html."""
    for line in redirects.splitlines():
        if line and not line.startswith("#"):
            pattern, page, status = line.split()
            if status == "404" and matches(pattern, path):
                return page
    return "/404.html"


@pytest.mark.parametrize("path", ["/nope/", "/es/nope/", "/es/embed/nope/", "/embed/nope/",
                                  "/espanol/", "/runtime/es/x"])
def test_the_redirects_file_gives_netlify_each_languages_404_page(path):
    assert as_netlify_not_found(redirects_file(), path) == not_found_page(path)
    assert not_found_page(path) == ("/es/404.html" if path.startswith("/es/") else "/404.html")


def test_an_https_site_gets_tls_and_a_redirect_and_its_caddyfile_is_valid(tmp_path):
    nginx = nginx_site("/var/www/site", "https://www.example.org")
    assert "listen 443 ssl http2;" in nginx and "return 301 https://www.example.org$request_uri;" in nginx
    assert "listen 127.0.0.1" not in nginx
    assert "Strict-Transport-Security" in nginx
    config = tmp_path / "Caddyfile"
    config.write_text(caddyfile("/var/www/site", "https://www.example.org"))
    adapted = subprocess.run(["caddy", "adapt", "--adapter", "caddyfile", "--config", str(config)],
                             capture_output=True, text=True)
    assert adapted.returncode == 0, adapted.stderr
    assert "bind" not in config.read_text()


def test_precompression_keeps_copies_that_gain_skips_current_ones_and_drops_stale_ones(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    (site / "runtime").mkdir(parents=True)
    page = site / "index.html"
    page.write_text("<p>repeated words, repeated words</p>\n" * 200)
    (site / "runtime" / "packed.zip").write_bytes(os.urandom(300_000))  # cached size, no gain
    (site / "gone.css.br").write_bytes(b"stale")
    assert precompress_tree(site, cache) == 2
    assert brotli.decompress((site / "index.html.br").read_bytes()) == page.read_bytes()
    assert gzip.decompress((site / "index.html.gz").read_bytes()) == page.read_bytes()
    assert sorted(p.name for p in site.rglob("*") if p.is_file()) == [
        "index.html", "index.html.br", "index.html.gz", "packed.zip"]
    assert len(list(cache.iterdir())) == 2  # the zip's attempts, kept: no second try next build
    assert precompress_tree(site, cache) == 0
    page.write_text("<p>changed, changed, changed</p>\n" * 200)
    assert precompress_tree(site, cache) == 2
    assert gzip.decompress((site / "index.html.gz").read_bytes()) == page.read_bytes()
    assert 1 - len((site / "index.html.br").read_bytes()) / page.stat().st_size >= MIN_GAIN


def test_the_production_build_compressed_every_text_file_and_the_runtime(site):
    for path in site.rglob("*"):
        if path.relative_to(site).as_posix() == STAND_IN_EMBED:  # written after the build
            continue
        if path.suffix in (".html", ".css", ".js", ".mjs", ".json", ".wasm", ".xml"):
            assert path.with_name(path.name + ".br").is_file(), path
            assert path.with_name(path.name + ".gz").is_file(), path


def test_an_article_weighs_under_60_kb_compressed_and_only_calculator_pages_load_python(site):
    for page in site.glob("*/index.html"):
        html = page.read_text()
        assets = re.findall(r'(?:href|src)="(/theme/[^"?]+)[^"]*"', html)
        weight = sum((site / (url.lstrip("/") + ".br")).stat().st_size for url in assets)
        weight += page.with_name("index.html.br").stat().st_size
        assert weight < 60_000, (page, weight)
        # (the diary's page is no calculator, and its Python sums the diary up: data-diary)
        if "[calculator:" not in html and "<form data-calculator" not in html \
                and "data-diary " not in html:
            rest = outside_the_warm_up(html)
            assert "data-pyodide" not in rest and "/runtime/" not in rest, page
            assert "calculator.js" not in rest, page
