"""The built Spanish pages say nothing in English: their numbered References are written in
Spanish (the site's words about each source, from content/references-es.toml), and no page's
text holds an English word (tests/words.py: a word of the English catalogues, data words or
references that the Spanish ones never use). Shown as they are: what a source published (its
authors, title and journal), the clinic's name and address, code, and what a page marks as
English (`lang="en"`: the language switch, a term given in English)."""

import re
from pathlib import Path

from calculators import citation, data
from calculators.render import reference_html
from pelicanconf import I18N_SUBSITES, REVIEWERS
from plugins.authoring.fences import prose_lines
from project import ROOT
from tests import words

ES = "es"
CLINIC = I18N_SUBSITES[ES]["CLINIC"]
KEPT = words.published_texts() | {CLINIC["name"], *CLINIC["address"], *REVIEWERS.values()}  # names
REFERENCE = re.compile(r'<li id="ref-([\w-]+)">(.*?)</li>', re.DOTALL)


def spanish_pages(site: Path) -> list[Path]:
    return sorted((site / ES).rglob("*.html"))


def test_the_articles_references_are_cited_in_spanish(site):
    cited = {}
    for path in spanish_pages(site):
        for ref_id, item in REFERENCE.findall(path.read_text("utf-8")):
            assert item == reference_html(ref_id, doi_link=True, lang=ES), (path, ref_id)
            cited[ref_id] = item
    # Those the site writes something about beyond a label (a note, a descriptive title) read
    # otherwise in English: the Spanish words are the ones used, not only the same ones.
    described = {ref_id for ref_id, item in citation.read_source().items()
                 if set(citation.site_words(item)) - {"citation-label"}}
    differ = {ref_id for ref_id in cited
              if data.references(ES)[ref_id].citation != data.references()[ref_id].citation}
    assert len(described & set(cited)) > 10 and differ == described & set(cited)


def test_no_reference_list_shows_english(site):
    lists = 0
    for path in spanish_pages(site):
        html = path.read_text("utf-8")
        for part in re.findall(r'<section class="references".*?</section>'
                               r'|<ol class="calculator-references">.*?</ol>', html, re.DOTALL):
            lists += 1
            found = words.foreign_words(words.visible_text(part, ES), kept=KEPT)
            assert not found, f"{path}: English words {sorted(found)} in its references"
    assert lists > 10


def _source(site: Path, path: Path) -> Path | None:
    """The Spanish content file a built page comes from (None: the theme's own page)."""
    built = path.relative_to(site / ES).as_posix()
    for source in sorted((ROOT / "content").rglob(f"{ES}/**/*.md")):
        header = source.read_text("utf-8").split("\n\n", 1)[0]
        fields = dict(re.findall(r"^(\w+):\s*(.*)$", header, re.MULTILINE))
        if fields.get("Save_as", f"{fields.get('Slug')}/index.html") == built:
            return source
    return None


# Markup the build replaces (values, citations, blocks, link targets): never shown as written
MARKUP = re.compile(r"\[[\w-]+:[^\]]*\]|\[@[^\]]*\]|\]\([^)]*\)|\{filename\}\S*")


def _where(source: Path | None, found: set[str]) -> list[str]:
    """The source's prose lines that show the words found (file:line: words), and the words no
    line shows (they come from the theme, or from pelicanconf.py: a reviewer's title)."""
    lines, shown = [], set()
    if source is not None:
        header, _, body = source.read_text("utf-8").partition("\n\n")
        first = header.count("\n") + 3  # the body's first line
        for number, line in prose_lines(body.splitlines()):
            here = words.foreign_words(MARKUP.sub(" ", line), kept=KEPT) & found
            if here:
                shown |= here
                lines.append(f"  {source.relative_to(ROOT)}:{number + first - 1}: {sorted(here)}")
    if found - shown:
        lines.append(f"  (the theme or pelicanconf.py) {sorted(found - shown)}")
    return lines


def test_no_spanish_page_shows_english(site):
    report = []
    pages = spanish_pages(site)
    for path in pages:
        text = words.visible_text(path.read_text("utf-8"), ES, code=False)
        found = words.foreign_words(text, kept=KEPT)
        if found:
            report += [f"{path.relative_to(site)}:", *_where(_source(site, path), found)]
    assert len(pages) > 20
    assert not report, ("English words in Spanish pages (mark a name or term given in English "
                        'with lang="en", a code as `code`, or translate it):\n' + "\n".join(report))
