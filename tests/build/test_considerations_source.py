"""One source for the contraindications (issue 22): the article's table and the question list
both come from the data file. A copy of the calculators package with one consideration changed
(a row's words and a reference, and its question) builds a site whose article table shows the
change, and gives a question list that shows it too.

Data is cached in a process (`functools.cache`), so the copy runs in subprocesses of its own. The
copy is of the whole project (its tracked files, and the npm packages linked): the package
finds its references beside it, and the build's runtime is built from the copy's package, so
nothing of the build mixes the copy with the project.
"""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from calculators import data
from calculators.render import escape
from scripts.site import ROOT

KEY = "liver"
ARTICLE = "who-is-not-a-candidate"
MARK = " (changed in a copy)"  # added to the words changed, so no other words can match


def in_section(text: str, header: str, old: str, new: str) -> str:
    """`text` with the first `old` of its TOML table `[header]` (before the next table) as
    `new`; the test fails if the table does not hold it."""
    start = text.index(f"[{header}]\n")
    end = text.find("\n[", start + 1)
    end = len(text) if end < 0 else end
    section = text[start:end]
    assert old in section, f"[{header}] holds no {old!r}"
    return text[:start] + section.replace(old, new, 1) + text[end:]


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    """A copy of the package whose liver consideration has a first row with other words and
    another reference, and another question; and a general question changed (what the
    calculator's page shows before anything is ticked)."""
    folder = tmp_path_factory.mktemp("copy") / "project"
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                             check=True).stdout.decode().split("\0")
    for name in filter(None, tracked):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, folder / name)
    (folder / "node_modules").symlink_to(ROOT / "node_modules")
    liver = data.considerations()[KEY]
    first = liver.rows[0]
    # A reference the table already cites elsewhere, that the liver's rows and question do not
    new_ref = next(ref for c in data.considerations().values() for row in c.rows
                   for _, ref in row.sources if ref not in liver.references)
    general = data.general_questions()[0]
    numbers = folder / "calculators" / "data" / "protocols.toml"
    old_refs = json.dumps([ref for _, ref in first.sources])
    numbers.write_text(in_section(numbers.read_text("utf-8"), f"considerations.{KEY}",
                                  f"references = {old_refs}", f'references = ["{new_ref}"]'))
    words = folder / "calculators" / "data" / "words" / "en.toml"
    text = in_section(words.read_text("utf-8"), f"considerations.{KEY}",
                      f'means = "{first.means}"', f'means = "{first.means}{MARK}"')
    question = liver.question.removesuffix("?") + MARK + "?"
    text = in_section(text, f"considerations.{KEY}", f'question = "{liver.question}"',
                      f'question = "{question}"')
    general_question = general.question.removesuffix("?") + MARK + "?"
    text = in_section(text, f"general.{general.key}", f'question = "{general.question}"',
                      f'question = "{general_question}"')
    words.write_text(text)
    return {"folder": folder, "means": first.means + MARK, "condition": first.condition,
            "reference": new_ref, "question": question, "general": general_question}


def with_copy(changed, *args):
    """Python in the copy of the project, with it first on its path."""
    env = {**os.environ, "PYTHONPATH": str(changed["folder"])}
    return subprocess.run([sys.executable, *args], cwd=changed["folder"], env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def site(changed):
    out = changed["folder"] / "out"
    done = with_copy(changed, "-c", "import sys, calculators; print(calculators.__file__); "
                     "from scripts.site import build_site; build_site(sys.argv[1])", str(out))
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.splitlines()[0].startswith(str(changed["folder"]))
    return out


def row_cells(page: str, condition: str) -> list[str]:
    """The cells after a table row's header (the row the condition heads)."""
    found = re.search(rf'<tr><th scope="row">{re.escape(escape(condition))}</th>(.*?)</tr>', page)
    assert found, f"no row for {condition!r}"
    return re.findall(r"<td[^>]*>(.*?)</td>", found[1])


def test_the_article_table_shows_the_changed_row_and_its_reference(site, changed):
    page = (site / ARTICLE / "index.html").read_text("utf-8")
    means, source = row_cells(page, changed["condition"])
    assert means == escape(changed["means"])
    assert f'href="#ref-{changed["reference"]}"' in source
    liver = data.considerations()[KEY]
    assert not any(f'href="#ref-{ref}"' in source for _, ref in liver.rows[0].sources)
    # the row after it is the data file's, unchanged
    assert row_cells(page, liver.rows[1].condition)[0] == escape(liver.rows[1].means)


def test_the_question_list_shows_the_changed_question_and_reference(changed):
    done = with_copy(changed, "-m", "calculators", "questions", "--have", KEY, "--json")
    assert done.returncode == 0, done.stderr
    (item,) = json.loads(done.stdout)["questions"]
    assert item["question"] == changed["question"]
    assert changed["reference"] in item["references"]
    # and the project's own package, beside it, still gives the data file's
    assert data.considerations()[KEY].question != changed["question"]
    assert changed["reference"] not in data.considerations()[KEY].references


def test_the_calculator_page_shows_the_changed_general_question(site, changed):
    for page in ("calculators", "embed"):
        built = (site / page / "questions" / "index.html").read_text("utf-8")
        assert escape(changed["general"]) in built, page
