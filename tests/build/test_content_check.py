"""`invoke check` and `invoke new`, run on real builds."""

import datetime
import re
import shutil

import pytest

from calculators import data
from scripts import content_check, new_article
from tests.build.test_authoring_errors import GOOD_HEADER, MISTAKES, content_with
from scripts.site import ROOT, build_site

TODAY = datetime.date(2026, 11, 28)


def test_the_real_site_reports_every_article_and_no_problem(site):
    text, problems = content_check.report(ROOT / "content", site, {}, TODAY)
    assert problems == 0, text
    for article in (ROOT / "content" / "articles").glob("*.md"):
        assert f"content/articles/{article.name}" in text
    assert "Reading grade" in text and "Flesch-Kincaid" in text and "SMOG" in text
    (said,), found = content_check.question_list()
    count = len(data.considerations()) + len(data.general_questions())
    assert found == 0 and said in text and f"all {count} questions" in said
    # Beside each article's grades, its Spanish translation's reading ease, or that it has none
    # (then listed among the English with no translation).
    missing = text.split("with no Spanish translation")[1]
    for article in (ROOT / "content" / "articles").glob("*.md"):
        table = text.split(f"content/articles/{article.name}\n")[1].split("\n\n")[0]
        spanish = re.search(r"\n  Spanish reading +(.*)", table)[1]
        translated = (article.parent / "es" / article.name).is_file()
        assert ("Fernández Huerta" in spanish) if translated else (spanish == "no translation yet")
        assert (f"content/articles/{article.name}" in missing) is not translated


def test_spanish_reading_ease_is_fernandez_huerta_and_leaves_the_english_grades_alone():
    plain = "El médico le pone la dosis. Usted descansa. La enfermera mide su presión cada hora."
    hard = ("La administración intravenosa de ketamina, un antagonista no competitivo del receptor "
            "N-metil-D-aspartato, requiere monitorización hemodinámica continuada y especializada.")
    english = "A nurse checks your blood pressure every hour. You rest in a chair."
    before = content_check.grades(english)
    assert content_check.spanish_ease(plain) >= content_check.EASE_TARGET
    assert content_check.spanish_ease(hard) < content_check.EASE_TARGET
    assert content_check.grades(english) == before
    assert content_check.ease_words(hard).endswith(f"(below the target of {content_check.EASE_TARGET})")


def test_an_article_cites_what_its_tables_from_the_data_cite():
    """A table rendered from the data file carries its rows' citations: the report counts them
    as the article's (the UK label is cited only in the considerations table's rows)."""
    markdown = "Title: T\n\nText [@asra-2018].\n\n[table: considerations]\n"
    cited = content_check.cited_ids(markdown)
    rows = [ref for c in data.considerations().values() if c.table == "considerations"
            for row in c.rows for _, ref in row.sources]
    assert cited == {"asra-2018", *rows} and "ketalar-uk-smpc" in cited
    assert content_check.cited_ids("[table: nope]\n```\n[table: schedule]\n```") == set()


def test_a_question_above_grade_8_is_a_problem_naming_it(site, monkeypatch):
    # The general questions' reasons, every sentence run into one: a reason far above grade 8
    general = data.general_questions()
    long_why = " ".join(q.why for q in general).replace(". ", ", and ")
    long = data.Question("long", general[0].question, long_why, general[0].references)
    assert content_check.grades(f"{long.question} {long.why}")[0] > content_check.GRADE_TARGET
    monkeypatch.setattr(data, "general_questions", lambda lang="en": (*general, long))
    text, problems = content_check.report(ROOT / "content", site, {}, TODAY)
    assert problems == 1, text
    (line,) = [line for line in text.splitlines() if "ERROR: [general." in line]
    assert line.startswith("  ERROR: [general.long] grade ")
    assert "all " not in text.split("Question list")[1].splitlines()[0]


def test_broken_links_anchors_and_old_reviews_are_problems(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "images", content / "images")
    shutil.copytree(ROOT / "content" / "pages", content / "pages")  # the links every page has
    header = GOOD_HEADER.replace("Reviewed: 2026-11-26", "Reviewed: 2024-01-15")
    (content / "articles" / "old.md").write_text(
        header + "See [nowhere](/nowhere/), [a section](#missing) and "
        "[a source](https://journal.example.org/x).\n")
    text, problems = content_check.run(TODAY, PATH=str(content))
    assert problems == 3, text
    assert "/nowhere/ (no such page)" in text and "#missing (no such anchor)" in text
    assert "ERROR: older than 12 months" in text and "journal.example.org" in text


@pytest.mark.parametrize("header, body, expected", MISTAKES)
def test_check_reports_each_mistake_the_build_stops_at(tmp_path, header, body, expected):
    # The same rules, the same words: the build's error, at its line, in the article's table.
    text, problems = content_check.run(TODAY, PATH=str(content_with(tmp_path, body, header)))
    assert problems >= 1, text
    assert re.sub(r"^broken\.md:(\d+): ", r"ERROR: line \1: ", expected) in text, text
    assert "Internal links    not checked: not built, for its authoring errors" in text


def content_and_pages(tmp_path, body):
    """content_with's one article, beside the site's pages (the links every page has)."""
    content = content_with(tmp_path, body)
    shutil.copytree(ROOT / "content" / "pages", content / "pages", dirs_exist_ok=True)
    return content


def test_check_reports_a_mistake_in_a_page_and_checks_the_articles_built(tmp_path):
    content = content_and_pages(tmp_path, "See [nowhere](/nowhere/).\n")
    (content / "pages" / "about.md").write_text(
        "Title: About\nSummary: About us.\n\n# About us\n")
    text, problems = content_check.run(TODAY, PATH=str(content))
    assert problems == 2, text
    assert "/nowhere/ (no such page)" in text
    assert re.search(r"ERROR: \S*content/pages/about\.md:4: the heading 'About us' is level one",
                     text), text


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


def test_check_shows_what_a_draft_has_left_and_counts_no_problem_for_it(tmp_path):
    content = content_and_pages(tmp_path, "Text.\n")
    new_article.new_article("Ketamine and sleep", content, today=TODAY)
    text, problems = content_check.run(TODAY, PATH=str(content))
    assert problems == 0, text
    draft = text.split("content/articles/ketamine-and-sleep.md")[1]
    assert "Draft             not published (Status: draft); 6 placeholder(s) from invoke new " \
        "left, lines 3, 4, 5, 11, 13, 15" in draft
    assert "Review age        no review date" in draft
    assert "Internal links    all resolve" in draft  # its draft page's links, checked
