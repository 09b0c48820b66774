"""python -m calculators diary --summary FILE, run as a reader runs it: the summary of a JSON or a
CSV diary file, as text or one JSON object; a file it cannot read or refuses: exit 2, one line on
stderr saying what is wrong, nothing on stdout."""

import json
import subprocess
import sys

import pytest

from calculators.diary import files, summary, view, words
from calculators.diary.entries import read_entry
from calculators.messages import say
from tests.vectors import DIARY

ENTRIES = [read_entry(fields)[0] for fields in DIARY]
VALUES = summary.summarise(ENTRIES)


def diary(*args):
    return subprocess.run([sys.executable, "-m", "calculators", "diary", *args],
                          capture_output=True, text=True, check=False)


@pytest.fixture(params=["json", "csv"])
def exported(request, tmp_path):
    path = tmp_path / f"diary.{request.param}"
    path.write_text(files.export(request.param, ENTRIES), "utf-8", newline="")
    return path


def test_the_text_summary(exported):
    done = diary("--summary", str(exported))
    assert done.returncode == 0 and done.stderr == ""
    limitations = [f"  - {say(code)}" for code in words.LIMITATIONS]
    assert done.stdout.splitlines() == [*view.text(VALUES, "en"), "", say("cli.limitations"),
                                       *limitations]
    assert DIARY[-1]["note"] not in done.stdout  # the notes only when asked for
    with_notes = diary("--summary", str(exported), "--notes")
    assert with_notes.stdout.splitlines()[:-5] == view.text(VALUES, "en", notes=True)


def test_the_json_summary_has_full_precision_and_its_words(exported):
    done = diary("--summary", str(exported), "--json")
    assert done.returncode == 0 and done.stderr == ""
    out = json.loads(done.stdout)
    assert {**out, "days": None} == {**json.loads(json.dumps(VALUES)), "days": None,
                                     "summary": words.sentence(VALUES, "en"),
                                     "questions": [q for q, _ in words.questions(VALUES, "en")],
                                     "references": ["krebs-2009", "asra-2018"],
                                     "framing": say("diary.framing"),
                                     "limitations": [say(code) for code in words.LIMITATIONS]}
    assert out["days"] == json.loads(json.dumps(VALUES["days"]))
    assert out["baseline"]["peg"]["mean"] == pytest.approx(112 / 18, rel=1e-15)


@pytest.mark.parametrize(("content", "problem"), [
    (files.to_json(ENTRIES)[:-30], "damaged"),
    (json.dumps({"format": files.FORMAT, "version": 99, "entries": []}), "newer"),
    (files.to_json(ENTRIES).replace('"pain": 6,', '"pain": 14,', 1), "entry"),
    ("", "empty"),
])
def test_a_refused_file_exits_2_saying_why_on_stderr_only(tmp_path, content, problem):
    path = tmp_path / "diary.json"
    path.write_text(content, "utf-8")
    done = diary("--summary", str(path))
    refusal = files.parse(content)[1]
    assert refusal.code == problem
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"{path}: {refusal.message}\n"


def test_a_file_that_cannot_be_read_exits_2(tmp_path):
    missing = tmp_path / "nowhere.json"
    done = diary("--summary", str(missing))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == say("cli.diary.cannot-read", path=missing,
                              reason="No such file or directory") + "\n"
    latin = tmp_path / "latin.csv"
    latin.write_bytes("date,note\n2027-01-04,café\n".encode("latin-1"))
    done = diary("--summary", str(latin))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == say("cli.diary.not-text", path=latin) + "\n"


def test_the_file_is_required_and_the_help_says_what_it_is():
    done = diary()
    assert done.returncode == 2 and done.stdout == "" and "--summary" in done.stderr
    shown = " ".join(diary("--help").stdout.split())
    assert " ".join(say("cli.diary.summary").split()) in shown
    assert " ".join(say("diary.framing").split()) in shown
    listed = subprocess.run([sys.executable, "-m", "calculators", "--help"], capture_output=True,
                            text=True, check=False).stdout
    assert "diary" in listed and say("cli.diary") in " ".join(listed.split())
