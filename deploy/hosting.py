"""What a host sends with the built site (one policy, kept as data), and the local server for it.

The policy is `MEDIA_TYPES`, `HEADER_RULES`, `HTTPS_ONLY`, `ENCODINGS` and the 404 pages
(`NOT_FOUND_PAGES`). The build turns it into an nginx server block, a Caddyfile and the `_headers`
and `_redirects` files (`deploy.configs`);
`invoke serve` and the tests serve it through `SiteServer`, which sends the same headers but no
compression and nothing that needs HTTPS.
"""

import functools
import http.server
import mimetypes
import sys
import threading
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qsl

# Media types by file extension, over Python's own table (which may lack or differ on these).
MEDIA_TYPES = {
    ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm",
    ".ics": "text/calendar", ".whl": "application/zip", ".snapshot": "application/octet-stream",
    ".webmanifest": "application/manifest+json",
}

IMMUTABLE = {"Cache-Control": "public, max-age=31536000, immutable"}
REVALIDATE = {"Cache-Control": "no-cache"}
# Module scripts, the worker and the runtime are fetched in CORS mode; a sandboxed embed (an
# opaque "null" origin) may load them only if any origin may.
ANY_ORIGIN = {"Access-Control-Allow-Origin": "*"}


def content_security_policy(workers, framers):
    """No inline script or style, nothing from another host; WebAssembly may compile."""
    return "; ".join([
        "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", f"worker-src {workers}",
        "object-src 'none'", "base-uri 'none'", "form-action 'self'",
        f"frame-ancestors {framers}",
    ])


# Every response carries these. A worker's policy is that of its script's response, so the
# worker gets this one too (its Pyodide compiles WebAssembly); no other site may frame a page.
SECURITY = {
    "Content-Security-Policy": content_security_policy("'self'", "'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",  # a page shares its window with no other site
    "Permissions-Policy": ", ".join(f"{feature}=()" for feature in (
        "accelerometer", "camera", "display-capture", "geolocation", "gyroscope",
        "magnetometer", "microphone", "midi", "payment", "usb")),
}
# An embed page may be framed by any site; in a sandboxed frame it starts its worker from a
# data: URL (which imports the worker script by its absolute URL).
EMBEDDABLE = {"Content-Security-Policy": content_security_policy("'self' data:", "*")}
# Sent by the production configurations only: browsers ignore it over plain HTTP, and a local
# server (SiteServer, the tests' nginx and Caddy on 127.0.0.1) has no TLS.
HTTPS_ONLY = {"Strict-Transport-Security": "max-age=31536000"}
# An https:// site's certificate, in nginx (Caddy gets its own): certbot's webroot challenge asks
# for ACME_CHALLENGE<token> over plain HTTP on port 80, answered from the folder certbot writes
# the token to (`certbot certonly --webroot -w ACME_WEBROOT -d HOST`); the certificate then
# lives in CERTIFICATES/HOST/.
ACME_CHALLENGE = "/.well-known/acme-challenge/"
ACME_WEBROOT = "/var/www/letsencrypt"
CERTIFICATES = "/etc/letsencrypt/live"


class Rule(NamedTuple):
    """A request whose path starts with `path` (and whose query gives `query` a value, if not
    None)."""

    path: str
    query: str | None
    headers: dict


# The languages' sub-sites (pelicanconf.py's I18N_SUBSITES): each has its own embed pages, under
# its folder, framed as the main site's are.
SUB_SITES = ("es",)

# Every rule that matches a request adds its headers; for a header two rules both give, the
# earlier rule wins. The last rule matches every request.
HEADER_RULES = (
    Rule("/runtime/", None, IMMUTABLE | ANY_ORIGIN),  # folders named after their content's hash
    Rule("/theme/js/", None, ANY_ORIGIN),  # the page's module script and the worker
    Rule("/embed/", None, EMBEDDABLE),  # chrome-less calculator pages for other sites' iframes
    *(Rule(f"/{lang}/embed/", None, EMBEDDABLE) for lang in SUB_SITES),
    Rule("/", "v", IMMUTABLE),  # theme assets linked as `?v=<hash of the file>`
    # The pages, and the service worker (/service-worker.js), whose updates the browser checks.
    Rule("/", None, REVALIDATE | SECURITY),
)
NOT_FOUND_PAGE = "404.html"  # each site's (plugins/production writes one a language)
# What is sent, with status 404, for a missing file or a folder listing: the 404 page of the
# language whose folder the path is in, else the main language's. The most specific path first.
NOT_FOUND_PAGES = (*((f"/{lang}/", f"/{lang}/{NOT_FOUND_PAGE}") for lang in SUB_SITES),
                   ("/", f"/{NOT_FOUND_PAGE}"))

# Precompression: the build writes `name.br` and `name.gz` beside each file with one of these
# suffixes when the copy is at least MIN_GAIN smaller; the server picks one by Accept-Encoding.
ENCODINGS = {"br": ".br", "gzip": ".gz"}  # in order of preference
PRECOMPRESSED = (".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".wasm", ".zip",
                 ".snapshot")
MIN_GAIN = 0.05


def headers_for(url):
    """The headers the policy gives a response to `url` (a path and query)."""
    path, _, query = url.partition("?")
    names = {name for name, _ in parse_qsl(query)}  # a blank value (`?v=`) does not count
    headers = {}
    for rule in HEADER_RULES:
        if path.startswith(rule.path) and (rule.query is None or rule.query in names):
            headers = rule.headers | headers
    return headers


def not_found_page(url):
    """The 404 page (its path under the site) sent for a missing `url`."""
    path = url.partition("?")[0]
    return next(page for prefix, page in NOT_FOUND_PAGES if path.startswith(prefix))


def error_headers(url):
    """The headers of the error answer to `url`: its 404 page's, as if asked for."""
    return headers_for(not_found_page(url))


ERROR_HEADERS = error_headers("/")  # the main 404 page's (no rule tells a language's apart)


def media_types():
    """Every file extension the policy knows, with its media type: Python's built-in table (not
    this machine's), then MEDIA_TYPES over it."""
    return mimetypes.MimeTypes().types_map[True] | MEDIA_TYPES


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with the policy's media types and headers; the site's own 404 pages."""

    extensions_map = media_types()

    def __init__(self, *args, quiet, **kwargs):
        self.quiet = quiet
        super().__init__(*args, **kwargs)

    def send_response_only(self, code, message=None):
        self.status = code
        super().send_response_only(code, message)

    def end_headers(self):
        headers = headers_for(self.path) if self.status < 400 else error_headers(self.path)
        for name, value in headers.items():
            self.send_header(name, value)
        super().end_headers()

    def list_directory(self, path):
        self.send_error(404, "File not found")  # a host lists no folders

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / not_found_page(self.path).lstrip("/")
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(code, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        if not self.quiet:
            super().log_message(*args)


class SiteServer:
    """Serve `folder` at `host`:`port` (port 0: a free one), in the foreground with `run()` or in
    a thread as a context manager (quiet unless told otherwise)."""

    def __init__(self, folder, host="127.0.0.1", port=0, quiet=True):
        handler = functools.partial(SiteHandler, directory=str(folder), quiet=quiet)
        self.httpd = http.server.ThreadingHTTPServer((host, port), handler)  # reuses the address
        self.url = f"http://{host}:{self.httpd.server_address[1]}"

    def run(self):
        sys.stderr.write(f"Serving at {self.url}/ ...\n")
        with self.httpd:
            try:
                self.httpd.serve_forever()
            except KeyboardInterrupt:
                pass

    def __enter__(self):
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
