"""What a host sends with the built site (one policy, kept as data), and the local server for it.

`invoke serve` and the tests serve through `SiteServer`; a production configuration (nginx,
Caddy, `_headers`) is to be generated from the same `MEDIA_TYPES` and `HEADER_RULES`.
"""

import functools
import http.server
import sys
import threading
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qsl

# Media types by file extension, over the platform's own table (which may lack or differ on these).
MEDIA_TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".ics": "text/calendar"}

IMMUTABLE = {"Cache-Control": "public, max-age=31536000, immutable"}
REVALIDATE = {"Cache-Control": "no-cache"}
# Module scripts, the worker and the runtime are fetched in CORS mode; a sandboxed embed (an
# opaque "null" origin) may load them only if any origin may.
ANY_ORIGIN = {"Access-Control-Allow-Origin": "*"}


class Rule(NamedTuple):
    """A request whose path starts with `path` (and whose query names `query`, if not None)."""

    path: str
    query: str | None
    headers: dict


# Every rule that matches a request adds its headers; for a header two rules both give, the
# earlier rule wins. The last rule matches every request.
HEADER_RULES = (
    Rule("/runtime/", None, IMMUTABLE | ANY_ORIGIN),  # folders named after their content's hash
    Rule("/theme/js/", None, ANY_ORIGIN),  # the page's module script and the worker
    Rule("/", "v", IMMUTABLE),  # theme assets linked as `?v=<hash of the file>`
    Rule("/", None, REVALIDATE),
)
ERROR_HEADERS = REVALIDATE  # a missing file may be there after the next build
NOT_FOUND_PAGE = "404.html"


def headers_for(url):
    """The headers the policy gives a successful response to `url` (a path and query)."""
    path, _, query = url.partition("?")
    names = {name for name, _ in parse_qsl(query, keep_blank_values=True)}
    headers = {}
    for rule in HEADER_RULES:
        if path.startswith(rule.path) and (rule.query is None or rule.query in names):
            headers = rule.headers | headers
    return headers


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with the policy's media types and headers; the site's own 404 page."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MEDIA_TYPES}

    def __init__(self, *args, quiet, **kwargs):
        self.quiet = quiet
        super().__init__(*args, **kwargs)

    def send_response_only(self, code, message=None):
        self.status = code
        super().send_response_only(code, message)

    def end_headers(self):
        headers = headers_for(self.path) if self.status < 400 else ERROR_HEADERS
        for name, value in headers.items():
            self.send_header(name, value)
        super().end_headers()

    def list_directory(self, path):
        self.send_error(404, "File not found")  # a host lists no folders

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / NOT_FOUND_PAGE
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
