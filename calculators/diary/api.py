"""The diary's answers to the browser's worker: `answer(request_json, lang)`, JSON in and out
(the shapes are in the package's docstring). Never raises."""

import datetime
import json
import re

from calculators import messages, render
from calculators.diary import entries, files, planner, summary, view, words
from calculators.messages import N_, N_n, say, say_n


# An entry with fields to fix is not saved: its summary says so (not "no result yet")
NOT_SAVED = N_n("diary.entry.not-saved", "diary.entry.not-saved.plural")


def answer(request_json: str, lang: str = messages.DEFAULT) -> str:
    try:
        request = json.loads(request_json)
    except (TypeError, ValueError, RecursionError):
        request = None
    action = request.get("action") if isinstance(request, dict) else None
    name = action if isinstance(action, str) else ""
    said = lang if lang in messages.LANGUAGES else messages.DEFAULT  # the words of a refusal
    try:
        if lang not in messages.LANGUAGES:
            found = _refused(name, "language", N_("api.language"), said)
        elif not isinstance(request, dict):
            found = _refused(name, "unreadable", N_("diary.api.unreadable"), lang)
        elif name not in ACTIONS:
            found = _refused(name, "unknown-action", N_("diary.api.unknown-action"), lang)
        else:
            found = {"ok": True, "action": name, **ACTIONS[name](request, lang)}
        return json.dumps(found)
    except Exception:  # noqa: BLE001 - the page must always get an answer
        return json.dumps(_refused(name, "failed", N_("diary.api.failed"), said))


def _refused(action: str, code: str, words_code: str, lang: str) -> dict:
    message = say(words_code, lang)
    return {"ok": False, "action": action, "problem": files.Problem(code, message).to_dict(),
            "summary": message}


def _problem(problem: files.Problem, lang: str) -> dict:
    """Entries refused: the problem, and in one sentence with it that nothing was changed."""
    return {"ok": False, "problem": problem.to_dict(), "summary": say(
        "result.summary.then", lang, first=problem.message, then=say("diary.unchanged", lang))}


def _entry(request: dict, lang: str) -> dict:
    fields = request.get("fields")
    fields = ({str(key): entries.text_of(value) for key, value in fields.items()}
              if isinstance(fields, dict) else {})
    entry, read = entries.read_entry(fields, lang)
    if entry is None:
        return {"ok": False, "entry": None, "errors": read.errors, "codes": read.codes,
                "notes": [], "summary": render.fix_sentence(entries.INPUTS, read.errors, lang,
                                                            NOT_SAVED)}
    sentence = say("diary.entry.read", lang, date=words.day(entry.date.isoformat(), lang))
    return {"entry": entry.stored(), "errors": {}, "codes": {},
            "notes": [said for _, said in read.notes], "summary": render.summary(sentence, read)}


def _summary(request: dict, lang: str) -> dict:
    found, problem = files.read_stored(request.get("entries"), lang)
    if problem:
        return _problem(problem, lang)
    values = summary.summarise(found)
    return {"values": values, "html": view.html(values, lang, request.get("notes") is True),
            "summary": words.sentence(values, lang), "framing": say("diary.framing", lang),
            "limitations": [say(code, lang) for code in words.LIMITATIONS],
            "questions": [question for question, _ in words.questions(values, lang)],
            "references": words.references(values, lang)}


def _import(request: dict, lang: str) -> dict:
    text = request.get("text")
    found, problem = files.parse(text if isinstance(text, str) else "", lang)
    if problem:
        return _problem(problem, lang)
    if not found:
        sentence = say("diary.import.none", lang)
    else:
        sentence = say_n("diary.import.read", "diary.import.read.plural", len(found), lang,
                         start=words.day(found[0].date.isoformat(), lang),
                         end=words.day(found[-1].date.isoformat(), lang))
    return {"entries": [entry.stored() for entry in found], "summary": sentence}


def _export(request: dict, lang: str) -> dict:
    kind = request.get("kind")
    if kind not in files.MEDIA_TYPES:
        message = say("diary.api.unknown-kind", lang, kinds=", ".join(files.MEDIA_TYPES))
        return {"ok": False, "problem": files.Problem("unknown-kind", message).to_dict(),
                "summary": message}
    found, problem = files.read_stored(request.get("entries"), lang)
    if problem:
        return _problem(problem, lang)
    return {"text": files.export(kind, found), "media_type": files.MEDIA_TYPES[kind],
            "filename": f"diary.{kind}", "summary": say_n(
                "diary.export.written", "diary.export.written.plural", len(found), lang)}


def _ics(request: dict, lang: str) -> dict:
    found, problem = files.read_stored(request.get("entries"), lang)
    if problem:
        return _problem(problem, lang)
    until = request.get("until")
    try:  # (YYYY-MM-DD only: fromisoformat alone takes other forms too)
        until = None if until is None else datetime.date.fromisoformat(_ISO_DAY.fullmatch(until)[0])
    except (TypeError, ValueError):
        return _refused("ics", "unreadable", N_("diary.api.unreadable"), lang)
    text = request.get("text")
    days, problem = planner.infusion_days(text if isinstance(text, str) else "", lang)
    if problem:
        return _problem(problem, lang)
    done = planner.mark(found, days, until)
    if done is None:
        return _problem(files.Problem("damaged", say("diary.ics.damaged", lang)), lang)
    return {"entries": [entry.stored() for entry in done.entries],
            **{name: [day.isoformat() for day in getattr(done, name)]
               for name in ("marked", "already", "later")},
            "summary": words.marked(done, until, lang)}


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

ACTIONS = {"entry": _entry, "summary": _summary, "import": _import, "export": _export,
           "ics": _ics}
