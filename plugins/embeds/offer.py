"""What an embed offers another site: its addresses, the options its address may carry, the
snippet an educator pastes, and the oEmbed answer that holds the same snippet."""

import dataclasses
from html import escape

import calculators
from calculators import formats
from plugins.site_words import N_

LOADER = "js/embed.js"  # linked without a version: a pasted snippet keeps one address
# What the loader (embed.js, on the educator's page) and the embed page (embed-frame.js) post to
# each other. Pasted snippets keep loading the loader from its one address, and a copy cached
# before a rebuild meets today's embed pages: these names never change.
MESSAGES = {"height": "ketamine-dosing-embed:height", "measure": "ketamine-dosing-embed:measure"}
# The least and the most (px) the loader sizes a frame to, and the builder offers. The most is
# above the tallest full layout at 320 px wide, measured in Chromium: the schedule's worked
# example, about 4600 px (tests/browser/test_embeds.py measures every calculator's), and its
# longest plan (two years, every four weeks) about 7100 px. A frame is not cut short.
HEIGHTS = (200, 8000)
# The most a WordPress host sizes an embed to (wp-embed.js); the compact layout, an embed's
# default, fits it in a 600 px column (tests/browser/test_embeds.py).
CAPPED = 1000


@dataclasses.dataclass(frozen=True)
class Option:
    """A name an embed's address may carry, its label and its choices (value, label)."""

    name: str
    label: str
    choices: tuple[tuple[str, str], ...]


# How an embed looks, the first choice being what it shows when the address says nothing. The
# embed page applies a value listed here and ignores any other: a look is never an error. The
# labels are codes of the site's catalogue (`looks` says them). Compact comes first: it fits
# platforms that cap a frame's height (CAPPED); `?layout=full` shows everything at full size.
LOOKS = (
    Option("layout", N_("embed-look.layout"),
           (("compact", N_("embed-look.compact")), ("full", N_("embed-look.full")))),
    Option("theme", N_("embed-look.theme"),
           (("auto", N_("embed-look.auto")), ("light", N_("embed-look.light")),
            ("dark", N_("embed-look.dark")))),
)


def looks(site_say) -> tuple[Option, ...]:
    """The looks, their labels said in the site's language (`site_say`, plugins.site_words)."""
    return tuple(Option(look.name, site_say(look.label),
                        tuple((value, site_say(label)) for value, label in look.choices))
                 for look in LOOKS)


def presets(name: str, lang: str) -> tuple[Option, ...]:
    """The calculator's own choices (its select inputs, but for a question only the reader may
    answer, such as their age): an embed may start on one of them.

    They are ordinary inputs in the address, so the page's runtime sends them to Python, and a
    bad one is a field error like any other.
    """
    inputs = calculators.get(name).inputs
    clash = sorted({look.name for look in LOOKS} & {field.name for field in inputs})
    if clash:
        raise ValueError(f"calculator {name!r} has inputs named like embed looks: {clash}")
    return tuple(
        Option(field.name, field.say(field.label, lang),
               tuple(choice for choice in field.options(lang) if choice[0]))
        for field in inputs if field.preset
    )


@dataclasses.dataclass(frozen=True)
class Embed:
    """One calculator for other sites; URLs as the site links them (under SITEURL)."""

    name: str
    title: str  # the calculator's
    summary: str  # the calculator's: what it does, in a few words
    site: str  # SITENAME
    url: str  # the embed page, /embed/<name>/
    page_url: str  # the full calculator page: the link back
    oembed_url: str
    loader: str
    width: int
    height: int
    presets: tuple[Option, ...]
    looks: tuple[Option, ...]  # `looks(site_say)`
    frame_title: str  # the frame's accessible name: the calculator's title and the site's
    # The same embed in each of the site's languages, this one's included (none in a site of one
    # language): the snippet builder's language choice.
    languages: tuple["Language", ...] = ()

    @property
    def months(self) -> str:
        """Month names for the citation's date, as the calculators write them (comma-separated,
        for the snippet builder's script: no locale data is loaded in the page)."""
        return ",".join(formats.months_short())

    @property
    def messages(self) -> dict[str, str]:
        """The message names the embed page posts and hears (embed-frame.js reads them)."""
        return MESSAGES

    @property
    def heights(self) -> tuple[int, int]:
        """The heights the snippet may ask for, as the loader clamps them (the builder's field)."""
        return HEIGHTS

    @property
    def capped(self) -> int:
        """The most a capping platform (WordPress) sizes a frame to; the compact layout fits it."""
        return CAPPED

    @property
    def look_values(self) -> dict[str, list[str]]:
        """What the embed page accepts for each look (embed-frame.js reads it)."""
        return {look.name: [value for value, _ in look.choices] for look in self.looks}

    @property
    def parts(self) -> tuple[tuple[str, tuple[tuple[str, str | None], ...]], ...]:
        """The snippet's elements, each a tag and its attributes in order (None: one without a
        value): the iframe, at a fixed height that works without the loader, then the loader
        that sizes it to its content. The snippet builder (embed-builder.js) writes them as
        `snippet` does, with the address, height and loader it chooses."""
        return (
            ("iframe", (("src", self.url), ("title", self.frame_title), ("width", str(self.width)),
                        ("height", str(self.height)), ("style", "width:100%;border:0"),
                        ("loading", "lazy"), ("data-calculator-embed", None))),
            ("script", (("async", None), ("src", self.loader))),
        )

    @property
    def snippet(self) -> str:
        """What an educator pastes: the parts as HTML, an element a line."""
        return "\n".join(f"<{tag}{''.join(_attribute(*pair) for pair in attributes)}></{tag}>"
                         for tag, attributes in self.parts)

    def oembed(self, provider_name: str, provider_url: str) -> dict:
        """The oEmbed 1.0 answer (type rich) for the full page, with the default snippet."""
        return {
            "version": "1.0", "type": "rich", "title": self.title,
            "provider_name": provider_name, "provider_url": provider_url,
            "html": self.snippet, "width": self.width, "height": self.height,
        }


@dataclasses.dataclass(frozen=True)
class Language:
    """A calculator's embed in one language, as the builder offers it."""

    lang: str  # the catalogues' code: en, es
    tag: str  # BCP 47, for the choice's `lang`
    label: str  # the language's name, in that language
    embed: Embed


def _attribute(name: str, value: str | None) -> str:
    return f" {name}" if value is None else f' {name}="{escape(value)}"'
