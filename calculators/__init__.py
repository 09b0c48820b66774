"""Illustrative ketamine dose and schedule calculators: plain Python, no I/O in their logic.

The same code runs under CPython (tests, build, command line) and in the browser under Pyodide.
Educational illustrations of published protocols, not prescriptions.
"""

import datetime
import json
from collections.abc import Mapping

from calculators import data, messages, render, schema
from calculators.registry import get, names
from calculators.render import escape
from calculators.fields import Field
from calculators.messages import N_
from calculators.schema import Result, Warning

__all__ = [
    "Field", "Result", "Warning", "data", "diary_json", "export_json", "get", "names",
    "render_form", "run", "run_json",
]


def run(name: str, fields: Mapping[str, str], lang: str = messages.DEFAULT) -> Result:
    return get(name).compute(fields, lang)


def _failure(field: str, code: str, words: str, lang: str) -> Result:
    """A request the calculators cannot answer: its problem's code, and its words' code."""
    message = messages.say(words, lang)
    html = ('<div class="calculator-result calculator-result-errors">'
            f"<p>{escape(message)}</p></div>")
    return Result({}, [], {field: message}, html, [], {field: code}, message)


def _fields_from_json(fields_json: object) -> dict[str, str] | None:
    """A JSON object's entries as text (numbers and lists of text are accepted), or None."""
    try:
        parsed = json.loads(fields_json)  # type: ignore[arg-type]
    except (TypeError, ValueError, RecursionError):
        return None
    if not isinstance(parsed, dict):
        return None
    fields = {}
    for key, value in parsed.items():
        if value is None:
            value = ""
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            value = ",".join(value)
        elif not isinstance(value, str):
            value = json.dumps(value)
        fields[key] = value
    return fields


def run_json(name: str, fields_json: str, lang: str = messages.DEFAULT) -> str:
    """For the browser: a JSON object of strings in, json of `Result.to_dict()` out, the words in
    `lang` (a language the site has not: an error, in the default language). Never raises."""
    fields = _fields_from_json(fields_json)
    if lang not in messages.LANGUAGES:
        result = _failure("language", "language", N_("api.language"), messages.DEFAULT)
    elif fields is None:
        result = _failure("fields", "unreadable", N_("api.unreadable"), lang)
    elif name not in names():
        result = _failure("calculator", "unknown", N_("api.unknown"), lang)
    else:
        try:
            result = run(name, fields, lang)
        except Exception:  # noqa: BLE001 - the page must always get an answer
            result = _failure("calculator", "failed", N_("api.failed"), lang)
    return json.dumps(result.to_dict())


def render_form(
    name: str, fields: Mapping[str, str] | None = None, *, lang: str = messages.DEFAULT,
) -> str:
    """The whole calculator as HTML: the form built from the declaration and its result.

    `fields` None gives the worked example (the declared defaults; the schedule's start is the
    data file's fixed example date, never today: example dates, not a plan). A field left out
    takes its default, except the required ones.
    """
    calc = get(name)
    if fields is None:
        values = schema.worked_example(calc.inputs)
    else:
        values = {field.name: schema.shown_value(fields, field) for field in calc.inputs}
    result = calc.compute(values, lang)
    return render.form(name, calc.inputs, values, result.errors, result.html, calc.actions,
                       calc.limitations, lang, result.summary, getattr(calc, "private", False),
                       schema.framing(calc))


def export_json(name: str, kind: str, fields_json: str, now_iso: str,
                lang: str = messages.DEFAULT) -> str:
    """For the browser: a calculator's download (its `export`) from JSON fields at an ISO time,
    its words in `lang`; "" when the name, the kind, the time, the language or the input is not
    right. Never raises."""
    fields = _fields_from_json(fields_json)
    try:
        now = datetime.datetime.fromisoformat(now_iso)
        calc = get(name)
    except (TypeError, ValueError, KeyError):
        return ""
    if fields is None or kind not in {a.export for a in calc.actions if a.kind == "download"}:
        return ""
    if lang not in messages.LANGUAGES:
        return ""
    return calc.export(kind, fields, now, lang)


def diary_json(request_json: str, lang: str = messages.DEFAULT) -> str:
    """For the browser: the diary's answer to a JSON request (see `calculators.diary`), its words
    in `lang`. Never raises."""
    from calculators.diary import api  # at first use: only the diary's page needs it

    return api.answer(request_json, lang)
