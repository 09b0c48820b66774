"""`invoke new "Title"`: start an article with every field the build requires, as a draft whose
placeholders (`[draft: ...]`) keep it from being published until each is written.
`invoke new --translate content/articles/NAME.md`: start its Spanish translation the same way."""

import datetime
import os
import re
from pathlib import Path

from markdown.extensions.meta import META_RE

from plugins.authoring import rules
from plugins.translations.versions import LANG, body, source_version, translation_of
from project import ROOT

# Each `[draft: ...]` says what the author writes there. The build takes them as a draft's
# (Status: draft): it warns about them, and its page claims no review. An article that is not a
# draft may hold none: deleting only the Status line fails the build at each one.
TEMPLATE = """Title: {title}
Date: {today}
Reviewed: [draft: the day a clinician reviewed the article, written year-month-day]
Reviewer: [draft: {reviewer}, or the reviewer's name and credential, such as "A. Example, MD"]
Summary: [draft: one or two plain sentences about this article, under 160 characters]
Slug: {slug}
Category: Ketamine for chronic pain
Order: {order}
Status: draft

[draft: Start with what the reader wants to know, in short sentences and everyday words.]

## [draft: A first section]

[draft: State each clinical figure with its citation, for example [@asra-2018], and print
figures from the data file as the authoring guide shows. The build writes the numbered
References at the end from your citations: add a new source to content/references.json first.]
"""
NEXT_STEPS = ("write your own words in place of each [draft: ...], have a clinician review it "
              "and set Reviewed and Reviewer, then delete 'Status: draft'")


def slugify(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def used_slugs(content: Path) -> set[str]:
    """The slugs of every article and page: their Slug field, else their file name."""
    slugs = set()
    for path in content.rglob("*.md"):
        found = re.search(r"^Slug:\s*(\S+)", path.read_text("utf-8"), re.M)
        slugs.add(found[1] if found else path.stem)
    return slugs


def new_article(title: str, content: Path = ROOT / "content", reviewer: str = "clinical-lead",
                today: datetime.date | None = None) -> Path:
    """Write content/articles/<slug>.md; a ValueError when the title or slug will not do."""
    title = " ".join(title.split())
    slug = slugify(title)
    if not slug:
        raise ValueError("give the article a title with letters or numbers in it")
    if slug in used_slugs(content):
        raise ValueError(f"the slug {slug!r} is taken already: choose another title")
    articles = content / "articles"
    orders = [int(found[1]) for path in articles.glob("*.md")
              if (found := re.search(r"^Order:\s*(\d+)", path.read_text("utf-8"), re.M))]
    path = articles / f"{slug}.md"
    path.write_text(draft_text(title, slug, reviewer, max(orders, default=0) + 1,
                               today or datetime.date.today()), "utf-8")
    return path


def draft_text(title: str, slug: str, reviewer: str, order: int, today: datetime.date) -> str:
    return TEMPLATE.format(title=title, slug=slug, reviewer=reviewer, order=order,
                           today=today.isoformat())


# The header fields a translation says in its own words (the others it keeps as they are: Slug,
# URL, Save_as, Date, Order, Reviewed, Reviewer...).
TRANSLATED = ("title", "summary", "category", "tags")
# Words in a placeholder, never markup: a token written in it would be read as one.
TRANSLATE_NOTE = (
    "[draft: Translate the English below into plain US Spanish (usted, short sentences; the "
    "authoring guide's Translations section), in place. Keep every markup token as it is, in the "
    "same order, with the same numbers and citations, and use content/glossary-es.toml for "
    "medical words. Point links to the Spanish files. Delete this note when done.]")
TRANSLATION_STEPS = ("translate the title, the summary and the text in place of each [draft: "
                     "...], have it reviewed, then delete 'Status: draft'")


def new_translation(source, content: Path = ROOT / "content") -> Path:
    """Write the Spanish translation of the English file `source` (an article or a page) as a
    draft: its header filled (Lang and Source-Version recorded), the English text to translate
    in place. A ValueError when `source` is no English file, or its translation exists."""
    source = Path(source)
    if not source.is_file():
        raise ValueError(f"{source} does not exist: give the path of an English article or page, "
                         "such as content/articles/how-dosing-works.md")
    path = translation_of(source, content)
    if path.exists():
        raise ValueError(f"{os.path.relpath(path)} exists already: edit it (its Source-Version says which English "
                         "text it translates)")
    text = source.read_text("utf-8")
    if rules.header(text.split("\n"))[0].get("lang", (0, "en"))[1].strip() == LANG:
        raise ValueError(f"{source} is a translation already (Lang: {LANG})")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(translation_text(text, source_version(source)), "utf-8")
    return path


def translation_text(english: str, version: str) -> str:
    """A translation's draft of the English file's text, whose version is `version`."""
    lines = english.split("\n")
    _, first_body_line = rules.header(lines)
    header = []
    for line in lines[:first_body_line - 1]:
        found = META_RE.match(line)
        if not found or found["key"].lower() in ("status", "lang", "source-version"):
            continue
        value = found["value"].strip()
        if found["key"].lower() in TRANSLATED:
            value = f"[draft: translate: {value}]"
        header.append(f"{found['key']}: {value}")
    header += [f"Lang: {LANG}", f"Source-Version: {version}", "Status: draft"]
    return "\n".join(header) + f"\n\n{TRANSLATE_NOTE}\n\n{body(english)}\n"
