"""The sites of one build, a language each (the main site's and pelican-i18n-subsites' `I18N_SUBSITES`),
and the pages each has, by their path under the site's address: a page and its translation share
that path (`about/` and `es/about/`), so they pair by it, generated pages (the home page, a
calculator's, an embed) as much as written ones.

One `Sites` a build: made by the main site's Pelican, kept in its settings, which every sub-site's
settings copy (pelican-i18n-subsites), so two builds in one process never share one.
"""

import dataclasses
import posixpath

from plugins.site_words import N_

KEY = "LANGUAGE_SITES"  # the settings' (and the templates') name for the build's `Sites`
# The language switch's words, by the language it goes to: the same page, or that language's
# home page when the page has no translation (said in the language it goes to).
SWITCH_WORDS = {"en": (N_("language.to-en"), N_("language.home-en")),
                "es": (N_("language.to-es"), N_("language.home-es"))}


@dataclasses.dataclass
class Site:
    lang: str  # the catalogues' code: en, es
    tag: str  # the page's language tag (BCP 47): en, es-US
    url: str  # its SITEURL
    name: str  # its SITENAME
    output: str | None  # its OUTPUT_PATH (the main site's; a sub-site's is read from its own)
    pages: dict[str, str | None] = dataclasses.field(default_factory=dict)  # path -> source file
    read: bool = False  # whether `pages` is complete

    def link(self, path: str) -> str:
        return f"{self.url}/{path}"


@dataclasses.dataclass(frozen=True)
class Alternate:
    """The same page in another language (or that language's home page, when `translated` is
    false)."""

    lang: str
    tag: str
    url: str
    translated: bool

    @property
    def words(self) -> str:
        """The code of the switch's words for it (the site's catalogue)."""
        return SWITCH_WORDS[self.lang][0 if self.translated else 1]


class Sites:
    def __init__(self, settings):
        tags = settings.get("LANGUAGE_TAGS", {})
        self.main = settings["DEFAULT_LANG"]
        # Where pelican-i18n-subsites puts a sub-site unless its settings say otherwise.
        main_url = settings["SITEURL"] or "/"
        name = settings["SITENAME"]
        self.sites = {self.main: Site(self.main, tags.get(self.main, self.main),
                                      settings["SITEURL"], name, settings["OUTPUT_PATH"])}
        for lang, overrides in settings.get("I18N_SUBSITES", {}).items():
            url = overrides.get("SITEURL", posixpath.join(main_url, lang))
            self.sites[lang] = Site(lang, tags.get(lang, lang), url,
                                    overrides.get("SITENAME", name), None)

    def tag(self, lang: str) -> str:
        return self.sites[lang].tag

    def record(self, lang: str, pages: dict[str, str | None]) -> None:
        site = self.sites[lang]
        site.pages, site.read = pages, True

    def url(self, lang: str, path: str) -> str:
        """The page at `path` in this language, else in the main language (a page not yet
        translated is linked where it is)."""
        site = self.sites[lang]
        return site.link(path) if path in site.pages else self.sites[self.main].link(path)

    def alternates(self, lang: str, path: str | None) -> list[Alternate]:
        """The page at `path` in every language that has it, this one included, for hreflang
        (none when no other language has it). `path` None: a page with no address of its own
        (the 404 page)."""
        found = [Alternate(site.lang, site.tag, site.link(path), True)
                 for site in self.sites.values() if path is not None and path in site.pages]
        return found if len(found) > 1 else []

    def switch(self, lang: str, path: str | None) -> list[Alternate]:
        """Where the language switch goes from the page at `path`: the same page in each other
        language, or that language's home page when it has no such page."""
        return [Alternate(site.lang, site.tag, site.link(path), True)
                if path is not None and path in site.pages
                else Alternate(site.lang, site.tag, site.link(""), False)
                for site in self.sites.values() if site.lang != lang]


def of(settings) -> Sites | None:
    return settings.get(KEY)


def main_site(settings) -> tuple[str, str]:
    """The main site's SITEURL and OUTPUT_PATH: where the files every language shares (the
    runtime, the theme's files) are written once and linked from every site."""
    sites = of(settings)
    if sites is None:
        return settings["SITEURL"], settings["OUTPUT_PATH"]
    main = sites.sites[sites.main]
    return main.url, main.output


def every_site(settings) -> list[Site]:
    """Every language's site in the build, the main one first (a build with no sub-sites: its
    own site alone)."""
    sites = of(settings)
    if sites is None:
        lang = settings["DEFAULT_LANG"]
        return [Site(lang, settings.get("LANGUAGE_TAGS", {}).get(lang, lang), settings["SITEURL"],
                     settings["SITENAME"], settings["OUTPUT_PATH"])]
    return list(sites.sites.values())


def is_main_site(settings) -> bool:
    """Whether this build writes the shared files: the main site does, a sub-site links them."""
    sites = of(settings)
    return sites is None or settings["DEFAULT_LANG"] == sites.main
