"""Pelican settings for local building and serving. Clinic identity lives here only."""

from jinja2.ext import i18n

SITENAME = "Ketamine for Chronic Pain: Dosing Explained"
SHORT_SITENAME = "Ketamine dosing"  # under the icon of the installed site (plugins/webapp)
SITESUBTITLE = "Plain-language education on how ketamine infusions are dosed, their side effects and who they suit"
SITEURL = ""
AUTHOR = "Editorial team"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

# The clinic that publishes the site. A fictional placeholder: replace every field.
CLINIC = {
    "name": "Harbourview Pain Clinic (example)",
    "address": ["100 Example Street, Suite 1", "Sampletown, ST 00000"],
    "phone": "+1 555 0100",
    "hours": [("Monday to Thursday", "8:00 to 16:30"), ("Friday", "8:00 to 12:00")],
    "booking_url": "https://booking.example.org/harbourview",
    "promo": "A fictional example clinic: put your own clinic's details in pelicanconf.py.",
}

# The clinic's look (plugins/palette; the authoring guide's "Rebranding" says it all). Colours
# are [light, dark]: brand (headings, buttons, the site's name) and accent (links), and any of
# theme/palette.toml's to replace the theme's; brand-hover and on-brand follow brand unless given.
# The build stops, naming the pair and a colour that passes, if any pair it draws text or a
# control in falls below WCAG AA. Logo and favicon: an SVG or PNG file, from this folder.
BRAND = {
    "colours": {"brand": ["#0b5563", "#86cfdb"], "accent": ["#0a55a3", "#94c6ff"]},
    "logo": "content/images/clinic-logo.svg",
    "favicon": "content/images/clinic-logo.svg",
}

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
THEME = "theme"
# The theme's words come from its catalogue (theme/locale, in DEFAULT_LANG): templates say
# {{ _("code") }} (plugins/site_words installs the words). Pelican keeps its defaults beside it.
# The extension is named by its class, not by its import string: pelican-i18n-subsites installs
# its own catalogue ("messages", theme/translations) where it finds the string.
JINJA_ENVIRONMENT = {"extensions": [i18n]}
OUTPUT_PATH = "output"

ARTICLE_URL = "{slug}/"
ARTICLE_SAVE_AS = "{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
INDEX_SAVE_AS = "index.html"
DIRECT_TEMPLATES = ["index"]
TEMPLATE_PAGES = {"robots.txt": "robots.txt"}
DEFAULT_PAGINATION = False
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
ARTICLE_ORDER_BY = "order"  # each article's Order: metadata (1-9)

FEED_DOMAIN = SITEURL
# Each language's feed holds its own articles (FEED_ALL_* would add every article's translations)
FEED_ATOM = "feeds/all.atom.xml"
FEED_ALL_ATOM = None
FEED_RSS = "feeds/all.rss.xml"
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["i18n_subsites", "languages", "authoring", "translations", "palette", "runtime", "embeds", "sections", "site_words", "share_image", "webapp", "sitemap", "offline", "production"]  # offline before production (its worker is precompressed), production last
SITEMAP = {"format": "xml", "exclude": [r"^embed/", r"^calculators/convert/"]}  # embeds point to their full page; the retired converter only says so

# Embeds (plugins/embeds): /embed/<calculator>/ and its oEmbed file, for each calculator that
# says it is embeddable. The oEmbed provider is the site (SITENAME, SITEURL/) unless
# EMBED_PROVIDER_NAME or EMBED_PROVIDER_URL say otherwise. The snippet's iframe is EMBED_WIDTH wide
# (it fills its column) and, until the loader sizes it, as high as its calculator's embed_height
# says (EMBED_HEIGHTS = {"name": px} overrides that for this site).
EMBED_WIDTH = 640

# Languages (plugins/languages, pelican-i18n-subsites): a sub-site a language under /LANG/, built
# from the same content; a translation is content/articles/es/NAME.md (or pages/es/PATH.md) with
# `Lang: es` and its English file's Slug. A page with no translation stays in the main language
# only (never shown in the sub-site; the build log names it). Each language's tag for `lang` and
# `hreflang`, in one place:
LANGUAGE_TAGS = {"en": "en", "es": "es-US"}
I18N_UNTRANSLATED_ARTICLES = "remove"
I18N_UNTRANSLATED_PAGES = "remove"
I18N_SUBSITES = {
    "es": {
        "SITENAME": "Ketamina para el dolor crónico: la dosis explicada",
        "SHORT_SITENAME": "Dosis de ketamina",
        "SITESUBTITLE": "Información clara sobre cómo se calcula la dosis de las infusiones de "
                        "ketamina, sus efectos secundarios y a quién le pueden servir",
        "CLINIC": {**CLINIC, "name": "Harbourview Pain Clinic (ejemplo)",
                   "hours": [("De lunes a jueves", "8:00 a 16:30"), ("Viernes", "8:00 a 12:00")],
                   "promo": "Una clínica de ejemplo, ficticia: ponga los datos de su propia "
                            "clínica en pelicanconf.py."},
        # The theme's files (and the runtime) are the main site's, linked from every language.
        "THEME_STATIC_PATHS": [],
        "TEMPLATE_PAGES": {},  # robots.txt is the main site's: it names every sitemap
    },
}

CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# Who reviews the articles. An article's `Reviewer:` is one of these keys, or a name and a
# credential written out ("A. Example, MD"). A fictional placeholder: replace it.
REVIEWERS = {"clinical-lead": "Dr A. Example, MD (clinical lead, example)"}
REVIEW_MAX_MONTHS = 12  # an older review is a build warning; an error with REVIEW_STRICT
REVIEW_STRICT = False
# A translation whose English source changed more than this many days ago, and which has not
# been brought up to date (plugins/translations), is a build warning; an error with REVIEW_STRICT.
TRANSLATION_MAX_DAYS = 30
