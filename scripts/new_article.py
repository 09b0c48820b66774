"""`invoke new "Title"`: start an article with every field the build requires, as a draft whose
placeholders (`[draft: ...]`) keep it from being published until each is written."""

import datetime
import re
from pathlib import Path

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
