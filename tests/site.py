"""Test helpers: a real Pelican build into a folder, and a local HTTP server for it."""

import functools
import http.server
import threading
from pathlib import Path

from pelican import Pelican
from pelican.plugins.sitemap import sitemap
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
MIME_TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".ics": "text/calendar"}


def build_site(output, **overrides):
    """Build the site (or other content, via overrides such as PATH) into `output`."""
    settings = read_settings(
        str(ROOT / "pelicanconf.py"), override={"OUTPUT_PATH": str(output), **overrides}
    )
    # The sitemap plugin remembers the first Pelican of the process until it finishes; a build
    # that failed on purpose earlier in the test run would keep it from writing again.
    sitemap.generator._main_pelican = None
    Pelican(settings).run()
    return Path(output)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with the caching a real host should give: fingerprinted files forever."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def end_headers(self):
        immutable = self.path.startswith("/runtime/") or "?v=" in self.path
        self.send_header(
            "Cache-Control", "public, max-age=31536000, immutable" if immutable else "no-cache"
        )
        super().end_headers()

    def log_message(self, *args):
        pass


class SiteServer:
    """Serve a folder on 127.0.0.1 (a free port) in a thread; use as a context manager."""

    def __init__(self, folder):
        handler = functools.partial(QuietHandler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self):
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
