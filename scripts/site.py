"""For the tests, the benchmarks, the screenshots and `invoke check`: a real Pelican build into
a folder, the site's own server (`hosting`) and the Chromium they drive."""

from pathlib import Path

from pelican import Pelican
from pelican.plugins.sitemap import sitemap
from pelican.settings import read_settings

from deploy.hosting import SiteServer  # noqa: F401 (the tests' server, on a free port, quiet)
from project import ROOT


def build_site(output, settings_file="pelicanconf.py", **overrides):
    """Build the site (or other content, via overrides such as PATH) into `output`, with
    pelicanconf.py's settings or another settings file's (publishconf.py)."""
    settings = read_settings(
        str(ROOT / settings_file), override={"OUTPUT_PATH": str(output), **overrides}
    )
    # The sitemap plugin remembers the first Pelican of the process until it finishes; a build
    # that failed on purpose earlier in the test run would keep it from writing again.
    sitemap.generator._main_pelican = None
    Pelican(settings).run()
    return Path(output)

# Debian's Chromium, as every browser test and the benchmark launch it (never a downloaded one).
CHROMIUM = "/usr/bin/chromium"
# PLAIN_HTTP is another name for 127.0.0.1: a page there is not a secure context, as on a site
# served over plain HTTP (no WebCrypto, for one).
PLAIN_HTTP = "plain-http.test"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--host-resolver-rules=MAP {PLAIN_HTTP} 127.0.0.1"]
