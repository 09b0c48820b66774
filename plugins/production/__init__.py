"""What a real host needs beside the pages: the styled 404 page, the server configurations
generated from `hosting`'s policy (nginx, Caddy, `_headers`), and precompressed copies.

`register()` only connects signals; `pages`, `server_config` and `precompress` do the work.
"""

from pelican import signals

from plugins.languages.sites import is_main_site

from .pages import NotFoundPageGenerator
from .precompress import precompress_output
from .server_config import write_server_configs


def get_generators(pelican):
    return NotFoundPageGenerator


def finalized(pelican):
    """After every other plugin (the sitemap) has written: configurations, then compression, of
    the whole output, once the main site is written (its sub-sites are written before it)."""
    if not is_main_site(pelican.settings):
        return
    write_server_configs(pelican.settings)
    precompress_output(pelican.settings)


def register():
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(finalized)
