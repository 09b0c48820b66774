"""What the built pages give a reader on a phone: labelled table cells for the card layout,
"On this page" lists, headings that link to themselves, both colour schemes."""

import re
from html.parser import HTMLParser

from tests.build.test_site import ARTICLES, html_files
from tests.words import SITE_WORDS


class TableParser(HTMLParser):
    """Each table as its column headers and its body rows: (tag, attributes, text) per cell."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.cell, self.section = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append({"attrs": dict(attrs), "head": [], "rows": []})
        elif tag in ("thead", "tbody"):
            self.section = tag
        elif tag == "tr" and self.section == "tbody":
            self.tables[-1]["rows"].append([])
        elif tag in ("th", "td") and self.tables:
            self.cell = [tag, dict(attrs), ""]

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self.cell:
            table = self.tables[-1]
            (table["head"] if self.section == "thead" else table["rows"][-1]).append(self.cell)
            self.cell = None
        elif tag in ("thead", "tbody", "table"):
            self.section = None

    def handle_data(self, data):
        if self.cell:
            self.cell[2] += data


def tables_of(path):
    parser = TableParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tables


def test_data_table_cells_carry_their_column_header(site):
    checked = 0
    for path in html_files(site):
        for table in tables_of(path):
            if "data-table" not in table["attrs"].get("class", ""):
                continue
            labels = [text.strip() for _, _, text in table["head"]]
            for row in table["rows"]:
                (tag, attrs, _), *cells = row
                assert tag == "th" and attrs.get("scope") == "row", (path, row)
                assert [attrs.get("data-label") for _, attrs, _ in cells] == labels[1:], path
                checked += 1
    assert checked >= 40


def test_articles_list_their_sections_and_headings_link_to_themselves(site):
    for slug in ARTICLES:
        html = (site / slug / "index.html").read_text(encoding="utf-8")
        toc = re.search(r'<nav class="toc" aria-labelledby="on-this-page">(.*?)</nav>', html, re.S)
        assert toc, slug
        listed = re.findall(r'href="#([^"]+)"', toc[1])
        sections = re.findall(r'<h2 id="([^"]+)"', html.split("</nav>", 2)[2])
        assert len(listed) >= 3 and listed == [s for s in sections if s != "clinic-heading"], slug
        for id_, inner in re.findall(r'<h[23] id="([^"]+)">(.*?)</h[23]>', html):
            if id_ not in ("on-this-page", "references", "clinic-heading"):
                assert inner.startswith(f'<a class="heading-link" href="#{id_}">'), (slug, id_)
        back = SITE_WORDS("toc.back-to-top")
        assert f'<a href="#top">{back}</a>' in html and 'id="top"' in html, slug


def test_every_page_offers_both_colour_schemes(site):
    for path in html_files(site):
        html = path.read_text(encoding="utf-8")
        if "<head>" in html and "site.css" in html:
            assert '<meta name="color-scheme" content="light dark">' in html, path
