"""`invoke check` and `invoke new`, run on real builds."""

import datetime
import shutil

import pytest

from scripts import content_check, new_article
from tests.build.test_authoring_errors import GOOD_HEADER
from scripts.site import ROOT, build_site

TODAY = datetime.date(2026, 11, 28)


def check(content, tmp_path, **settings):
    site = build_site(tmp_path / "out", PATH=str(content))
    return content_check.report(content, site, settings, TODAY)


def test_the_real_site_reports_every_article_and_no_problem(site):
    text, problems = content_check.report(ROOT / "content", site, {}, TODAY)
    assert problems == 0, text
    for article in (ROOT / "content" / "articles").glob("*.md"):
        assert f"content/articles/{article.name}" in text
    assert "Reading grade" in text and "Flesch-Kincaid" in text and "SMOG" in text


def test_broken_links_anchors_and_old_reviews_are_problems(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "images", content / "images")
    shutil.copytree(ROOT / "content" / "pages", content / "pages")  # the links every page has
    header = GOOD_HEADER.replace("Reviewed: 2026-11-26", "Reviewed: 2024-01-15")
    (content / "articles" / "old.md").write_text(
        header + "See [nowhere](/nowhere/), [a section](#missing) and "
        "[a source](https://journal.example.org/x).\n")
    text, problems = check(content, tmp_path)
    assert problems == 3, text
    assert "/nowhere/ (no such page)" in text and "#missing (no such anchor)" in text
    assert "ERROR: older than 12 months" in text and "journal.example.org" in text


def test_a_new_article_has_every_field_is_a_draft_and_builds(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    path = new_article.new_article("Ketamine and  Sleep!", content, today=TODAY)
    assert path == content / "articles" / "ketamine-and-sleep.md"
    header = path.read_text().split("\n\n")[0]
    for field in ("Title: Ketamine and Sleep!", "Date: 2026-11-28", "Reviewed: [draft: ",
                  "Reviewer: [draft: clinical-lead", "Summary: [draft: ", "Slug: ketamine-and-sleep",
                  "Status: draft"):
        assert field in header
    out = build_site(tmp_path / "out", PATH=str(content))
    assert (out / "how-dosing-works" / "index.html").is_file()  # the build went through
    assert not (out / "ketamine-and-sleep").exists()  # and a draft is not published
    with pytest.raises(ValueError, match="the slug 'ketamine-and-sleep' is taken"):
        new_article.new_article("Ketamine and sleep", content, today=TODAY)
    with pytest.raises(ValueError, match="taken"):
        new_article.new_article("How dosing works", content)
