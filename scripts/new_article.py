"""`invoke new "Title"`: start an article with every field the build requires, as a draft."""

import datetime
import re
from pathlib import Path

from project import ROOT

TEMPLATE = """Title: {title}
Date: {today}
Reviewed: {today}
Reviewer: {reviewer}
Summary: One or two plain sentences about this article, under 160 characters.
Slug: {slug}
Category: Ketamine for chronic pain
Order: {order}
Status: draft

Start with what the reader wants to know, in short sentences and everyday words.

## A first section

State each clinical figure with its citation, for example [@asra-2018], and print figures from
the data file as the authoring guide shows.

## References

The build writes the numbered references from your citations. Add a new source to
content/references.json first. Before publishing, have a clinician review the article, set
Reviewed to that day and Reviewer to them, and delete the Status line.
"""


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
    path.write_text(TEMPLATE.format(
        title=title, slug=slug, reviewer=reviewer, order=max(orders, default=0) + 1,
        today=(today or datetime.date.today()).isoformat()), "utf-8")
    return path
