"""The words tests look for on a page, from the catalogues, never typed in English: a wording
change in a .po file breaks no test. And the check that a page in one language shows no word of
another (`foreign_words`), for the CPython and the browser tests alike."""

import functools
import re
from pathlib import Path

from calculators import citation
from plugins import site_words
from project import ROOT

# The site's words in English, by code (the templates', the plugins' and the scripts').
SITE_WORDS = site_words.words_of(site_words.catalogue(ROOT / "theme", "en"))
# The languages of the built site: the main one at the root, each other in a folder of its name.
SUB_SITES = ("es",)


def site_words_in(lang: str):
    """The site's words in `lang`, by code."""
    return site_words.words_of(site_words.catalogue(ROOT / "theme", lang))


def page_language(site, path) -> tuple[str, tuple[str, ...]]:
    """A built page's language and its path's parts under its language's site: ("es",
    ("calculators", "dose", "index.html")) for es/calculators/dose/index.html."""
    parts = path.relative_to(site).parts
    return (parts[0], parts[1:]) if parts[0] in SUB_SITES else ("en", parts)


def fixed_part(words: str) -> str:
    """The longest stretch of an entry's words without a {placeholder}: what a page shows
    whatever fills the placeholders (a locator's has_text, say)."""
    return max(re.split(r"\{[^{}]*\}", words), key=len).strip()


# What a language's words are made of, for the check that a page in one language shows none of
# another's: the calculators' catalogue, their data words and (when the language has one) the
# theme's catalogue. A word is a run of letters (any script, accented ones too), lowercased.
_LETTERS = re.compile(r"[^\W\d_]+")
# What is no word of the text: a {placeholder} or an argparse %(placeholder)s, and markup.
_NOT_WORDS = re.compile(r"\{[^{}]*\}|%\([^)]*\)[a-z]|<[^>]*>")
# What a page or a command line shows that is a code, never translated: a query (?a=b&c=d), a
# flag (--open-days), a pair (weight=70), values joined by | or , (yes|no; mon,tue,wed), a DOI,
# a reference's id in brackets ([ketalar-label]), a path (/es/calculators/dose/,
# content/references.json) or a file's name (diary.json).
_CODES = re.compile(r"\?\S+|--[\w-]+|\S+=\S*|\S*[\w-]\|[\w|-]+\S*|\b[a-z-]+(?:,[a-z-]+)+\b"
                    r"|\bdoi:\S+|\[[\w-]+\]|(?<![\w/])/[\w./-]*|\b[\w.-]+(?:/[\w.-]+)+/?"
                    r"|\b[\w-]+\.(?:md|json|toml|py|ics|html|svg|png|pdf|txt)\b")
# Words a language writes that its catalogues and data words happen never to use: not foreign
# in its pages ("local", "compare" as the polite imperative, IV for an intravenous line).
ALSO = {"es": frozenset({"local", "compare", "iv"})}


def words_in(text: str) -> set[str]:
    """The words of a text, lowercased."""
    return {word.lower() for word in _LETTERS.findall(_NOT_WORDS.sub(" ", text))}


def _strings(value) -> list[str]:
    """Every string inside parsed TOML (tables and lists, at any depth)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [text for item in value for text in _strings(item)] if isinstance(value, list) else []


def vocabulary(lang: str) -> set[str]:
    """Every word a language's catalogues and data words hold (its msgstr, never its codes)."""
    import tomllib

    from babel.messages.pofile import read_po

    catalogues = [ROOT / "calculators" / "locale" / lang / "LC_MESSAGES" / "calculators.po",
                  ROOT / "theme" / "locale" / lang / "LC_MESSAGES" / "site.po"]
    texts = []
    for path in filter(Path.is_file, catalogues):
        with path.open("rb") as file:
            for message in read_po(file):
                if message.id:
                    said = message.string
                    texts += list(said) if isinstance(said, tuple) else [said]
    words = ROOT / "calculators" / "data" / "words" / f"{lang}.toml"
    texts += _strings(tomllib.loads(words.read_text("utf-8")))
    if lang == "en":  # the references' words the site wrote (the other languages': their overlay)
        texts += [_without(text, published_texts()) for item in citation.read_source().values()
                  for text in citation.site_words(item).values()]
    return set().union(*map(words_in, texts))


# Names the site's own words about a reference use (a medicine's brand), the same in every language
PRODUCT_NAMES = ("Ketalar",)


@functools.cache
def published_texts() -> frozenset[str]:
    """What a reference shows as its source published it, in every language: its authors' names
    (whole, and the family name a short label gives), its published title, its journal's names;
    and the product names its label uses. The one part of a Spanish reference that may be
    English."""
    kept = set(PRODUCT_NAMES)
    for item in citation.read_source().values():
        for name in item.get("author", ()):
            kept |= {name.get("literal"), name.get("family"),
                     f"{name.get('family', '')} {name.get('given', '')}".strip()}
        kept |= {item.get("container-title"), item.get("container-title-short")}
        if "title" not in citation.site_words(item):  # not the site's description of the source
            kept.add(item.get("title"))
    return frozenset(filter(None, kept))


def _without(text: str, kept) -> str:
    """A text with every `kept` text in it blanked out (the longest first)."""
    for text_kept in sorted(filter(None, kept), key=len, reverse=True):
        text = text.replace(text_kept, " ")
    return text


@functools.cache
def only_in(lang: str, other: str) -> frozenset[str]:
    """The words of `lang` that `other` never uses (English words a Spanish page must not show)."""
    return frozenset(vocabulary(lang) - vocabulary(other) - ALSO.get(other, frozenset()))


# Elements with no end tag: they can hold no text to leave out
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}
_CODE = {"code", "pre", "kbd", "samp"}


def visible_text(html: str, lang: str | None = None, code: bool = True) -> str:
    """What a reader sees or hears of an HTML fragment: its text (no script or style) and the
    attributes said or shown (alt, title, aria-label, placeholder, a table cell's data-label).
    With `lang`, without what is marked as another language (`lang="en"` in a Spanish page: a
    name or a term given in English, as WCAG's language of parts asks); with `code=False`,
    without code (`<code>`, `<pre>`...: file names, fields and markup, never translated)."""
    from html.parser import HTMLParser

    said = ("alt", "title", "aria-label", "aria-description", "placeholder", "data-label")

    def left_out(tag, attrs) -> bool:
        other = lang and (dict(attrs).get("lang") or lang).split("-")[0] != lang
        return tag in ("script", "style") or (not code and tag in _CODE) or bool(other)

    class Reader(HTMLParser):
        def __init__(self):
            super().__init__()
            self.parts, self.skipped, self.depth = [], None, 0  # the element left out, nesting

        def handle_starttag(self, tag, attrs):
            if self.skipped:
                self.depth += tag == self.skipped
            elif left_out(tag, attrs) and tag not in _VOID:
                self.skipped, self.depth = tag, 1
            else:
                self.parts += [value for name, value in attrs if name in said and value]

        def handle_endtag(self, tag):
            if tag == self.skipped:
                self.depth -= 1
                self.skipped = self.skipped if self.depth else None

        def handle_data(self, data):
            if not self.skipped:
                self.parts.append(data)

    reader = Reader()
    reader.feed(html)
    reader.close()
    return "\n".join(reader.parts)


def foreign_words(text: str, lang: str = "es", other: str = "en", kept=()) -> set[str]:
    """The words of `other` (words `lang` never uses) in a text of `lang`, once the codes and the
    `kept` texts (reference titles, names, what a person typed: shown as they are) are taken
    out. Empty when the text is all `lang`'s."""
    return words_in(_CODES.sub(" ", _without(text, kept))) & only_in(other, lang)
