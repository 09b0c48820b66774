"""A broken article fails the build with the file, the line and what is wrong."""

import copy
import datetime
import json
import re
import shutil
import subprocess
import sys

import pytest
from pelican import signals
from pelican.plugins.i18n_subsites import i18n_subsites
from pelican.settings import read_settings

from scripts import new_article
from scripts.site import ROOT, build_site

GOOD_HEADER = """Title: Test article
Date: 2026-11-20
Reviewed: 2026-11-26
Reviewer: clinical-lead
Summary: A test article.
Order: 1

"""


def content_with(tmp_path, body, header=GOOD_HEADER):
    """A content folder with one article, broken.md (the header, then the body)."""
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    shutil.copytree(ROOT / "content" / "images", content / "images")
    (content / "articles" / "broken.md").write_text(header + body)
    return content


def build_with(tmp_path, body, header=GOOD_HEADER):
    return build_site(tmp_path / "out", PATH=str(content_with(tmp_path, body, header)))


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Intro.\n\n[calculator: dsoe]\n", r"broken.md:10: unknown calculator 'dsoe'; known: dose, questions, schedule"),
        ("Intro.\n\n[table: protocol]\n", r"broken.md:10: unknown table 'protocol'; known:"),
        ("A figure [@no-such-source].\n", r"broken.md:8: unknown reference [@no-such-source]"),
        ("| A | B |\n|---|---|\n| 1 | 2 |\n", r"broken.md:8: the table with headers 'A | B' needs a line 'Table:"),
        ("[calculator: dose]\n\n[calculator: dose]\n", r"broken.md:10: calculator 'dose' is already on this page"),
        # The diary is no calculator (never an embed): its own line, once a page.
        ("Intro.\n\n[calculator: diary]\n", r"broken.md:10: unknown calculator 'diary'; known: dose, questions, schedule"),
        ("[diary]\n\n[diary]\n", r"broken.md:10: the diary is already on this page"),
        ("A figure [@ASRA-2018].\n", r"broken.md:8: cannot read the citation [@ASRA-2018]"),
        ("A figure [@asra-2018, p. 5].\n", r"broken.md:8: cannot read the citation [@asra-2018, p. 5]"),
        ("````\n```\n````\n\n[calculator: dsoe]\n", r"broken.md:12: unknown calculator 'dsoe'"),
        ("Use ```x``` inline.\n\n[calculator: dsoe]\n", r"broken.md:10: unknown calculator 'dsoe'"),
        # The line of the mistake, not of the same words shown as an example in code before it.
        ("Write `[@nope]` so.\n\nA figure [@nope].\n", r"broken.md:10: unknown reference [@nope]"),
        ("```\n[@ASRA]\n```\n\nA figure [@ASRA].\n", r"broken.md:12: cannot read the citation [@ASRA]"),
    ],
)
def test_mistakes_in_the_body_name_file_line_and_problem(tmp_path, body, expected):
    assert expected in build_error(tmp_path, body)


def build_error(tmp_path, body, header=GOOD_HEADER):
    """The message of the BuildError the build ends with (the plugin's own class)."""
    with pytest.raises(BaseException) as error:  # BuildError ends the build as SystemExit
        build_with(tmp_path, body, header)
    assert type(error.value).__name__ == "BuildError", error.value
    return str(error.value)


I18N_STATE = ("_MAIN_SETTINGS", "_MAIN_LANG", "_MAIN_SITEURL", "_MAIN_STATIC_FILES", "_SUBSITE_QUEUE",
              "_SITE_DB", "_SITES_RELPATH_DB", "_GENERATOR_DB", "_NATIVE_CONTENT_URL_DB")


def test_a_build_run_inside_another_keeps_to_its_own_mistakes(tmp_path):
    # Builds in one process (a multilingual one runs a build a language) each keep their own
    # list: a build run while another is under way neither takes nor clears the other's.
    inner = []

    def build_inside(generator):
        if not inner:
            inner.append(tmp_path / "inner")
            (tmp_path / "empty").mkdir()
            # pelican-i18n-subsites keeps the build under way in its module (it runs each
            # sub-site inside its main build): the outer build's is put back after the inner one.
            kept = {name: copy.copy(getattr(i18n_subsites, name)) for name in I18N_STATE}
            try:
                build_site(inner[0], PATH=str(tmp_path / "empty"))
            finally:
                for name, value in kept.items():
                    setattr(i18n_subsites, name, value)

    signals.article_generator_finalized.connect(build_inside)
    try:
        assert "unknown calculator 'dsoe'" in build_error(tmp_path, "[calculator: dsoe]\n")
    finally:
        signals.article_generator_finalized.disconnect(build_inside)
    assert (inner[0] / "index.html").is_file()


def test_missing_metadata_is_named(tmp_path):
    message = build_error(tmp_path, "Text.\n", header="Title: T\nDate: 2026-11-20\n\n")
    assert "broken.md:1: missing metadata: Reviewed, Reviewer, Summary" in message


def test_a_bad_review_date_is_named(tmp_path):
    header = GOOD_HEADER.replace("2026-11-26", "last week")
    assert "broken.md:3: Reviewed: 'last week' is not a date" in build_error(tmp_path, "Text.\n", header)


def test_a_citation_in_the_summary_is_refused(tmp_path):
    header = GOOD_HEADER.replace("Summary: A test article.", "Summary: A test [@asra-2018].")
    assert "broken.md:5: a citation belongs in the text, not in the Summary" in build_error(
        tmp_path, "Text.\n", header
    )


def test_syntax_inside_code_blocks_is_left_alone(tmp_path):
    body = ("```\n[calculator: dsoe]\n[@no-such-source]\n```\n\n`[@nope]`\n\n"
            "~~~~\n~~~\n[calculator: dsoe]\n~~~~\n")
    out = build_with(tmp_path, body)
    html = (out / "test-article" / "index.html").read_text()
    assert "[calculator: dsoe]" in html and "[@no-such-source]" in html and "[@nope]" in html


def pelican_cli(tmp_path, body, *flags, settings="pelicanconf.py", header=GOOD_HEADER):
    """The `pelican` command on one article in a temporary folder, as a writer runs it (with
    publishconf.py: as a production build runs it)."""
    content = tmp_path / "content" / "articles"
    content.mkdir(parents=True, exist_ok=True)
    (content / "broken.md").write_text(header + body)
    return subprocess.run(
        [sys.executable, "-m", "pelican", "-s", str(ROOT / settings), *flags,
         "-o", str(tmp_path / "out"), str(tmp_path / "content")],
        cwd=ROOT, capture_output=True, text=True,
    )


def test_the_command_line_build_exits_non_zero(tmp_path):
    done = pelican_cli(tmp_path, "[calculator: dsoe]\n")
    assert done.returncode != 0
    assert "unknown calculator 'dsoe'" in done.stdout + done.stderr


def test_the_command_line_prints_one_clean_block_and_a_traceback_only_with_debug(tmp_path):
    def build(*flags):
        return pelican_cli(tmp_path, "Text [@nope].\n\n[calculator: dsoe]\n", *flags)

    plain = build()
    assert plain.returncode == 1 and "Traceback" not in plain.stdout + plain.stderr
    block = plain.stderr.strip().splitlines()[-2:]
    assert block[0] == "1 authoring error(s):"
    assert block[1].endswith("broken.md:10: unknown calculator 'dsoe'; known: dose, questions, schedule")
    debug = build("--debug")
    assert debug.returncode != 0 and "Traceback" in debug.stdout + debug.stderr


@pytest.mark.parametrize(("given", "shown"), [
    ("clinical-lead", "Dr A. Example, MD (clinical lead, example)"),
    ("B. Sample, PharmD", "B. Sample, PharmD"),
])
def test_a_reviewer_is_a_known_key_or_a_name_with_a_credential(tmp_path, given, shown):
    header = GOOD_HEADER.replace("Reviewer: clinical-lead", f"Reviewer: {given}")
    out = build_with(tmp_path, "Text.\n", header)
    assert shown in (out / "test-article" / "index.html").read_text()


def test_an_unknown_reviewer_is_named(tmp_path):
    header = GOOD_HEADER.replace("Reviewer: clinical-lead", "Reviewer: dr-who")
    message = build_error(tmp_path, "Text.\n", header)
    assert "broken.md:4: Reviewer: 'dr-who' is neither a reviewer key from pelicanconf.py" in message
    assert "known: clinical-lead" in message


def test_an_old_review_warns_and_is_an_error_when_strict(tmp_path, caplog):
    header = GOOD_HEADER.replace("Reviewed: 2026-11-26", "Reviewed: 2020-01-01")
    build_with(tmp_path / "lenient", "Text.\n", header)
    assert "last reviewed 2020-01-01, more than 12 months ago" in caplog.text
    content = tmp_path / "strict" / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "broken.md").write_text(header + "Text.\n")
    with pytest.raises(BaseException) as error:
        build_site(tmp_path / "strict" / "out", PATH=str(content), REVIEW_STRICT=True)
    assert "broken.md:3: last reviewed 2020-01-01, more than 12 months ago" in str(error.value)


PLACEHOLDER = ("reviewer 'Dr A. Example, MD (clinical lead, example)' is a placeholder (marked as "
               "an example): a real clinic must name its real reviewer in REVIEWERS")


def test_a_placeholder_reviewer_is_a_warning_in_a_local_build(tmp_path, caplog):
    out = build_with(tmp_path, "Text.\n")
    assert f"broken.md:4: {PLACEHOLDER}" in caplog.text
    assert "Dr A. Example, MD (clinical lead, example)" in (out / "test-article" / "index.html").read_text()


def test_a_placeholder_reviewer_is_warned_about_once_a_build(caplog):
    from plugins.authoring.reader import check_placeholder

    warned = set()
    for path in ("content/articles/a.md", "content/articles/b.md"):
        check_placeholder(path, 4, "Dr A. Example, MD (clinical lead, example)", {}, warned)
    assert caplog.text.count("is a placeholder") == 1 and "a.md:4" in caplog.text


def test_a_placeholder_reviewer_fails_a_production_build(tmp_path):
    done = pelican_cli(tmp_path, "Text.\n", settings="publishconf.py")
    assert done.returncode == 1 and "Traceback" not in done.stdout + done.stderr
    block = done.stderr.strip().splitlines()[-2:]
    assert block[0] == "1 authoring error(s):"
    assert block[1].endswith(f"broken.md:4: {PLACEHOLDER} (pelicanconf.py)")


@pytest.mark.parametrize("given", ["A. Example, MD", "Dr Jo Smith, MD (example)", "B. Sample, EXAMPLE"])
def test_a_reviewer_written_out_as_an_example_fails_a_strict_build(tmp_path, given):
    header = GOOD_HEADER.replace("Reviewer: clinical-lead", f"Reviewer: {given}")
    done = pelican_cli(tmp_path, "Text.\n", "-e", "REVIEW_STRICT=true", header=header)
    assert done.returncode == 1
    assert f"broken.md:4: reviewer {given!r} is a placeholder" in done.stderr


def test_a_real_reviewer_passes_a_production_build_which_leaves_drafts_out(tmp_path, monkeypatch,
                                                                            caplog):
    monkeypatch.setenv("REVIEWERS", json.dumps({"clinical-lead": "Dr J. Rivera, MD"}))
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "images", content / "images")
    (content / "articles" / "real.md").write_text(GOOD_HEADER + "Text.\n")
    new_article.new_article("Half written", content)
    out = build_site(tmp_path / "out", "publishconf.py", PATH=str(content), PRECOMPRESS=False)
    assert "Medically reviewed by Dr J. Rivera, MD" in (out / "test-article" / "index.html").read_text()
    assert "placeholder" not in caplog.text.replace("placeholder(s) from invoke new", "")
    assert not (out / "drafts").exists() and not (out / "half-written").exists()


def test_the_sitemap_dates_an_article_by_its_review(tmp_path):
    out = build_with(tmp_path, "Text.\n")
    sitemap = (out / "sitemap.xml").read_text()
    assert "<lastmod>2026-11-26" in sitemap.split("test-article")[1].split("</url>")[0]


def untouched_draft(status="Status: draft\n"):
    """An article as `invoke new` writes it, its Status line replaced by `status`."""
    text = new_article.draft_text("Test article", "test-article", "clinical-lead", 1,
                                  datetime.date(2026, 11, 28))
    return text.replace("Status: draft\n", status)


TWO_TABLES = ("Table: Doses\n\n| Dose | Note |\n|---|---|\n| a | b |\n\n"
              "Some text about a Dose | and a pipe.\n\n| Dose | Other |\n|---|---|\n| c | d |\n")
# The walk's deliberate mistakes (issue 21), as (header, body, the error): each fails the build
# at its line, and `invoke check` reports each (tests/build/test_content_check.py).
def in_header(old, new, expected, id):
    """A mistake made by changing GOOD_HEADER's `old` into `new`, above a plain text."""
    return pytest.param(GOOD_HEADER.replace(old, new), "Text.\n", expected, id=id)


def in_body(body, expected, id):
    return pytest.param(GOOD_HEADER, body, expected, id=id)


MISTAKES = [
    pytest.param("", untouched_draft(status=""),
                 "broken.md:3: Reviewed still holds a placeholder from invoke new ([draft: ...])",
                 id="a draft from invoke new without its Status line"),
    in_header("2026-11-20", "2026-13-45",
              "broken.md:2: Date: '2026-13-45' is not a day of the calendar", "no such day"),
    in_header("2026-11-20", "next Tuesday",
              "broken.md:2: Date: 'next Tuesday' is not a date written year-month-day", "words"),
    in_header("2026-11-20", "07/12/2026",
              "broken.md:2: Date: '07/12/2026' could be 2026-07-12 or 2026-12-07", "ambiguous"),
    in_header("2026-11-26", "26/11/2026", "broken.md:3: Reviewed: '26/11/2026' is not written "
              "year-month-day: write 2026-11-26", "a review date day first"),
    in_header("Order: 1", "Modified: 2026-11-31\nOrder: 1",
              "broken.md:6: Modified: '2026-11-31' is not a day of the calendar", "modified"),
    in_header("Title: Test article", "Title:", "broken.md:1: Title is empty: write the title",
              "an empty title"),
    in_body("Intro.\n\n<script>alert(1)</script>\n",
            "broken.md:10: raw HTML '<script>' is not allowed in an article", "a script element"),
    in_body("A picture <img src=x onerror=alert(1)> here.\n",
            "broken.md:8: raw HTML '<img src=x onerror=alert(1)>' is not allowed", "an inline tag"),
    in_body("Text.\n\n<!-- a note\nover lines -->\n", "broken.md:10: raw HTML '<!--' is not allowed",
            "an HTML comment"),
    in_body("## Dosing\n\nText.\n\n#### Limits\n",
            "broken.md:12: the heading 'Limits' is level 4 right after the heading on line 8 "
            "(level 2): go down one level at a time, here '### Limits'", "a skipped heading level"),
    in_body("### Dosing\n\nText.\n",
            "broken.md:8: the heading 'Dosing' is level 3 right after the title (level 1)",
            "a first heading too deep"),
    in_body("Text.\n\nDosing\n======\n\nMore.\n",
            "broken.md:10: the heading 'Dosing' is level one, the title's level", "a level one heading"),
    in_body("A figure [@asra-2018].\n\n## References\n\n1. Cohen SP, et al.\n",
            "broken.md:10: a hand-written 'References' section: the build writes the numbered "
            "references from the citations", "a hand-written References section"),
    in_body(TWO_TABLES, "broken.md:16: the table with headers 'Dose | Other' needs a line 'Table:",
            "a table without a caption after one with"),
]


@pytest.mark.parametrize("header, body, expected", MISTAKES)
def test_each_mistake_of_the_walk_fails_the_build_at_its_line(tmp_path, header, body, expected):
    assert expected in build_error(tmp_path, body, header)


def test_a_bad_date_stops_the_command_line_build_instead_of_dropping_the_article(tmp_path):
    header = GOOD_HEADER.replace("2026-11-20", "next Tuesday")
    done = pelican_cli(tmp_path, "Text.\n", header=header)
    assert done.returncode == 1 and "Traceback" not in done.stdout + done.stderr
    assert done.stderr.strip().splitlines()[-1].endswith(
        "broken.md:2: Date: 'next Tuesday' is not a date written year-month-day, such as 2026-11-26")


def test_every_mistake_of_a_file_is_listed_in_the_order_of_its_lines(tmp_path):
    message = build_error(tmp_path, untouched_draft(status=""), header="")
    lines = [line.split("broken.md:")[1].split(":")[0] for line in message.splitlines()[1:]]
    assert lines == ["3", "4", "5", "10", "12", "14"], message
    assert "broken.md:12: this line holds a placeholder from invoke new" in message


def test_an_untouched_draft_builds_as_a_draft_and_claims_no_review(tmp_path, caplog):
    out = build_with(tmp_path, untouched_draft(), header="")
    assert not (out / "test-article").exists()
    page = (out / "drafts" / "test-article.html").read_text()
    reviewer = read_settings(str(ROOT / "pelicanconf.py"))["REVIEWERS"]["clinical-lead"]
    assert reviewer not in page and "lastReviewed" not in page
    assert "broken.md:3: a draft with 6 placeholder(s) from invoke new (lines 3, 4, 5, 11, 13, 15)" \
        in caplog.text


def test_a_draft_written_and_reviewed_is_published(tmp_path):
    text = untouched_draft(status="")
    for placeholder, written in [
        ("[draft: the day a clinician reviewed the article, written year-month-day]", "2026-11-26"),
        ("[draft: clinical-lead, or the reviewer's name and credential, such as \"A. Example, MD\"]",
         "clinical-lead"),
    ]:
        assert placeholder in text
        text = text.replace(placeholder, written)
    text = re.sub(r"\[draft: ([^\]]*?)\]", r"\1", text.replace("[@asra-2018]", "(a source)"))
    out = build_with(tmp_path, text, header="")
    assert "lastReviewed" in (out / "test-article" / "index.html").read_text()
