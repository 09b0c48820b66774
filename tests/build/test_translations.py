"""Translations that never drift silently (plugins/translations), on real builds of a copy of
the project's content with one English article and its Spanish translation written into it."""

import datetime
import os
import posixpath
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import pytest

from plugins import site_words
from plugins.translations.changes import changed_on
from plugins.site_words import day_of
from plugins.translations.versions import source_version
from scripts import content_check, new_article
from scripts.site import ROOT, build_site

ENGLISH = """Title: Night pain
Date: 2026-11-20
Reviewed: 2026-11-26
Reviewer: clinical-lead
Summary: What night pain is.
Slug: night-pain
Order: 9

Pain at night keeps many people awake. A first infusion lasts 4 hours [@asra-2018].
"""
SPANISH = """Title: Dolor nocturno
Date: 2026-11-20
Reviewed: 2026-11-26
Reviewer: clinical-lead
Summary: Qué es el dolor nocturno.
Slug: night-pain
Order: 9
Lang: es
Source-Version: {version}

El dolor de noche no deja dormir a muchas personas. Una primera infusión dura 4 horas [@asra-2018].
"""
CHANGED = "Pain at night keeps many people awake, and tired the next day."
REAL_REVIEWER = {"clinical-lead": "Dr J. Rivera, MD"}


@pytest.fixture
def content(tmp_path):
    """A copy of the project's content with the English article and its current translation."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("es"))
    english = content / "articles" / "night-pain.md"
    english.write_text(ENGLISH, "utf-8")
    (content / "articles" / "es").mkdir()
    (content / "articles" / "es" / "night-pain.md").write_text(
        SPANISH.format(version=source_version(english)), "utf-8")
    return content


def change_english(content, days_ago=0):
    """Change one sentence of the English article, written `days_ago` days ago."""
    english = content / "articles" / "night-pain.md"
    english.write_text(ENGLISH.replace("Pain at night keeps many people awake.", CHANGED), "utf-8")
    when = (datetime.datetime.now() - datetime.timedelta(days=days_ago)).timestamp()
    os.utime(english, (when, when))
    return datetime.date.fromtimestamp(when)


def build(tmp_path, content, **settings):
    return build_site(tmp_path / "out", PATH=str(content), **settings)


def page_titled(out: Path, title: str) -> Path:
    """The one built page whose heading is `title` (wherever the sub-site puts it)."""
    (found,) = [path for path in out.rglob("*.html")
                if f"<h1>{title}</h1>" in path.read_text("utf-8")]
    return found


def words_of(page: str):
    """The site's words in the language the page says it is in (es-US: Spanish)."""
    lang = re.search(r'<html lang="([a-z]+)', page)[1]
    return site_words.words_of(site_words.catalogue(ROOT / "theme", lang))


def test_a_current_translation_shows_no_notice(tmp_path, content, caplog):
    out = build(tmp_path, content)
    assert "translation-notice" not in page_titled(out, "Dolor nocturno").read_text("utf-8")
    assert "out of date" not in caplog.text


def test_a_changed_english_marks_its_translation_out_of_date(tmp_path, content, caplog):
    changed = change_english(content)
    out = build(tmp_path, content)
    spanish_page = page_titled(out, "Dolor nocturno")
    html = spanish_page.read_text("utf-8")
    say = words_of(html)
    notice = re.search(r'<aside class="translation-notice" role="note">(.*?)</aside>', html, re.S)
    assert notice, html
    assert say("translation.outdated", date=day_of(say)(changed)) in notice[1]
    href = re.search(r'<a href="([^"]+)" hreflang="en">' + re.escape(
        say("translation.read-source")) + "</a>", notice[1])[1]
    # The link leads to the English page, wherever the Spanish page is.
    here = "/" + spanish_page.relative_to(out).as_posix()
    assert posixpath.normpath(urljoin(here, href)).rstrip("/") == "/night-pain"
    assert "translation-notice" not in (out / "night-pain" / "index.html").read_text("utf-8")
    assert re.search(r"articles/es/night-pain\.md:9: out of date: its English source "
                     r"\S*articles/night-pain\.md changed on " + changed.isoformat(), caplog.text)

    text, problems = content_check.run(datetime.date.today(), PATH=str(content))
    listed = text.split("Translations out of date")[1].split("English articles and pages")[0]
    assert ("content/articles/es/night-pain.md  translates content/articles/night-pain.md, out of "
            f"date since {changed.isoformat()} (0 days)") in listed
    assert "content/articles/night-pain.md" not in text.split("no Spanish translation")[1]
    assert "content/articles/how-dosing-works.md" in text.split("no Spanish translation")[1]
    assert problems == 0, text  # within the limit: listed, not a problem


def test_a_translation_out_of_date_too_long_fails_a_strict_build(tmp_path, content, caplog):
    change_english(content, days_ago=40)
    build(tmp_path / "lenient", content, REVIEWERS=REAL_REVIEWER)
    assert "night-pain.md:9: out of date for 40 days, more than 30 (TRANSLATION_MAX_DAYS)" \
        in caplog.text
    with pytest.raises(SystemExit) as error:
        build(tmp_path / "strict", content, REVIEW_STRICT=True, REVIEWERS=REAL_REVIEWER)
    assert re.search(r"articles/es/night-pain\.md:9: out of date for 40 days, more than 30",
                     str(error.value)), error.value
    text, problems = content_check.run(datetime.date.today(), PATH=str(content))
    assert problems == 1 and "(40 days) ERROR: more than 30 days" in text, text


def test_a_translation_without_source_version_or_source_fails_the_build(tmp_path, content):
    spanish = content / "articles" / "es" / "night-pain.md"
    spanish.write_text(re.sub(r"Source-Version: \w+\n", "", spanish.read_text("utf-8")), "utf-8")
    (content / "pages" / "es").mkdir()
    (content / "pages" / "es" / "nowhere.md").write_text(
        "Title: Ninguna\nSummary: Ninguna.\nLang: es\nSource-Version: 0123456789ab\n\nTexto.\n")
    with pytest.raises(SystemExit) as error:
        build(tmp_path, content)
    assert re.search(r"articles/es/night-pain\.md:1: missing metadata: Source-Version",
                     str(error.value)), error.value
    assert re.search(r"pages/es/nowhere\.md:4: this translation's English source \S*pages/"
                     r"nowhere\.md does not exist", str(error.value)), error.value


def test_the_day_the_english_changed_is_its_commit_s_until_it_is_edited(tmp_path):
    english = tmp_path / "article.md"
    english.write_text(ENGLISH, "utf-8")

    def git(*args):
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True,
                       env={**os.environ, "GIT_COMMITTER_DATE": "2026-03-04T12:00:00",
                            "GIT_AUTHOR_DATE": "2026-03-04T12:00:00"})

    git("init", "-q")
    git("add", "article.md")
    git("-c", "user.name=T", "-c", "user.email=t@localhost", "commit", "-q", "-m", "x")
    assert changed_on(english) == datetime.date(2026, 3, 4)
    os.utime(english, (0, datetime.datetime(2026, 5, 6, 12).timestamp()))
    assert changed_on(english) == datetime.date(2026, 3, 4)  # the same text as committed
    english.write_text(ENGLISH.replace("Pain at night", "Night pain"), "utf-8")
    assert changed_on(english) == datetime.date.today()  # an edit not committed yet


def test_new_translate_starts_a_draft_translation_that_builds(tmp_path, content):
    english = content / "articles" / "how-dosing-works.md"
    path = new_article.new_translation(english, content)
    assert path == content / "articles" / "es" / "how-dosing-works.md"
    header, note, body = path.read_text("utf-8").split("\n\n", 2)
    fields = dict(line.split(": ", 1) for line in header.splitlines())
    english_fields = dict(line.split(": ", 1) for line in
                          english.read_text("utf-8").split("\n\n")[0].splitlines())
    assert fields["Title"] == f"[draft: translate: {english_fields['Title']}]"
    assert fields["Summary"].startswith("[draft: translate: ")
    for kept in ("Slug", "Date", "Order", "Reviewed", "Reviewer"):
        assert fields[kept] == english_fields[kept]
    assert fields["Lang"] == "es" and fields["Status"] == "draft"
    assert fields["Source-Version"] == source_version(english)
    assert note.startswith("[draft: Translate the English below")
    assert body.strip() == english.read_text("utf-8").split("\n\n", 1)[1].strip()
    with pytest.raises(ValueError, match="exists already"):
        new_article.new_translation(english, content)
    page = new_article.new_translation(content / "pages" / "calculators" / "dose.md", content)
    assert page == content / "pages" / "es" / "calculators" / "dose.md"
    assert "URL: calculators/dose/\nSave_as: calculators/dose/index.html\n" in page.read_text()
    build(tmp_path, content)  # drafts with their placeholders: the build goes through
