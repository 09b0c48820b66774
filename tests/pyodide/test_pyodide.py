"""The same input sets in the real Pyodide runtime (Node) give what CPython gives in every
language, and so do the schedule's calendars and the fixed diary through every action of the
diary's API."""

import datetime
import json
import subprocess

import pytest

import calculators
from calculators import messages
from calculators.diary import files
from calculators.diary.entries import read_entry
from plugins.runtime.lockfile import make_lockfile
from plugins.runtime.wheel import build_wheel
from scripts.site import ROOT
from tests.vectors import ALL, DIARY, SCHEDULE

PYODIDE = ROOT / "node_modules" / "pyodide"
NOW = "2026-11-26T12:00:00Z"


def diary_requests() -> list[tuple[dict, str]]:
    """The fixed diary through each action of `calculators.diary_json` in every language: each
    day's entry and one refused, the summary with the notes, both exports and their imports, and
    imports refused (cut short, a pain score of 14, a future version), the schedule planner's
    calendar marked up to a day and refused cut short, and an unknown action."""
    entries = [read_entry(fields)[0] for fields in DIARY]
    stored = [entry.stored() for entry in entries]
    as_json, as_csv = files.to_json(entries), files.to_csv(entries)
    plan = calculators.get("schedule").export(
        "ics", {"start": "2027-01-11"}, datetime.datetime.fromisoformat(NOW))
    requests = [
        *({"action": "entry", "fields": fields} for fields in DIARY),
        {"action": "entry", "fields": {**DIARY[8], "pain": "14", "sleep_hours": "7,5"}},
        {"action": "summary", "entries": stored, "notes": True},
        *({"action": "export", "kind": kind, "entries": stored} for kind in ("json", "csv")),
        {"action": "import", "text": as_json}, {"action": "import", "text": as_csv},
        {"action": "import", "text": as_json[:-40]},
        {"action": "import", "text": as_json.replace('"pain": 5,', '"pain": 14,', 1)},
        {"action": "import", "text": as_json.replace('"version": 1', '"version": 2', 1)},
        {"action": "ics", "text": plan, "entries": stored, "until": "2027-01-20"},
        {"action": "ics", "text": plan[:-40], "entries": stored},
        {"action": "forget"},
    ]
    return [(request, lang) for lang in messages.LANGUAGES for request in requests]


DIARY_REQUESTS = diary_requests()
# Every shared input set, and every schedule's calendar, in every language
VECTORS = [(name, fields, lang) for lang in messages.LANGUAGES for name, fields in ALL]
PLANS = [(fields, lang) for lang in messages.LANGUAGES for fields in SCHEDULE]


def write_vectors(path):
    """The calculators' input sets, the calendars and the diary's requests, for run_vectors.mjs."""
    path.write_text(json.dumps({"calculators": VECTORS, "diary": DIARY_REQUESTS, "ics": PLANS}))
    return path


@pytest.fixture(scope="module")
def in_pyodide(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wheel")
    wheel = build_wheel(ROOT, folder)
    lockfile = make_lockfile(PYODIDE, wheel, folder / "pyodide-lock.json")
    vectors = write_vectors(folder / "vectors.json")
    done = subprocess.run(
        ["node", str(ROOT / "tests" / "pyodide" / "run_vectors.mjs"), str(PYODIDE),
         str(lockfile), str(vectors), "50"],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_the_wheel_holds_no_bytecode(tmp_path):
    import zipfile

    wheel = build_wheel(ROOT, tmp_path)
    names = zipfile.ZipFile(wheel).namelist()
    assert "calculators/data/protocols.toml" in names
    assert "calculators/locale/en/LC_MESSAGES/calculators.mo" in names  # compiled, for gettext
    assert not [name for name in names if name.endswith(".pyc")]


def in_cpython(index):
    """What CPython answers for the vector `index`, as the browser's JSON carries it."""
    name, fields, lang = VECTORS[index]
    return json.loads(json.dumps(calculators.run(name, fields, lang).to_dict()))


def diary_in_cpython(index):
    """What CPython answers for the diary request `index`."""
    request, lang = DIARY_REQUESTS[index]
    return json.loads(calculators.diary_json(json.dumps(request), lang))


def ics_in_cpython():
    """The calendars CPython makes for the schedule's input sets, in every language."""
    return [calculators.export_json("schedule", "ics", json.dumps(fields), NOW, lang)
            for fields, lang in PLANS]


@pytest.mark.parametrize("index", range(len(VECTORS)))
def test_pyodide_gives_what_cpython_gives(in_pyodide, index):
    assert in_pyodide["results"][index] == in_cpython(index)


@pytest.mark.parametrize("index", range(len(DIARY_REQUESTS)))
def test_the_diary_in_pyodide_gives_what_cpython_gives(in_pyodide, index):
    assert in_pyodide["diary"][index] == diary_in_cpython(index)


def test_ics_export_is_the_same(in_pyodide):
    assert in_pyodide["ics"] == ics_in_cpython()
    assert all(plan.startswith("BEGIN:VCALENDAR\r\n") for plan in in_pyodide["ics"])


def test_report_speed(in_pyodide):
    # Not a timed assertion: the figures are printed for the closing note (pytest -s shows them).
    print(f"\npyodide boot {in_pyodide['boot_ms']:.0f} ms, one calculation "
          f"{in_pyodide['ms_per_run']:.2f} ms")
    assert in_pyodide["ms_per_run"] > 0
