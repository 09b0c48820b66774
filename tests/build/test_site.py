"""A real Pelican build of the site, and what its HTML must hold."""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import calculators
from pelicanconf import CLINIC, I18N_SUBSITES
from scripts.html_index import parse, start_tags, text_of
from tests.words import SITE_WORDS, page_language, site_words_in

ARTICLES = [
    "how-dosing-works", "how-strong-is-the-evidence", "step-by-step",
    "factors-that-influence-dose", "protocols-in-practice", "side-effects-and-monitoring",
    "patient-experience", "who-is-not-a-candidate",
]
PAGES = ["about", "disclaimer", "calculators", "calculators/dose", "calculators/schedule",
         "calculators/questions", "authoring", "diary"]


def html_files(site):
    return sorted(site.rglob("*.html"))


def test_every_article_and_page_is_built(site):
    for slug in ARTICLES + PAGES:
        assert (site / slug / "index.html").is_file(), slug
    assert (site / "index.html").is_file()
    assert "User-agent: *" in (site / "robots.txt").read_text()


def test_feeds_and_sitemap(site):
    atom = (site / "feeds" / "all.atom.xml").read_text()
    assert atom.count("<entry>") == len(ARTICLES)
    assert (site / "feeds" / "all.rss.xml").read_text().count("<item>") == len(ARTICLES)
    sitemap = (site / "sitemap.xml").read_text()
    for slug in ARTICLES + PAGES:
        assert f"/{slug}/</loc>" in sitemap, slug


def test_every_page_has_its_own_title_and_description(site):
    pages = [parse(path) for path in html_files(site)]
    titles = [page.title for page in pages]
    assert len(set(titles)) == len(titles), titles
    for page in pages:
        assert 20 <= len(page.description) <= 200, (page.path, page.description)


def test_every_page_shows_the_disclaimer_and_the_clinic(site):
    for path in html_files(site):
        page = parse(path)
        text = text_of(page)
        lang, parts = page_language(site, path)
        words = site_words_in(lang)
        clinic = I18N_SUBSITES.get(lang, {}).get("CLINIC", CLINIC)  # its words in the page's language
        assert words("notice.not-advice") in text, path
        if parts[0] == "embed":
            continue  # other sites' iframes: no clinic (tests/build/test_embeds.py)
        if parts[0] == "calculators":  # no advertising beside a calculator
            assert clinic["booking_url"] not in page.links and words("clinic.book") not in text, path
            assert clinic["phone"] not in text, path
            continue
        assert clinic["name"] in text and clinic["phone"] in text, path
        assert clinic["booking_url"] in page.links, path
        for line in clinic["address"]:
            assert line in text, path


def test_an_endorsed_calculators_page_prints_the_clinics_name_address_and_a_date_line(site):
    """The question list declares `endorsed`: its full page carries, for paper, the clinic it is
    prepared for, with its address, and a slot for the day it is printed; a page of a calculator
    that does not declare it carries none (nor does an embed: tests/build/test_embed_pages.py)."""
    assert calculators.get("questions").endorsed
    for name in calculators.names():
        source = (site / "calculators" / name / "index.html").read_text("utf-8")
        endorsements = re.findall(r'<div class="print-endorsement">.*?</div>', source, re.S)
        if name != "questions":
            assert endorsements == [], name
            continue
        (endorsement,) = endorsements
        text = " ".join(re.sub(r"<[^>]+>", " ", endorsement).split())
        assert SITE_WORDS("print.prepared-for", clinic=CLINIC["name"]) in text
        assert all(line in text for line in CLINIC["address"])
        assert start_tags(endorsement, "span") == [{"data-print-date": None}]  # filled on print


def test_every_table_has_a_caption_and_scoped_headers(site):
    tables = 0
    for path in html_files(site):
        for table in parse(path).tables:
            tables += 1
            assert table["caption"].strip(), path
            assert table["col_scopes"] and set(table["col_scopes"]) == {"col"}, (path, table)
            assert set(table["row_scopes"]) <= {"row"}, (path, table)
    assert tables >= 5


def test_articles_carry_dates_summary_and_numbered_references(site):
    for slug in ARTICLES:
        page = parse(site / slug / "index.html")
        html = page.path.read_text()
        assert "Medically reviewed by Dr A. Example, MD (clinical lead, example) on <time" in html, slug
        assert 'class="lead"' in html, slug
        assert "references" in page.ids, slug
        cited = set(re.findall(r'href="#(ref-[a-z0-9-]+)"', html))
        listed = {id_ for id_ in page.ids if id_.startswith("ref-")}
        assert cited and cited == listed, slug


def test_no_page_loads_anything_from_another_host(site):
    for path in html_files(site):
        for url in parse(path).resources:
            parts = urlsplit(url)
            assert not parts.scheme and not parts.netloc, (path, url)
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(([^)]*)\)", css.read_text()):
            assert "//" not in url, (css, url)
        assert "@import" not in css.read_text(), css


def resolve(site, page_path, href):
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:")):
        return None
    if parts.path:
        base = site if parts.path.startswith("/") else page_path.parent
        target = (base / unquote(parts.path).lstrip("/")).resolve()
    else:
        target = page_path
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def test_every_internal_link_and_anchor_resolves(site):
    checked, pages = 0, {}
    for path in html_files(site):
        for href in parse(path).links:
            resolved = resolve(site, path, href)
            if resolved is None:
                continue
            target, fragment = resolved
            assert target.is_file(), f"{path.relative_to(site)} links to missing {href}"
            if fragment:
                ids = pages.setdefault(target, parse(target).ids if target.suffix == ".html" else set())
                assert fragment in ids, f"{path.relative_to(site)} links to missing anchor {href}"
            checked += 1
    assert checked > 100


def test_the_theme_is_our_own(site):
    html = (site / "index.html").read_text()
    assert "/theme/css/site.css?v=" in html
    assert 'class="skip-link" href="#main"' in html
    assert not list(Path(site, "theme", "css").glob("pygment*"))


def outside_the_warm_up(html):
    """A page's markup less offline.js's script element where it says data-warm: the one place
    a page without a calculator names the runtime, for the warm-up that boots it once the page
    has loaded and is idle (plugins/offline); such a page loads none itself."""
    warm_up = [tag for tag in re.findall(r"<script[^>]*>", html) if " data-warm=" in tag]
    return html.replace(warm_up[0], "") if warm_up else html


def test_the_retired_converter_says_so_where_it_was(site):
    """Its page and its embed address answer with a notice that links to the dose page; no
    calculator, no runtime and no mL/h arithmetic is left of it."""
    for where in ("calculators/convert", "embed/convert"):
        page = parse(site / where / "index.html")
        text = text_of(page)
        assert "retired" in text and "/calculators/dose/" in page.links, where
        html = outside_the_warm_up((site / where / "index.html").read_text())
        assert "data-calculator" not in html and "runtime/" not in html, where
        assert "calculator.js" not in html, where
    assert not (site / "embed" / "convert" / "oembed.json").exists()
    assert "/calculators/convert/" not in (site / "sitemap.xml").read_text()


def test_the_hub_offers_every_calculator_and_only_them(site):
    page = parse(site / "calculators" / "index.html")
    offered = {link for link in page.links if link.startswith("/calculators/") and link.count("/") == 3}
    assert offered == {f"/calculators/{name}/" for name in calculators.names()} | {"/calculators/convert/"}
    text = text_of(page)
    live = text.split("The rate converter has been retired")[0]  # before the retirement notice
    source = (site / "calculators" / "index.html").read_text()
    assert "Three educational tools" in source and "Two educational" not in source
    assert "millilitres an hour" not in live and "mL" not in live


def test_no_calculator_anywhere_shows_millilitres_or_a_bag(site):
    """No pump arithmetic on a public site: every calculator form, result and limitation on every
    page and embed (the printout is the same form on paper)."""
    forms = 0
    for path in html_files(site):
        for form in re.findall(r"<form data-calculator=.*?</form>", path.read_text(), re.S):
            forms += 1
            words = re.sub(r"<[^>]+>", " ", form)
            assert not re.search(r"\bmL\b|mL/h|mg/mL|\bbag\b", words), path
    assert forms >= 2 * len(calculators.names())  # each on its page and in its embed
