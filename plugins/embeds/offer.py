"""What an embed offers another site: its addresses, the options its address may carry, the
snippet an educator pastes, and the oEmbed answer that holds the same snippet."""

import dataclasses
from html import escape

import calculators
from calculators import formats

LOADER = "js/embed.js"  # linked without a version: a pasted snippet keeps one address


@dataclasses.dataclass(frozen=True)
class Option:
    """A name an embed's address may carry, its label and its choices (value, label)."""

    name: str
    label: str
    choices: tuple[tuple[str, str], ...]


# How an embed looks, the first choice being what it shows when the address says nothing. The
# embed page applies a value listed here and ignores any other: a look is never an error.
LOOKS = (
    Option("layout", "Layout",
           (("full", "Full"), ("compact", "Compact: no help lines under the fields"))),
    Option("theme", "Colours",
           (("auto", "As the reader's system prefers"), ("light", "Light"), ("dark", "Dark"))),
)


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
    looks: tuple[Option, ...] = LOOKS

    @property
    def months(self) -> str:
        """Month names for the citation's date, as the calculators write them (comma-separated,
        for the snippet builder's script: no locale data is loaded in the page)."""
        return ",".join(formats.months_short())

    @property
    def frame_title(self) -> str:
        return f"{self.title}, from {self.site}"

    @property
    def look_values(self) -> dict[str, list[str]]:
        """What the embed page accepts for each look (embed-frame.js reads it)."""
        return {look.name: [value for value, _ in look.choices] for look in self.looks}

    @property
    def snippet(self) -> str:
        """What an educator pastes: the iframe, at a fixed height that works without the loader,
        then the loader that sizes it to its content."""
        return (
            f'<iframe src="{escape(self.url)}" title="{escape(self.frame_title)}" '
            f'width="{self.width}" height="{self.height}" style="width:100%;border:0" '
            'loading="lazy" data-calculator-embed></iframe>\n'
            f'<script async src="{escape(self.loader)}"></script>'
        )

    def oembed(self, provider_name: str, provider_url: str) -> dict:
        """The oEmbed 1.0 answer (type rich) for the full page, with the default snippet."""
        return {
            "version": "1.0", "type": "rich", "title": self.title,
            "provider_name": provider_name, "provider_url": provider_url,
            "html": self.snippet, "width": self.width, "height": self.height,
        }
