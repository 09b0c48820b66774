"""`invoke check`: a content report for the people who write, one table per article.

For each article: reading grade (Flesch-Kincaid and SMOG; target 8 or lower), review age,
references cited, internal links and anchors that do not resolve, and external links by host.
It builds the site into a temporary folder and reads the pages; it makes no request. Problems
that must be fixed (an out-of-date review, a broken link or anchor) make it exit non-zero.
"""

import datetime
import re
import sys
import tempfile
import warnings
from pathlib import Path
from urllib.parse import urlsplit

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from calculators import citation
from plugins.authoring.rules import cited_ids, months_since, review_limit
from project import ROOT
from scripts.html_index import parse  # the project's one reader of built pages

GRADE_TARGET = 8


def prose(markdown: str) -> str:
    """An article's body as plain sentences: no header, code, citations, syntax or tables."""
    body = markdown.split("\n\n", 1)[1] if "\n\n" in markdown else markdown
    body = re.sub(r"```.*?```", "", body, flags=re.S)
    body = re.sub(r"\[(?:@|calculator:|table:|value:)[^\]]*\]", "", body)
    body = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", body)
    body = re.sub(r"^\s*(?:#+|[-*]|\d+\.)\s*", "", body, flags=re.M)
    body = re.sub(r"^\|?[-| :]+\|?$", "", body, flags=re.M)
    return body.replace("|", ". ").replace("**", "")


def grades(text: str) -> tuple[float, float]:
    with warnings.catch_warnings():  # textstat 0.7.4 imports pkg_resources
        warnings.simplefilter("ignore")
        import textstat
    return textstat.flesch_kincaid_grade(text), textstat.smog_index(text)


def _header(markdown: str, name: str) -> str:
    found = re.search(rf"^{name}:\s*(.+)$", markdown.split("\n\n", 1)[0], re.M)
    return found[1].strip() if found else ""


def broken_links(page_path: Path, site: Path, pages: dict) -> list[str]:
    """Internal links (and their anchors) on a built page that lead nowhere."""
    broken = []
    page = pages.setdefault(page_path, parse(page_path))
    for href in page.links:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:")):
            continue
        target = page_path if not parts.path else site / parts.path.lstrip("/")
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            broken.append(f"{href} (no such page)")
        elif parts.fragment and parts.fragment not in pages.setdefault(target, parse(target)).ids:
            broken.append(f"{href} (no such anchor)")
    return broken


def report(content: Path, site: Path, settings: dict, today: datetime.date) -> tuple[str, int]:
    """The report's text, and how many problems must be fixed."""
    limit = review_limit(settings)
    lines, problems, pages, cited_anywhere = [], 0, {}, set()
    for source in sorted((content / "articles").glob("*.md")):
        markdown = source.read_text("utf-8")
        slug = _header(markdown, "Slug") or slugify(
            _header(markdown, "Title"),
            regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]))
        built = site / slug / "index.html"
        grade, smog = grades(prose(markdown))
        reviewed = datetime.date.fromisoformat(_header(markdown, "Reviewed"))
        age = months_since(reviewed, today)
        cited = sorted(cited_ids(markdown))
        cited_anywhere.update(cited)
        broken = broken_links(built, site, pages) if built.is_file() else ["(not built: a draft?)"]
        external = sorted({urlsplit(href).hostname for href in parse(built).links
                           if urlsplit(href).hostname} if built.is_file() else set())
        overdue = age >= limit
        problems += overdue + len(broken)
        rows = [
            ("Reading grade", f"{grade:.1f} Flesch-Kincaid, {smog:.1f} SMOG"
             + ("" if max(grade, smog) <= GRADE_TARGET else f" (above the target of {GRADE_TARGET})")),
            ("Review age", f"{age} months (reviewed {reviewed})"
             + (f" ERROR: older than {limit} months" if overdue else "")),
            ("References cited", f"{len(cited)}: {', '.join(cited) or 'none'}"),
            ("Internal links", "all resolve" if not broken else "ERROR: " + "; ".join(broken)),
            ("External links", ", ".join(external) or "none"),
        ]
        width = max(len(name) for name, _ in rows)
        lines += [f"{source.relative_to(content.parent)}", *(f"  {name:<{width}}  {value}"
                                                             for name, value in rows), ""]
    for page in (content / "pages").rglob("*.md"):
        cited_anywhere.update(cited_ids(page.read_text("utf-8")))
    unused = sorted(set(citation.read_source()) - cited_anywhere)
    lines.append("References listed in content/references.json but cited by no article or page "
                 f"(the calculators may still cite them): {', '.join(unused) or 'none'}")
    lines.append(f"{problems} problem(s) to fix." if problems else "No problems to fix.")
    return "\n".join(lines), problems


def main(settings_file: str = "pelicanconf.py") -> int:
    from pelican import Pelican
    from pelican.settings import read_settings

    with tempfile.TemporaryDirectory() as out:
        settings = read_settings(str(ROOT / settings_file), override={"OUTPUT_PATH": out})
        Pelican(settings).run()
        text, problems = report(Path(settings["PATH"]), Path(out), settings,
                                datetime.date.today())
    print(text)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
