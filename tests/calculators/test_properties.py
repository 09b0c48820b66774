"""Property-based tests: no input crashes, caps hold, units agree, more weight never less drug."""

import datetime
import json
import re

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st

import calculators
from calculators import data
from calculators.messages import say

KG_PER_LB = 0.45359237
NOT_A_NUMBER = re.compile(r"\b(nan|inf|infinity)\b", re.IGNORECASE)
OFFERED = sorted(data.offered_protocols())
DOSE_FIELDS = [f.name for f in calculators.get("dose").inputs]
PLAN_FIELDS = [f.name for f in calculators.get("schedule").inputs]

numbers_as_text = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.text(max_size=20),
)


def check_result(result):
    assert isinstance(result, calculators.Result)
    assert isinstance(result.html, str) and result.html
    assert not NOT_A_NUMBER.search(result.html)
    refs = data.references()
    for warning in result.warnings:
        assert warning.reference in refs
    assert set(result.references) <= set(refs)
    json.dumps(result.to_dict(), allow_nan=False)
    assert result.summary and not NOT_A_NUMBER.search(result.summary)
    if result.ok:
        assert result.values
    else:
        assert result.values == {} and "Fix the highlighted fields" in result.html


@given(st.dictionaries(st.sampled_from(DOSE_FIELDS) | st.text(max_size=5), st.text(max_size=30)))
def test_dose_never_raises_on_arbitrary_text(fields):
    check_result(calculators.run("dose", fields))


@given(st.dictionaries(st.sampled_from(PLAN_FIELDS) | st.text(max_size=5), st.text(max_size=30)))
def test_schedule_never_raises_on_arbitrary_text(fields):
    check_result(calculators.run("schedule", fields))


@given(
    weight=numbers_as_text, height=numbers_as_text, daily=numbers_as_text,
    protocol=st.sampled_from(sorted(data.protocols()) + ["", "x"]),
    unit=st.sampled_from(["kg", "lb"]), sex=st.sampled_from(["", "female", "male"]),
    basis=st.sampled_from(["actual", "ideal", "adjusted"]),
    adult=st.sampled_from(["yes", "no", "", "maybe"]),
)
def test_dose_never_raises_on_numbers(weight, height, daily, protocol, unit, sex, basis, adult):
    result = calculators.run("dose", {
        "weight": weight, "height_cm": height, "daily_mg": daily, "protocol": protocol,
        "unit": unit, "sex": sex, "basis": basis, "adult": adult,
    })
    check_result(result)
    if result.ok:
        assert adult == "yes" and data.protocols()[protocol].offered


@given(
    start=st.one_of(st.dates().map(str), st.text(max_size=12)),
    loading=numbers_as_text, titration=numbers_as_text, weeks=numbers_as_text,
    months=numbers_as_text,
    days=st.lists(st.sampled_from(["mon", "tue", "wed", "thu", "fri", "sat", "sun", "x"])),
)
def test_schedule_never_raises_on_numbers(start, loading, titration, weeks, months, days):
    result = calculators.run("schedule", {
        "start": start, "loading": loading, "titration": titration,
        "maintenance_weeks": weeks, "months": months, "open_days": ",".join(days),
    })
    check_result(result)


@given(payload=st.one_of(st.text(), st.recursive(
    st.none() | st.booleans() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
).map(json.dumps)))
def test_run_json_never_raises(payload):
    for name in ("dose", "schedule"):
        out = json.loads(calculators.run_json(name, payload))
        assert set(out) == {"ok", "values", "warnings", "errors", "codes", "html", "references",
                            "summary"}
        assert out["summary"]  # the page's live region always has something to say
        assert not NOT_A_NUMBER.search(out["html"])


valid_weight = st.floats(min_value=40, max_value=350)
# What no accepted output may pass (issue 19): 40 mg/h (ASRA's 80 mg over exactly 2 h) and 100 mg
# in a session (Schwartzman's 25 mg/h for 4 h); each regimen's own figures are lower or equal.
SITE_MOST_MG_PER_H, SITE_MOST_MG_PER_SESSION = 40, 100


def figures_pattern(code: str, after: str = "") -> re.Pattern:
    """The catalogue's words for a figure (an amount, a range, a rate), each number a group."""
    marker = "\0"
    words = say(code, amount=marker, low=marker, high=marker, rate=marker)
    return re.compile(re.escape(words).replace(marker, "([0-9][0-9.]*)") + after)


MG_PER_H = figures_pattern("dose.mg-per-h")
MG = [figures_pattern("dose.mg", r"(?![/\w])"), figures_pattern("dose.mg.range")]


@settings(max_examples=300)
@given(kg=valid_weight, unit=st.sampled_from(["kg", "lb"]), protocol=st.sampled_from(OFFERED),
       basis=st.sampled_from(["actual", "ideal", "adjusted"]),
       height=st.one_of(st.none(), st.floats(min_value=152.4, max_value=250)),
       sex=st.sampled_from(["", "female", "male"]),
       daily=st.one_of(st.none(), st.floats(min_value=0, max_value=200)))
def test_no_figure_passes_the_regimens_own_cap_or_session_total(kg, unit, protocol, basis,
                                                                height, sex, daily):
    """For every regimen offered and every accepted input (weights 40-350 kg, in both units, by
    every basis), nothing shown passes the regimen's own most an hour or in a session, nor the
    most any regimen here gave."""
    weight = kg if unit == "kg" else kg / KG_PER_LB
    fields = {"weight": repr(weight), "unit": unit, "protocol": protocol, "basis": basis,
              "adult": "yes", "sex": sex, "height_cm": "" if height is None else repr(height),
              "daily_mg": "" if daily is None else repr(daily)}
    result = calculators.run("dose", fields)
    if not result.ok:  # a weight rounded out of range, a basis without a height, an amount outside
        assert set(result.errors) <= {"weight", "height_cm", "sex", "daily_mg"}
        return
    regimen, v = data.protocols()[protocol], result.values
    hourly = [v["rate_mg_per_h"], v["most_mg_per_h"], *(r["rate_mg_per_h"] for r in v["by_weight"])]
    session = [v["session_mg_low"], v["session_mg_high"], *(r["session_mg"] for r in v["by_weight"])]
    for figure in filter(None, hourly):
        assert figure <= regimen.most_mg_per_h <= SITE_MOST_MG_PER_H
    for figure in session:
        assert figure <= regimen.most_mg_per_session <= SITE_MOST_MG_PER_SESSION
    # ... and in the words a reader sees (the page and the terminal), not only in the values.
    words = result.html + "\n".join(calculators.get("dose").text(result))
    assert all(float(n) <= SITE_MOST_MG_PER_H for n in MG_PER_H.findall(words))
    amounts = [n for pattern in MG for found in pattern.findall(words)
               for n in ((found,) if isinstance(found, str) else found)]
    assert amounts and all(float(n) <= SITE_MOST_MG_PER_SESSION for n in amounts)
    assert "mL" not in words


@given(pounds=st.floats(min_value=88.2, max_value=771), protocol=st.sampled_from(OFFERED))
def test_pounds_and_kilograms_agree(pounds, protocol):
    common = {"protocol": protocol, "adult": "yes"}
    in_lb = calculators.run("dose", {**common, "weight": repr(pounds), "unit": "lb"})
    in_kg = calculators.run("dose", {**common, "weight": repr(pounds * KG_PER_LB), "unit": "kg"})
    assert in_lb.ok and in_kg.ok
    for key in ("dosing_weight_kg", "rate_mg_per_h", "session_mg_low", "session_mg_high",
                "mg_per_kg_actual_low"):
        assert in_lb.values[key] == in_kg.values[key]


@given(weights=st.lists(valid_weight, min_size=2, max_size=2), protocol=st.sampled_from(OFFERED),
       basis=st.sampled_from(["actual", "adjusted"]), height=st.floats(min_value=152.4, max_value=250))
def test_more_weight_never_gives_more_than_the_regimen_nor_less(weights, protocol, basis, height):
    light, heavy = sorted(weights)
    common = {"protocol": protocol, "basis": basis, "adult": "yes",
              "height_cm": repr(height), "sex": "female"}
    small = calculators.run("dose", {**common, "weight": repr(light)}).values
    large = calculators.run("dose", {**common, "weight": repr(heavy)}).values
    assert large["session_mg_high"] >= small["session_mg_high"]
    if data.protocols()[protocol].shape != "rate-per-kg":  # a fixed amount: weight changes nothing
        assert large["session_mg_high"] == small["session_mg_high"]


@settings(max_examples=40)
@given(
    start=st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2099, 1, 1)),
    loading=st.integers(1, 14), titration=st.integers(0, 10), weeks=st.integers(1, 52),
    months=st.integers(1, 24), days=st.sets(st.integers(0, 6), min_size=1),
)
def test_schedule_sessions_keep_their_rules(start, loading, titration, weeks, months, days):
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    fields = {"start": start.isoformat(), "loading": str(loading), "titration": str(titration),
              "maintenance_weeks": str(weeks), "months": str(months),
              "open_days": ",".join(names[d] for d in sorted(days))}
    result = calculators.run("schedule", fields)
    limits = data.limits()
    refused = {field for field, value in [("loading", loading), ("titration", titration),
                                          ("maintenance_weeks", weeks)]
               if not limits[field][0] <= value <= limits[field][1]}
    open_in_window = sum((start + datetime.timedelta(days=i)).weekday() in days for i in range(14))
    if loading > open_in_window:
        refused.add("loading")
    assert set(result.errors) == refused
    if refused:
        return
    rows = result.values["sessions"]
    sessions = [(datetime.date.fromisoformat(s["date"]), s["phase"])
                for s in rows if s["phase"] != "review"]
    dates = [d for d, _ in sessions]
    assert dates == sorted(set(dates))
    assert [s["date"] for s in rows] == sorted(s["date"] for s in rows)
    assert all(d.weekday() in days for d in dates)
    assert [p for _, p in sessions][:loading] == ["first"] + ["loading"] * (loading - 1)
    assert rows[1]["phase"] == "review" and not rows[0]["conditional"] and not rows[1]["conditional"]
    assert all(row["conditional"] for row in rows[2:])
    assert all(start <= d < start + datetime.timedelta(days=14)
               for d, p in sessions if p in ("first", "loading"))
    horizon = datetime.date.fromisoformat(result.values["horizon_end"])
    assert all(d <= horizon for d, _ in sessions)  # no phase runs past the end of the plan
    assert sum(p == "adjustment" for _, p in sessions) + result.values["left_out"] == titration
    text = calculators.get("schedule").export("ics", fields, datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert len(events) == len(rows)
    assert [str(e["SUMMARY"]) for e in events] == [
        say("ics.summary.conditional" if row["conditional"] else "ics.summary",
            what=say(f"ics.what.{row['phase']}")) for row in rows]


@given(st.text())
def test_escape_is_html_escape(text):
    import html

    from calculators.render import escape

    assert escape(text) == html.escape(text)
