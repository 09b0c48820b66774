"""Offline, and the calculators warm before the reader opens one: a service worker at the site's
root for every language (`worker`, with the list of what it precaches from `manifest`), and what
the pages need to register it and to warm the runtime (`pages`).

`register()` only connects signals. The worker is written once the main site is (its sub-sites
are written before it), so its manifest sees every language's final files; list this plugin
before `production`, whose precompression must see the worker as it is.
"""

from pelican import signals

from plugins.languages.sites import is_main_site

from .pages import give_pages
from .worker import write_service_worker


def finalized(pelican):
    if is_main_site(pelican.settings):
        write_service_worker(pelican.settings)


def register():
    signals.all_generators_finalized.connect(give_pages)
    signals.finalized.connect(finalized)
