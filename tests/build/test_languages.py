"""The Spanish sub-site (/es/, plugins/languages with pelican-i18n-subsites): every page says its
language, pairs with its translation both ways (hreflang) and offers a switch that keeps the
reader on the same page; the sub-site has its own feeds and sitemap and links the one runtime."""

import json
import logging
import re
import shutil

import pytest

from pelicanconf import LANGUAGE_TAGS
from project import ROOT
from scripts.html_index import start_tags
from scripts.site import build_site
from tests.words import SUB_SITES, page_language, site_words_in

MAIN = "en"


def html_pages(site):
    return sorted(site.rglob("*.html"))


def url_path(site, lang, parts):
    """The address (as the dev build links it, SITEURL "") of a page's path parts."""
    folder = "/".join(parts[:-1])
    prefix = "" if lang == MAIN else f"/{lang}"
    return f"{prefix}/{folder}/" if folder else f"{prefix}/"


def file_of(site, url):
    return site / url.strip("/") / "index.html" if url.strip("/") else site / "index.html"


def heads(path):
    tags = start_tags(path.read_text("utf-8"))
    html = next(attrs for tag, attrs in tags if tag == "html")
    alternates = {attrs["hreflang"]: attrs["href"] for tag, attrs in tags
                  if tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs}
    switches = [attrs for tag, attrs in tags if tag == "a" and "language-switch" in
                attrs.get("class", "").split()]
    return html, alternates, switches


def test_every_page_says_its_language(site):
    seen = set()
    for path in html_pages(site):
        lang, _ = page_language(site, path)
        html, _, _ = heads(path)
        assert html["lang"] == LANGUAGE_TAGS[lang], path
        seen.add(lang)
    assert seen == {MAIN, *SUB_SITES}
    assert LANGUAGE_TAGS["es"] == "es-US"


def test_every_page_pair_links_both_ways_with_hreflang(site):
    pairs = 0
    for path in html_pages(site):
        lang, parts = page_language(site, path)
        if parts == ("404.html",):
            continue
        _, alternates, _ = heads(path)
        if not alternates:  # a page with no translation: its other-language page must not exist
            for other in (MAIN, *SUB_SITES):
                if other != lang:
                    assert not file_of(site, url_path(site, other, parts)).is_file(), path
            continue
        here = url_path(site, lang, parts)
        assert alternates[LANGUAGE_TAGS[lang]] == here, path
        assert alternates["x-default"] == alternates[LANGUAGE_TAGS[MAIN]], path
        for tag, url in alternates.items():
            _, theirs, _ = heads(file_of(site, url))
            assert theirs == alternates, (path, url)
        pairs += 1
    # Every calculator has a page and an embed in both languages, and the home pages pair.
    assert pairs >= 2 * (1 + 3 + 3)


def test_every_page_switches_to_itself_in_the_other_language_or_says_it_has_none(site):
    for path in html_pages(site):
        lang, parts = page_language(site, path)
        _, alternates, switches = heads(path)
        others = [other for other in (MAIN, *SUB_SITES) if other != lang]
        assert len(switches) == len(others), path
        text = path.read_text("utf-8")
        words = site_words_in(lang)
        for other, switch in zip(others, switches):
            tag = LANGUAGE_TAGS[other]
            assert switch["hreflang"] == tag and switch["lang"] == tag, path
            same = url_path(site, other, parts)
            if parts != ("404.html",) and file_of(site, same).is_file():
                assert switch["href"] == same, path
                assert f">{words(f'language.to-{other}')}</a>" in text, path
            else:
                assert switch["href"] == url_path(site, other, ("index.html",)), path
                assert f">{words(f'language.home-{other}')}</a>" in text, path


def test_the_spanish_site_has_its_own_feeds_and_sitemap(site):
    es = site / "es"
    assert (es / "feeds" / "all.atom.xml").is_file() and (es / "feeds" / "all.rss.xml").is_file()
    home = (es / "index.html").read_text("utf-8")
    assert 'href="/es/feeds/all.atom.xml"' in home and 'href="/es/feeds/all.rss.xml"' in home
    assert 'href="/feeds/' not in home
    locs = re.findall(r"<loc>([^<]*)</loc>", (es / "sitemap.xml").read_text())
    assert "/es/" in locs and "/es/calculators/dose/" in locs
    assert all(loc.startswith("/es/") for loc in locs)
    assert not [loc for loc in re.findall(r"<loc>([^<]*)</loc>", (site / "sitemap.xml").read_text())
                if loc.startswith("/es/")]
    assert not (es / "robots.txt").exists()


def test_the_spanish_site_links_the_one_runtime_and_theme(site):
    es = site / "es"
    assert not (es / "runtime").exists() and not (es / "theme").exists()
    page = (es / "calculators" / "dose" / "index.html").read_text("utf-8")
    english = (site / "calculators" / "dose" / "index.html").read_text("utf-8")
    for attribute in ("data-pyodide", "data-lockfile", "data-snapshot", "data-worker"):
        ours = re.search(rf'{attribute}="([^"]*)"', page)
        theirs = re.search(rf'{attribute}="([^"]*)"', english)
        assert ours and theirs and ours[1] == theirs[1], attribute
    assert '/theme/css/site.css?v=' in page and '/es/theme/' not in page
    for name in ("dose", "schedule", "questions"):
        assert (es / "embed" / name / "index.html").is_file(), name
        oembed = json.loads((es / "embed" / name / "oembed.json").read_text("utf-8"))
        assert f'src="/es/embed/{name}/"' in oembed["html"], name
        assert 'src="/theme/js/embed.js"' in oembed["html"], name


def test_structured_data_says_the_pages_language(site):
    for path in (site / "es" / "calculators" / "dose" / "index.html",
                 site / "calculators" / "dose" / "index.html"):
        lang, _ = page_language(site, path)
        data = re.search(r'<script type="application/ld\+json">(.*?)</script>', path.read_text("utf-8"))
        assert json.loads(data[1])["inLanguage"] == LANGUAGE_TAGS[lang]


@pytest.fixture(scope="module")
def translated(tmp_path_factory, site):
    """A second build in this process (after `site`), of the content with one article
    translated (a test's stand-in for a translator's file, with its English source's
    numbers and tokens untouched, if content/ has none) and one not (step-by-step), and the
    warnings its build logged."""
    folder = tmp_path_factory.mktemp("translated")
    content = shutil.copytree(ROOT / "content", folder / "content")
    # Every article is translated: one translation is taken away, as a new English article is
    # until its translation comes.
    (content / "articles" / "es" / "step-by-step.md").unlink()
    source = content / "articles" / "how-dosing-works.md"
    translation = content / "articles" / "es" / "how-dosing-works.md"
    if not translation.is_file():
        translation.parent.mkdir(exist_ok=True)
        head, body = source.read_text("utf-8").split("\n\n", 1)
        head = re.sub(r"^Title: .*$", "Title: Cómo se calcula la dosis", head, flags=re.M)
        translation.write_text(f"{head}\nLang: es\n\n{body}", "utf-8")
    records = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append
    logging.getLogger().addHandler(handler)
    try:
        output = build_site(folder / "output", PATH=str(content))
    finally:
        logging.getLogger().removeHandler(handler)
    return output, [record.getMessage() for record in records]


def test_a_translated_article_is_in_the_spanish_site_paired_and_dated_in_spanish(translated):
    site, _ = translated
    page = site / "es" / "how-dosing-works" / "index.html"
    html, alternates, switches = heads(page)
    assert html["lang"] == "es-US"
    assert alternates == {"en": "/how-dosing-works/", "x-default": "/how-dosing-works/",
                          "es-US": "/es/how-dosing-works/"}
    assert switches[0]["href"] == "/how-dosing-works/"
    text = page.read_text("utf-8")
    words = site_words_in("es")
    month = re.search(r'<time datetime="\d{4}-(\d\d)-\d\d">([^<]*)</time>', text)
    month_code = ["january", "february", "march", "april", "may", "june", "july", "august",
                  "september", "october", "november", "december"][int(month[1]) - 1]
    assert words(f"date.{month_code}") in month[2]
    assert json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', text,
                                re.S)[1])["inLanguage"] == "es-US"
    _, english, _ = heads(site / "how-dosing-works" / "index.html")
    assert english == alternates
    atom = (site / "es" / "feeds" / "all.atom.xml").read_text("utf-8")
    assert "/es/how-dosing-works/" in atom


def test_the_build_names_each_page_with_no_translation(translated):
    site, warnings = translated
    untranslated = [message for message in warnings if "has no translation in 'es'" in message]
    assert any("content/articles/step-by-step.md" in message for message in untranslated)
    assert not any("articles/how-dosing-works.md " in message for message in untranslated)
    # Never shown half-translated: the English article is not in the Spanish site.
    assert not (site / "es" / "step-by-step").exists()
    assert (site / "step-by-step" / "index.html").is_file()


def test_a_production_build_names_every_sitemap_in_robots_txt(tmp_path):
    site = build_site(tmp_path / "output", SITEURL="https://clinic.test", FEED_DOMAIN="https://clinic.test",
                      RUNTIME_SNAPSHOT=False)
    robots = (site / "robots.txt").read_text()
    assert "Sitemap: https://clinic.test/sitemap.xml" in robots
    assert "Sitemap: https://clinic.test/es/sitemap.xml" in robots
    home = (site / "es" / "index.html").read_text("utf-8")
    assert 'hreflang="en" href="https://clinic.test/"' in home
    assert 'href="https://clinic.test/es/feeds/all.atom.xml"' in home
    assert "<loc>https://clinic.test/es/</loc>" in (site / "es" / "sitemap.xml").read_text()


def test_the_hosting_policy_frames_every_languages_embeds_alike():
    from deploy.hosting import headers_for
    from pelicanconf import I18N_SUBSITES

    for lang in I18N_SUBSITES:
        assert headers_for(f"/{lang}/embed/dose/") == headers_for("/embed/dose/"), lang
        assert headers_for(f"/{lang}/calculators/dose/") == headers_for("/calculators/dose/"), lang
