"""The site in several languages: pelican-i18n-subsites builds a sub-site a language (`/es/`) from
the same content; this plugin pairs their pages (`sites`), gives the templates `LANGUAGE_SITES`
(hreflang alternates and the language switch), says in the log which pages have no translation,
and gives each sub-site its own feeds' address and its own sitemap (`sitemaps`).

`register()` only connects signals. The shared files (runtime, theme) are written by the main
site alone: the plugins that write them ask `sites.is_main_site` and link `sites.main_site`.
"""

import logging
import os

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.plugins.i18n_subsites import i18n_subsites
from pelican.plugins.sitemap import sitemap

from . import sitemaps
from .sites import KEY, Sites, is_main_site, of

logger = logging.getLogger(__name__)


def start(pelican):
    """The main site's Pelican makes the build's `Sites`; a sub-site's settings already hold it."""
    settings = pelican.settings
    if KEY not in settings:
        # A build that stopped (on purpose, in a test) before its sub-sites ran leaves both
        # plugins holding its settings or its Pelican: this build starts them afresh.
        i18n_subsites._MAIN_SETTINGS = None
        sitemap.generator._main_pelican = None
        sitemap.generator.page_queue = []
        settings[KEY] = Sites(settings)
        return
    sites = of(settings)
    if settings["FEED_DOMAIN"] == sites.sites[sites.main].url:
        settings["FEED_DOMAIN"] = settings["SITEURL"]  # a sub-site's feeds list its own pages


def main_language_by_default(generator, metadata):
    """A file without `Lang:` is in the main language: a sub-site reads it too, and would
    otherwise take it for one in its own DEFAULT_LANG."""
    sites = of(generator.settings)
    if sites is not None:
        metadata.setdefault("lang", sites.main)


def record_pages(generators):
    """After a site is read: the paths of its pages, for pairing, and, in a sub-site, a warning
    for each written page of the main site that has no translation here."""
    settings = generators[0].settings
    sites, lang = of(settings), settings["DEFAULT_LANG"]
    if sites is None:
        return
    pages = {"": None}  # the home page
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            items = generator.articles
        elif isinstance(generator, PagesGenerator):
            items = generator.pages + generator.hidden_pages
        else:
            items = ()
        pages.update((item.url, item.source_path) for item in items)
        pages.update(dict.fromkeys(getattr(generator, "written_paths", ())))
    sites.record(lang, pages)
    if not is_main_site(settings):
        warn_untranslated(sites.sites[sites.main].pages, pages, lang)


def warn_untranslated(main_pages, pages, lang):
    root = os.getcwd()
    for path, source in sorted(main_pages.items()):
        if source and os.path.isfile(source) and path not in pages:
            logger.warning("languages: %s has no translation in '%s': its page (%s) is in the "
                           "main language only", os.path.relpath(source, root), lang, path)


def register():
    signals.initialized.connect(start)
    signals.article_generator_context.connect(main_language_by_default)
    signals.page_generator_context.connect(main_language_by_default)
    signals.all_generators_finalized.connect(record_pages)
    signals.finalized.connect(sitemaps.write_subsite_sitemap)
