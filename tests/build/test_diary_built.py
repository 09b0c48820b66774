"""The diary's page in the build: it carries the form Python draws and the diary's script, it is
never an embed (no `/embed/diary/`, no oEmbed file, nothing offers one), and the page asks for
no Content-Security-Policy of its own: the site's policy, with nothing inline to allow."""

import re

import pytest

from calculators.diary import view
from deploy.hosting import SECURITY, content_security_policy, headers_for
from scripts.html_index import parse, start_tags

DIARY = "diary/index.html"


@pytest.mark.parametrize("lang", ["", "es"])  # the English page, and its Spanish translation
def test_the_diary_page_carries_the_form_and_the_diarys_script(site, lang):
    html = (site / lang / DIARY).read_text()
    assert html.count(view.form(lang or "en")) == 1
    assert "[diary]" not in html
    scripts = [attrs["src"] for attrs in start_tags(html, "script") if "src" in attrs]
    assert [src.split("?")[0] for src in scripts] == ["/theme/js/calculator.js",
                                                      "/theme/js/diary.js", "/theme/js/offline.js"]
    assert (site / "theme" / "js" / "diary.js").is_file()
    # the diary's script is the diary page's only: no other page loads it
    others = [path for path in site.rglob("*.html")
              if "diary.js" in path.read_text() and path not in (site / DIARY, site / "es" / DIARY)]
    assert others == []


def test_the_diary_is_never_an_embed(site):
    assert not (site / "embed" / "diary").exists()
    page = parse(site / DIARY)
    html = (site / DIARY).read_text()
    assert "application/json+oembed" not in html and "embed-offer" not in html
    assert not any("embed" in url for url in page.resources)
    for path in site.rglob("*"):
        if path.suffix in (".html", ".json", ".js"):
            assert "/embed/diary" not in path.read_text(), path


def test_the_pages_policy_is_the_sites_and_the_page_needs_nothing_inline(site):
    assert headers_for("/diary/") == headers_for("/about/")
    assert headers_for("/diary/")["Content-Security-Policy"] == SECURITY[
        "Content-Security-Policy"] == content_security_policy("'self'", "'none'")
    html = (site / DIARY).read_text()
    tags = start_tags(html)
    inline = [attrs for tag, attrs in tags if tag == "script" and "src" not in attrs
              and attrs.get("type") != "application/ld+json"]
    assert inline == []
    assert not [attrs for _, attrs in tags if "style" in attrs]
    assert not [attrs for _, attrs in tags if any(name.startswith("on") for name in attrs)]
    assert "<style" not in html and "javascript:" not in html


def test_the_diary_is_linked_from_the_hub_and_the_articles_on_keeping_one(site):
    for linking in ("calculators", "step-by-step", "patient-experience"):
        assert "/diary/" in parse(site / linking / "index.html").links, linking
    assert re.search(r"<loc>[^<]*/diary/</loc>", (site / "sitemap.xml").read_text())
