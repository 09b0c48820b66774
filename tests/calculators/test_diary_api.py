"""The diary's API for the browser's worker, `calculators.diary_json`: each action's JSON shape,
its refusals with codes, and an answer (never an exception) for any request."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calculators
from calculators import render
from calculators.diary import api, files, summary, view, words
from calculators.diary.entries import INPUTS, read_entry
from calculators.messages import say, say_n
from tests.vectors import DIARY

ENTRIES = [read_entry(fields)[0] for fields in DIARY]
STORED = [entry.stored() for entry in ENTRIES]
PROBLEM_KEYS = {"code", "message", "date", "number", "field", "field_code"}


def ask(**request):
    answer = json.loads(calculators.diary_json(json.dumps(request)))
    assert answer["action"] == request.get("action", "") and answer["summary"]
    return answer


def test_an_entry_is_read_into_its_stored_shape():
    answer = ask(action="entry", fields={**DIARY[7], "pain": 6, "effects": ["nausea",
                                                                           "dissociation"]})
    assert answer["ok"] is True and answer["entry"] == STORED[7]
    assert (answer["errors"], answer["codes"], answer["notes"]) == ({}, {}, [])
    assert answer["summary"] == say("diary.entry.read", date=words.day("2027-01-11", "en"))


def test_an_entry_with_errors_gives_them_by_field_with_codes():
    answer = ask(action="entry", fields={"date": "2027-01-04", "pain": "14", "sleep_hours": "x"})
    assert answer["ok"] is False and answer["entry"] is None
    assert answer["codes"] == {"pain": "too-high", "sleep_hours": "invalid"}
    assert set(answer["errors"]) == {"pain", "sleep_hours"}
    said = answer["summary"]  # the diary's words: an entry not saved, not a result not worked out
    assert said == render.fix_sentence(INPUTS, answer["errors"], words=api.NOT_SAVED)
    assert said != render.fix_sentence(INPUTS, answer["errors"])
    assert ask(action="entry")["codes"] == {"date": "missing"}  # no fields at all


def test_an_entry_says_how_it_read_a_decimal_comma():
    answer = ask(action="entry", fields={"date": "2027-01-04", "sleep_hours": "6,5"})
    assert answer["entry"]["sleep_hours"] == 6.5 and len(answer["notes"]) == 1
    assert answer["notes"][0] in answer["summary"]


def test_the_summary_gives_values_html_and_words():
    answer = ask(action="summary", entries=STORED)
    values = summary.summarise(ENTRIES)
    assert answer["ok"] is True
    assert answer["values"] == json.loads(json.dumps(values))
    assert answer["html"] == view.html(values, "en")
    assert answer["summary"] == words.sentence(values, "en")
    assert answer["framing"] == say("diary.framing")
    assert answer["limitations"] == [say(code) for code in words.LIMITATIONS]
    assert answer["questions"] == [question for question, _ in words.questions(values, "en")]
    assert answer["references"] == ["krebs-2009", "asra-2018"]
    assert ask(action="summary", entries=STORED, notes=True)["html"] == view.html(
        values, "en", notes=True)


def test_the_summary_of_no_entries():
    answer = ask(action="summary", entries=[])
    assert answer["ok"] and answer["summary"] == say("diary.sentence.empty")


def test_entries_with_a_problem_are_refused_as_an_import_would_be():
    damaged = [*STORED[:3], {**STORED[3], "pain": 14}]
    for action in ("summary", "export"):
        answer = ask(action=action, entries=damaged, kind="csv")
        assert answer["ok"] is False and set(answer["problem"]) == PROBLEM_KEYS
        assert (answer["problem"]["code"], answer["problem"]["date"]) == ("entry", "2027-01-07")
        assert answer["summary"] == say("result.summary.then", first=answer["problem"]["message"],
                                        then=say("diary.unchanged"))
    assert ask(action="summary")["problem"]["code"] == "damaged"  # no list of entries at all


@pytest.mark.parametrize("kind", ["json", "csv"])
def test_export_and_import_there_and_back(kind):
    exported = ask(action="export", kind=kind, entries=STORED)
    assert exported["ok"] and exported["text"] == files.export(kind, ENTRIES)
    assert exported["media_type"] == files.MEDIA_TYPES[kind]
    assert exported["filename"].endswith(f".{kind}")
    assert exported["summary"] == say_n("diary.export.written", "diary.export.written.plural", 19)
    imported = ask(action="import", text=exported["text"])
    assert imported["ok"] and imported["entries"] == STORED
    assert imported["summary"] == say_n(
        "diary.import.read", "diary.import.read.plural", 19, start=words.day("2027-01-04", "en"),
        end=words.day("2027-01-24", "en"))


def test_an_import_refused_gives_only_the_problem():
    text = files.to_json(ENTRIES)[:-40]
    answer = ask(action="import", text=text)
    assert answer == {"ok": False, "action": "import", "summary": answer["summary"],
                      "problem": files.parse(text)[1].to_dict()}
    assert answer["problem"]["code"] == "damaged"
    assert answer["summary"].endswith(say("diary.unchanged"))
    assert ask(action="import", text=7)["problem"]["code"] == "empty"
    assert ask(action="import", text=files.to_json([]))["summary"] == say("diary.import.none")


def test_an_unknown_export_kind_is_refused():
    answer = ask(action="export", kind="pdf", entries=STORED)
    assert answer["ok"] is False and answer["problem"]["code"] == "unknown-kind"


@pytest.mark.parametrize(("request_json", "lang", "code"), [
    ("not json", "en", "unreadable"),
    ("[1, 2]", "en", "unreadable"),
    ('{"action": "delete"}', "en", "unknown-action"),
    ('{"action": ["entry"]}', "en", "unknown-action"),
    ('{"action": "summary", "entries": []}', "xx", "language"),
    (None, "en", "unreadable"),
])
def test_a_request_that_cannot_be_answered_is_refused_with_a_code(request_json, lang, code):
    answer = json.loads(calculators.diary_json(request_json, lang))
    assert answer["ok"] is False and answer["problem"]["code"] == code
    assert set(answer["problem"]) == PROBLEM_KEYS and answer["summary"] == answer["problem"][
        "message"]


def test_an_action_that_fails_still_answers(monkeypatch):
    from calculators.diary import api

    monkeypatch.setitem(api.ACTIONS, "summary", lambda request, lang: 1 / 0)
    answer = json.loads(calculators.diary_json('{"action": "summary"}'))
    assert answer["ok"] is False and answer["problem"]["code"] == "failed"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=3), max_leaves=12)


@given(st.sampled_from(["entry", "summary", "import", "export", "ics", "other"]),
       st.dictionaries(st.sampled_from(["fields", "entries", "text", "kind", "notes", "until"]),
                       json_values, max_size=4))
def test_any_request_gets_an_answer(action, request):
    answer = json.loads(calculators.diary_json(json.dumps({"action": action, **request})))
    assert answer["ok"] in (True, False) and answer["action"] == action
    assert answer["ok"] or answer.get("problem") or answer.get("errors")
