"""`invoke check`: a content report for the people who write, one table per article.

For each article: the authoring mistakes the build finds (the rules of plugins/authoring, the
build's own: a placeholder from `invoke new`, a date not written year-month-day, raw HTML...),
what a draft has left to fill in, reading grade (Flesch-Kincaid and SMOG; target 8 or lower),
review age, references cited, internal links and anchors that do not resolve, and external links
by host. For the Spanish translations (plugins/translations): each one's reading ease
(Fernández Huerta; target 60 or more, about grade 8), every translation out of date (its English
changed since) and every English article or page with no translation. It builds the site into a
temporary folder, every file the build can read, and reads the pages; it makes no request.
Problems that must be fixed (an authoring mistake, an out-of-date review, a broken link or
anchor, a question of the question list above the reading grade target, a translation out of
date for longer than TRANSLATION_MAX_DAYS) make it exit non-zero.
"""

import datetime
import re
import sys
import tempfile
import warnings
from pathlib import Path
from urllib.parse import urlsplit

from pelican import signals
from pelican.settings import DEFAULT_CONFIG, read_settings
from pelican.utils import slugify

from calculators import citation, data, tables
from plugins import authoring
from plugins.authoring import rules
from plugins.authoring.blocks import BLOCK_LINE
from plugins.authoring.errors import AuthoringError
from plugins.authoring.fences import numbered_lines
from plugins.translations import freshness
from plugins.translations.versions import translation_of
from project import ROOT
from scripts.html_index import parse  # the project's one reader of built pages
from scripts.site import build_site

GRADE_TARGET = 8
# Fernández Huerta's reading ease (0-100, higher is easier): 60 or more reads at about grade 8.
EASE_TARGET = 60


def prose(markdown: str) -> str:
    """An article's body as plain sentences: no header, code, citations, syntax or tables."""
    body = markdown.split("\n\n", 1)[1] if "\n\n" in markdown else markdown
    body = re.sub(r"```.*?```", "", body, flags=re.S)
    body = re.sub(r"\[(?:@|calculator:|table:|value:)[^\]]*\]", "", body)
    body = re.sub(r"\[(?:en|es):[^\]]*\]", "", body)  # words in the other language: not measured
    body = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", body)
    body = re.sub(r"^\s*(?:#+|[-*]|\d+\.)\s*", "", body, flags=re.M)
    body = re.sub(r"^\|?[-| :]+\|?$", "", body, flags=re.M)
    return body.replace("|", ". ").replace("**", "")


def cited_ids(markdown: str) -> set[str]:
    """The reference ids a text cites: its own ([@id]) and those of the tables it shows from
    the data file (`[table: NAME]`, whose rows carry their citations)."""
    ids = rules.cited_ids(markdown)
    for _, line, in_code in numbered_lines(markdown.splitlines()):
        block = None if in_code else BLOCK_LINE.match(line)
        if block and block["kind"] == "table" and block["name"] in tables.NAMES:
            tables.render(block["name"], lambda refs: ids.update(refs) or "")
    return ids


def grades(text: str) -> tuple[float, float]:
    with warnings.catch_warnings():  # textstat 0.7.4 imports pkg_resources
        warnings.simplefilter("ignore")
        import textstat
    return textstat.flesch_kincaid_grade(text), textstat.smog_index(text)


def spanish_ease(text: str) -> float:
    """Fernández Huerta's reading ease of a Spanish text (textstat 0.7.4: 206.84 - 60 x syllables
    a word - 1.02 x words a sentence, Spanish syllables), the language set back afterwards."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import textstat
    textstat.set_lang("es")
    try:
        return textstat.fernandez_huerta(text)
    finally:
        textstat.set_lang("en_US")  # textstat's default, which the English grades use


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


def report(content: Path, site: Path, settings: dict, today: datetime.date,
           mistakes=()) -> tuple[str, int]:
    """The report's text, and how many problems must be fixed. `mistakes` are the build's
    authoring errors (AuthoringError: path, line, message)."""
    lines, problems, pages, cited_anywhere = [], 0, {}, set()
    by_file = {}
    for mistake in mistakes:
        by_file.setdefault(Path(mistake.path).resolve(), []).append(mistake)
    for source in sorted((content / "articles").glob("*.md")):
        markdown = source.read_text("utf-8")
        cited = sorted(cited_ids(markdown))
        cited_anywhere.update(cited)
        rows, found = article_rows(markdown, cited, site, settings, today,
                                   by_file.pop(source.resolve(), []), pages)
        rows.insert(next(number for number, (name, _) in enumerate(rows)
                         if name == "Reading grade") + 1, spanish_row(source, content))
        problems += found
        width = max(len(name) for name, _ in rows)
        lines += [f"{source.relative_to(content.parent)}", *(f"  {name:<{width}}  {value}"
                                                             for name, value in rows), ""]
    for page in (content / "pages").rglob("*.md"):
        cited_anywhere.update(cited_ids(page.read_text("utf-8")))
    others = [mistake for found in by_file.values() for mistake in found]
    if others:
        problems += len(others)
        lines += ["Authoring errors in other files:", *(f"  ERROR: {mistake}" for mistake in others), ""]
    said, found = translations_report(content, settings, today)
    problems += found
    lines += [*said, ""]
    said, found = question_list()
    problems += found
    lines += [*said, ""]
    unused = sorted(set(citation.read_source()) - cited_anywhere)
    lines.append("References listed in content/references.json but cited by no article or page "
                 f"(the calculators may still cite them): {', '.join(unused) or 'none'}")
    lines.append(f"{problems} problem(s) to fix." if problems else "No problems to fix.")
    return "\n".join(lines), problems


def article_rows(markdown, cited, site, settings, today, mistakes, pages):
    """An article's rows (name, value), and how many problems they hold: its authoring
    mistakes, a draft's placeholders, reading grade, review age, the references it cites and
    its links (those of its page, or of its draft's page)."""
    source_lines = markdown.split("\n")
    fields, _ = rules.header(source_lines)
    field = {name: value for name, (_, value) in fields.items()}
    draft = rules.is_draft(fields)
    slug = field.get("slug") or slugify(field.get("title", ""), regex_subs=settings.get(
        "SLUG_REGEX_SUBSTITUTIONS", DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]))
    built = site / "drafts" / f"{slug}.html" if draft else site / slug / "index.html"
    built = built if slug and built.is_file() else None  # (no slug: no page of its own)
    rows = [("Authoring", f"ERROR: {where(mistake)}{mistake.message}") for mistake in mistakes]
    if draft:
        left = rules.placeholder_lines(source_lines)
        rows.append(("Draft", "not published (Status: draft)" + (
            f"; {len(left)} placeholder(s) from invoke new left, lines {', '.join(map(str, left))}"
            if left else "")))
    grade, smog = grades(prose(markdown))
    rows.append(("Reading grade", f"{grade:.1f} Flesch-Kincaid, {smog:.1f} SMOG" + (
        "" if max(grade, smog) <= GRADE_TARGET else f" (above the target of {GRADE_TARGET})")))
    try:
        reviewed = rules.iso_date(field.get("reviewed", ""))
    except ValueError:  # a draft's placeholder, or an authoring mistake above
        reviewed = None
    limit = rules.review_limit(settings)
    overdue = reviewed is not None and rules.months_since(reviewed, today) >= limit
    rows.append(("Review age", "no review date" if reviewed is None else (
        f"{rules.months_since(reviewed, today)} months (reviewed {reviewed})"
        + (f" ERROR: older than {limit} months" if overdue else ""))))
    if built:
        broken = broken_links(built, site, pages)
        links = "all resolve" if not broken else "ERROR: " + "; ".join(broken)
        external = sorted({urlsplit(href).hostname for href in parse(built).links
                           if urlsplit(href).hostname})
    else:  # left out of the build: for its mistakes, else for a reason the build's log gives
        broken, external = ([] if mistakes else ["not built"]), []
        links = ("not checked: not built, for its authoring errors" if mistakes
                 else "ERROR: not built: the build's log says why")
    rows += [("References cited", f"{len(cited)}: {', '.join(cited) or 'none'}"),
             ("Internal links", links), ("External links", ", ".join(external) or "none")]
    return rows, len(mistakes) + overdue + len(broken)


def spanish_row(source: Path, content: Path) -> tuple[str, str]:
    """An English article's row for the reading ease of its Spanish translation."""
    translation = translation_of(source, content)
    if not translation.is_file():
        return "Spanish reading", "no translation yet"
    return "Spanish reading", ease_words(prose(translation.read_text("utf-8")))


def ease_words(text: str) -> str:
    ease = spanish_ease(text)
    return f"{ease:.1f} Fernández Huerta" + (
        "" if ease >= EASE_TARGET else f" (below the target of {EASE_TARGET})")


def english_files(content: Path) -> list[Path]:
    """Every English article and page (what is not in a translations' folder)."""
    return sorted(path for folder in ("articles", "pages") for path in (content / folder).rglob("*.md")
                  if not freshness.is_translation(path.read_text("utf-8").split("\n")))


def translations_report(content: Path, settings: dict, today: datetime.date
                        ) -> tuple[list[str], int]:
    """The Spanish translations: each page's reading ease, those out of date (one out of date
    for longer than TRANSLATION_MAX_DAYS is a problem to fix), the English with none. A
    translation the build refuses (no Source-Version, no source) is among the authoring errors."""
    read, outdated, too_old = [], [], []

    def shown(path):
        return Path(path).resolve().relative_to(content.parent.resolve())
    for path in sorted(content.rglob("*.md")):
        markdown = path.read_text("utf-8")
        if not freshness.is_translation(markdown.split("\n")):
            continue
        try:
            translation = freshness.read(path, content)
        except AuthoringError:
            continue
        read.append(f"  {shown(path)}  {ease_words(prose(markdown))}")
        if translation.outdated:
            days, problem = translation.days_outdated(today), freshness.too_old(
                translation, settings, today)
            said = (f"  {shown(path)}  translates {shown(translation.source)}, out of date since "
                    f"{translation.since:%Y-%m-%d} ({days} days)")
            (too_old if problem else outdated).append(
                f"{said} ERROR: more than {freshness.max_days(settings)} days" if problem else said)
    missing = [path for path in english_files(content)
               if not translation_of(path, content).is_file()]
    limit = freshness.max_days(settings)
    lines = [f"Spanish translations: reading ease (Fernández Huerta, target {EASE_TARGET} or "
             "more, about grade 8 or below)", *(read or ["  none yet"])]
    lines += [f"Translations out of date (their English changed): update each translation, then "
              f"set its Source-Version as the build's warning says; after {limit} days "
              "(TRANSLATION_MAX_DAYS) a production build fails", *too_old, *outdated,
              *([] if too_old or outdated else ["  none"])]
    lines += ["English articles and pages with no Spanish translation: start each with invoke new "
              "--translate PATH (listed, not a problem to fix)",
              *([f"  {shown(path)}" for path in missing] or ["  none"])]
    return lines, len(too_old)


def question_list() -> tuple[list[str], int]:
    """The question list's reading grade: each question with its reason, as the list shows them
    (Flesch-Kincaid; a few sentences are too few for SMOG). One above the target is a problem to
    fix in the words file; else one line says they all meet it, and which is highest."""
    items = [(f"considerations.{c.key}", c.question, c.why)
             for c in data.considerations().values()]
    items += [(f"general.{q.key}", q.question, q.why) for q in data.general_questions()]
    graded = [(grades(f"{question} {why}")[0], where) for where, question, why in items]
    above = [(grade, where) for grade, where in graded if grade > GRADE_TARGET]
    if above:
        return [f"Question list (calculators/data/words/en.toml): {len(above)} question(s) above "
                f"reading grade {GRADE_TARGET}",
                *(f"  ERROR: [{where}] grade {grade:.1f} Flesch-Kincaid, with its reason: say it "
                  "in shorter sentences and plainer words" for grade, where in above)], len(above)
    grade, where = max(graded)
    return [f"Question list: all {len(graded)} questions are at reading grade {GRADE_TARGET} or "
            f"below (Flesch-Kincaid, each with its reason); the highest is [{where}] at "
            f"{grade:.1f}"], 0


def where(mistake) -> str:
    return f"line {mistake.line}: " if mistake.line else ""


def run(today: datetime.date, settings_file: str = "pelicanconf.py", **overrides) -> tuple[str, int]:
    """Build the site into a temporary folder, every file the build can read (AUTHORING_STOP
    off: the others' mistakes are collected, not the end of the build), and report on it."""
    settings = read_settings(str(ROOT / settings_file), override=overrides)
    found = []

    def collect(generators):
        # Each language's build reads every file (the Spanish one, the English files too, before
        # it leaves them out): a mistake is reported once.
        said = set(map(str, found))
        found.extend(mistake for mistake in authoring.mistakes(generators) if str(mistake) not in said)

    signals.all_generators_finalized.connect(collect)
    try:
        with tempfile.TemporaryDirectory() as out:
            build_site(out, settings_file, AUTHORING_STOP=False, **overrides)
            return report(Path(settings["PATH"]), Path(out), settings, today, found)
    finally:
        signals.all_generators_finalized.disconnect(collect)


def main(settings_file: str = "pelicanconf.py") -> int:
    text, problems = run(datetime.date.today(), settings_file)
    print(text)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
