"""The command line, run as users run it: python -m calculators ..."""

import datetime
import errno
import json
import os
import re
import subprocess
import sys

import icalendar
import pytest

import calculators
from calculators.messages import say
from calculators import data, formats, schema

def errors(name, fields):
    """A line per field, as the command line should print the errors of these fields."""
    return [f"{field}: {words}" for field, words in calculators.run(name, fields).errors.items()]


DOSE_KEYS = {
    "protocol", "shape", "adult", "dosing_weight_kg", "rate_mg_per_h", "most_mg_per_h", "minutes",
    "session_mg_low", "session_mg_high", "capped", "sessions_count", "warnings", "references",
}
ADULT = ("--adult", "yes")
IDEAL = say("dose.basis-words.ideal")
GOLDBERG = data.protocols()["goldberg-2005"]


def words(text):
    """Text with its line breaks and runs of spaces as single spaces (argparse wraps help)."""
    return " ".join(text.split())


def cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "calculators", *args], capture_output=True, text=True, check=False
    )


def test_dose_json():
    done = cli("dose", "--weight", "70", "--protocol", "schwartzman-2009", *ADULT, "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert DOSE_KEYS <= set(out)
    assert out["rate_mg_per_h"] == pytest.approx(24.5) and out["session_mg_high"] == pytest.approx(98)
    assert out["capped"] is False and out["sessions_count"] == 10
    assert "schwartzman-2009" in out["references"]
    assert not re.search(r"\bml\b", done.stdout, re.IGNORECASE)


def test_dose_json_capped_and_pounds():
    out = json.loads(cli("dose", "--weight", "176.37", "--unit", "lb", "--protocol",
                         "schwartzman-2009", *ADULT, "--json").stdout)
    assert out["capped"] is True and out["rate_mg_per_h"] == 25


def test_dose_text_says_it_is_an_illustration_with_its_limitations():
    done = cli("dose", "--weight", "70", "--protocol", "asra-2018", *ADULT)
    assert done.returncode == 0
    assert say("framing") in done.stdout and say("dose.limitations.pump") in done.stdout
    assert say("dose.mg", amount="80.0") in done.stdout
    assert say("dose.mg-per-kg", amount="1.14") in done.stdout
    assert done.stderr == ""
    assert " mL" not in done.stdout


@pytest.mark.parametrize("pid", [pid for pid, p in data.protocols().items() if not p.offered])
def test_dose_refuses_what_is_not_a_chronic_pain_regimen(pid):
    """Depression protocols, the acute ward guideline, summaries and definitions: exit 2 and a
    line naming where to read about them."""
    done = cli("dose", "--weight", "70", "--protocol", pid, *ADULT)
    assert done.returncode == 2 and done.stdout == ""
    (line,) = done.stderr.splitlines()
    title, _ = data.article(data.protocols()[pid].read)
    assert line.startswith("protocol: ") and f"“{title}”" in line
    assert data.protocols()[pid].why_not_offered in line


def test_dose_under_18_gets_no_figure():
    done = cli("dose", "--weight", "70", "--protocol", "schwartzman-2009", "--adult", "no", "--json")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == f"adult: {calculators.run('dose', {'adult': 'no'}).errors['adult']}\n"
    assert data.load()["scope"]["under_18"] in done.stderr


@pytest.mark.parametrize(
    ("args", "lines"),
    [
        (["dose", "--protocol", "schwartzman-2009", *ADULT],
         errors("dose", {"protocol": "schwartzman-2009", "adult": "yes"})),
        (["dose", "--weight", "70", "--protocol", "schwartzman-2009"],
         errors("dose", {"weight": "70", "protocol": "schwartzman-2009"})),
        (["dose", "--weight", "abc", "--protocol", "nope", *ADULT],
         errors("dose", {"weight": "abc", "protocol": "nope", "adult": "yes"})),
        (["dose", "--weight=-5", "--protocol", "schwartzman-2009", *ADULT],
         errors("dose", {"weight": "-5", "protocol": "schwartzman-2009", "adult": "yes"})),
        (["dose", "--weight", "nan", "--protocol", "schwartzman-2009", *ADULT, "--json"],
         errors("dose", {"weight": "nan", "protocol": "schwartzman-2009", "adult": "yes"})),
        (["dose", "--weight", "70", "--protocol", "schwartzman-2009", *ADULT, "--basis", "ideal"],
         [f"height_cm: {say('dose.height.needed-for-the-basis', basis=IDEAL)}",
          f"sex: {say('dose.sex.needed-for-the-basis', basis=IDEAL)}"]),
        (["dose", "--weight", "70", "--protocol", "goldberg-2005", *ADULT, "--daily-mg", "100"],
         ["daily_mg: " + say("dose.daily-mg.outside-the-regimen", amount="100",
                             regimen=GOLDBERG.name, range=say("dose.mg.range", low="40", high="80"),
                             source=data.references()[GOLDBERG.reference].short)]),
        (["schedule", "--start", "2026-02-30", "--months", "36"],
         errors("schedule", {"start": "2026-02-30", "months": "36"})),
        (["schedule"], errors("schedule", {})),
        (["schedule", "--start", "2026-01-05", "--open-days", ""],
         errors("schedule", {"start": "2026-01-05", "open_days": ""})),
    ],
)
def test_bad_input_exits_2_with_a_line_per_field(args, lines):
    done = cli(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == lines
    assert "Traceback" not in done.stderr


def test_a_decimal_comma_on_the_command_line_is_read_and_said():
    """The page's parser: --weight 70,5 is 70.5, and the result says what it read."""
    done = cli("dose", "--weight", "70,5", "--protocol", "schwartzman-2009", *ADULT, "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    read_as = say("field.number.read-as", label=say("dose.weight.label"), value="70.5")
    assert out["actual_weight_kg"] == 70.5 and out["note_codes"][0] == "field.number.read-as"
    assert out["notes"][0] == read_as
    text = cli("dose", "--weight", "70,5", "--protocol", "schwartzman-2009", *ADULT)
    assert text.returncode == 0 and say("cli.note", note=read_as) in text.stdout.splitlines()


@pytest.mark.parametrize(("args", "field", "code"), [
    (["dose", "--weight", "1,000", "--protocol", "schwartzman-2009", *ADULT], "weight",
     "comma-thousands"),
    (["dose", "--weight", "1,5,0", "--protocol", "schwartzman-2009", *ADULT], "weight",
     "several-commas"),
    (["schedule", "--start", "2027-03-01", "--loading", "4,5"], "loading",
     "comma-in-whole-number"),
])
def test_an_unclear_comma_on_the_command_line_says_why(args, field, code):
    done = cli(*args)
    flags = dict(zip(args[1::2], args[2::2]))
    fields = {flag[2:].replace("-", "_"): value for flag, value in flags.items()}
    assert calculators.run(args[0], fields).codes == {field: code}
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == errors(args[0], fields)


@pytest.mark.parametrize(
    "args", [[], ["dose", "--colour", "red"], ["frobnicate"], ["dose", "--weight"]]
)
def test_argparse_errors_exit_2(args):
    done = cli(*args)
    assert done.returncode == 2 and done.stdout == "" and "Traceback" not in done.stderr


def test_schedule_json():
    done = cli("schedule", "--start", "2026-01-05", "--loading", "4", "--titration", "2",
               "--maintenance-weeks", "6", "--months", "6", "--open-days", "mon,wed,fri", "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert {"sessions", "warnings"} <= set(out)
    assert out["sessions"][0] == {"date": "2026-01-05", "phase": "first", "conditional": False}
    assert out["sessions"][1] == {"date": "2026-01-05", "phase": "review", "conditional": False,
                                  "after": "first"}
    assert all(s["conditional"] for s in out["sessions"][2:])
    assert {s["phase"] for s in out["sessions"]} == {"first", "review", "loading", "adjustment",
                                                     "maintenance"}


@pytest.mark.parametrize(("args", "field"), [
    (["--loading", "14"], "loading"),
    (["--maintenance-weeks", "2"], "maintenance_weeks"),
    (["--titration", "3"], "titration"),
])
def test_schedule_more_frequent_than_published_is_refused(args, field):
    done = cli("schedule", "--start", "2027-03-01", *args)
    assert done.returncode == 2 and done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"{field}: ") and data.limits()["repeated_exposure"] in line


def test_schedule_text_says_example_dates_and_no_fixed_count():
    done = cli("schedule", "--start", "2027-03-01")
    assert done.returncode == 0, done.stderr
    first = datetime.date(2027, 3, 1)
    assert say("schedule.text.plan", start=first.isoformat(), end="2027-09-01") in done.stdout
    assert f"2027-03-01  {formats.long_date(first)}  {say('schedule.row.first')}" in done.stdout
    assert not re.search(r"\d+ of \d+", done.stdout)


def test_schedule_ics_file(tmp_path):
    target = tmp_path / "plan.ics"
    done = cli("schedule", "--start", "2026-01-05", "--ics", str(target))
    assert done.returncode == 0, done.stderr
    assert say("framing") in done.stdout
    raw = target.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    events = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    sessions = json.loads(cli("schedule", "--start", "2026-01-05", "--json").stdout)["sessions"]
    assert len(events) == len(sessions)


def test_schedule_ics_unwritable(tmp_path):
    path = tmp_path / "no" / "plan.ics"
    done = cli("schedule", "--start", "2026-01-05", "--ics", str(path))
    said = say("cli.cannot-write", export="ics", path=str(path), reason=os.strerror(errno.ENOENT))
    assert done.returncode == 2 and done.stdout == "" and done.stderr == said + "\n"


def test_protocols():
    text = cli("protocols")
    assert text.returncode == 0 and "schwartzman-2009" in text.stdout
    out = json.loads(cli("protocols", "--json").stdout)
    ids = [p["id"] for p in out["protocols"]]
    assert "schwartzman-2009" in ids and "esketamine" in ids


@pytest.mark.parametrize(("name", "args"), [
    ("dose", ["--weight", "70", "--protocol", "goldberg-2005", *ADULT]),
    ("schedule", ["--start", "2027-03-01"]),
])
def test_every_result_ends_with_its_limitations(name, args):
    done = cli(name, *args)
    lines = done.stdout.splitlines()
    assert done.returncode == 0 and say("cli.limitations") in lines
    shown = lines[lines.index(say("cli.limitations")) + 1:]
    assert shown[:len(calculators.get(name).limitations)] == [
        f"  - {say(line)}" for line in calculators.get(name).limitations]


@pytest.mark.parametrize("name", calculators.names())
def test_help_documents_every_flag(name):
    done = cli(name, "--help")
    assert done.returncode == 0 and words(say(schema.framing(calculators.get(name)))) in words(done.stdout)
    lines = done.stdout.splitlines()
    calc = calculators.get(name)
    for field in calc.inputs:
        where = next(i for i, line in enumerate(lines) if line.strip().startswith(field.flag))
        described = words(" ".join(lines[where:where + 4]))
        assert words(field.say(field.label, "en")) in described, field.flag
    for action in calc.actions:
        if action.kind == "download":
            assert f"--{action.export} FILE" in done.stdout


def test_the_converter_is_retired():
    done = cli("convert", "--rate", "5")
    assert done.returncode == 2 and done.stdout == "" and "invalid choice" in done.stderr
