"""The production build (precompressed, with its server configurations) served by Debian's nginx
and Caddy from the files the build wrote, on a loopback port; Debian's Chromium to visit it.

A missing server fails these tests (it never skips them): `make test` installs both.
"""


import pytest

from deploy.configs import config_folder
from deploy.servers import CONFIG_NAMES, RealServer
from tests.production.support import REVIEWERS, STAND_IN_EMBED, free_port
from scripts.site import build_site


@pytest.fixture(scope="session")
def address():
    return f"http://127.0.0.1:{free_port()}"


@pytest.fixture(scope="session")
def site(tmp_path_factory, address):
    """The site built as for production, for servers answering at `address`."""
    folder = build_site(tmp_path_factory.mktemp("production") / "output",
                        PRECOMPRESS=True, HOSTING_ADDRESS=address,
                        REVIEW_STRICT=True, REVIEWERS=REVIEWERS)
    stand_in = folder / STAND_IN_EMBED
    if not stand_in.exists():
        stand_in.parent.mkdir(parents=True, exist_ok=True)
        stand_in.write_text("<!doctype html><html lang=en><title>Embed stand-in</title>"
                            "<p id=embedded>framed</p></html>")
    return folder


@pytest.fixture(scope="session", params=sorted(CONFIG_NAMES))
def server(request, site, address):
    """nginx, then Caddy, each on the configuration the build wrote (one at a time: same port)."""
    config = config_folder(site) / CONFIG_NAMES[request.param]
    with RealServer(request.param, config, address) as running:
        yield running


