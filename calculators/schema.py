"""What every calculator shares: its contract, its inputs and result, and reading raw form text.

A calculator is a module of `calculators.tools` (see `registry`) with `name`, `title`, `summary`,
`inputs`, `actions`, `limitations` (what every result is not, in sentences shown beside it),
`embeddable` and `embed_height` (whether other sites may embed it, and the embed's height in px
before its loader sizes it), `compute(fields, lang)`, `text(result, lang)` and, when it
declares a download, `export(kind, fields, now, lang)`; `private = True` when its inputs are about
the reader's health (the page then never puts them in its address); optionally `endorsed = True`
when its printout is a handout the clinic gives (the full page, never an embed, then prints the
clinic's name and address and the date it was printed; `plugins/embeds` reads it); optionally
`framing`, the code of its own framing where the site's ("framing": an illustration of published
protocols, never a prescription) does not describe it (`framing(calc)`). Its worked example is
its inputs' defaults (`worked_example`). The site builds the form, the command line and the
browser's actions from those. Its `title`, `summary`, `limitations` and actions' labels are message codes (`messages`),
said in the reader's language; `compute` and `text` say their own words in `lang`. Every result
`compute` gives has its `summary` (`Result.summary`), the one sentence the page announces:
`render.summary` for a worked-out one, `render.failure` for input that needs fixing.
"""

import dataclasses
import math
import re
from collections.abc import Mapping
from typing import Protocol

from calculators import data, messages


@dataclasses.dataclass(frozen=True)
class Action:
    """Something the reader can do with a result once the live calculator is ready.

    `kind` "download" asks the calculator's `export(export, fields, now)` for text, saved as
    `filename` of type `media_type` (and offered on the command line as `--<export> FILE`);
    "print" prints the page.
    """

    kind: str
    label: str
    export: str = ""
    filename: str = ""
    media_type: str = ""


@dataclasses.dataclass(frozen=True)
class Warning:  # noqa: A001 - the name the site uses
    """A published line the result crosses, with the id of its reference."""

    code: str
    message: str
    reference: str


@dataclasses.dataclass
class Result:
    values: dict
    warnings: list[Warning]
    errors: dict[str, str]
    html: str
    references: list[str] = dataclasses.field(default_factory=list)
    codes: dict[str, str] = dataclasses.field(default_factory=dict)  # field -> its error's code
    # The result in one sentence, in the reader's language: the few figures that matter (or
    # which fields need fixing). The page's live region says only this, not the whole result.
    summary: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict:
        """The JSON shape the browser's worker returns."""
        return {
            "ok": self.ok,
            "values": self.values,
            "warnings": [dataclasses.asdict(w) for w in self.warnings],
            "errors": dict(self.errors),
            "codes": dict(self.codes),
            "html": self.html,
            "references": list(self.references),
            "summary": self.summary,
        }


class Calculator(Protocol):
    """The contract every calculator module fulfils (see the module docstring)."""

    name: str
    title: str
    summary: str
    inputs: tuple  # of `fields.Field`
    actions: tuple[Action, ...]
    limitations: tuple[str, ...]
    embeddable: bool
    embed_height: int

    def compute(self, fields: Mapping[str, str], lang: str = messages.DEFAULT) -> Result: ...

    def text(self, result: Result, lang: str = messages.DEFAULT) -> list[str]: ...



_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_INTEGER = re.compile(r"[+-]?[0-9]+")
# A decimal comma: the number's one comma, one or two digits after it (70,5; 0,35; ,5). The only
# decimal key of many phones' number pads outside the US.
_DECIMAL_COMMA = re.compile(r"([+-]?[0-9]*),([0-9]{1,2})")
_DIGITS_AND_MARKS = re.compile(r"[+-]?[0-9.,]*[0-9][0-9.,]*")  # a number, were it not for a comma
_LONGEST = 64  # characters: anything longer is not a number a person typed


@dataclasses.dataclass(frozen=True)
class Reading:
    """What the number parser read from a person's text: a `value`, or None with, when a comma
    is the reason, the `problem`'s code; `comma` says a decimal comma was taken for the point."""

    value: float | int | None
    problem: str = ""
    comma: bool = False


def text(fields: Mapping, name: str) -> str:
    """The raw text of one field, stripped; "" when absent."""
    value = fields.get(name, "")
    if value is None:
        return ""
    return str(value).strip()


def decimal(raw: str) -> Reading:
    """A plain decimal number (no exponent, no nan or infinity), with a point or a decimal comma.

    A comma that could be something else is a problem, never a guess: "comma-thousands" (1,000
    and 70,500 may separate thousands), "several-commas" (1,5,0), "comma-and-point" (1,000.5).
    """
    if len(raw) > _LONGEST:
        return Reading(None)
    if "," not in raw:
        return Reading(_finite(raw))
    if (comma := _DECIMAL_COMMA.fullmatch(raw)) is not None:
        return Reading(_finite(f"{comma[1]}.{comma[2]}"), comma=True)
    return Reading(None, _comma_problem(raw))


def _finite(raw: str) -> float | None:
    if not _DECIMAL.fullmatch(raw):
        return None
    value = float(raw)
    return value if math.isfinite(value) else None


def _comma_problem(raw: str) -> str:
    """Why a number with a comma is not read ("" when it is no number anyway)."""
    if not _DIGITS_AND_MARKS.fullmatch(raw):
        return ""
    if raw.count(",") > 1:
        return "several-commas"
    if "." in raw:
        return "comma-and-point"
    return "comma-thousands" if re.fullmatch(r"[+-]?[0-9]+,[0-9]{3,}", raw) else ""


def integer(raw: str) -> Reading:
    """A whole number; a comma (4,5 or 1,000) is the problem "comma-in-whole-number"."""
    if len(raw) > _LONGEST:
        return Reading(None)
    if _INTEGER.fullmatch(raw):
        return Reading(int(raw))
    comma = "," in raw and _DIGITS_AND_MARKS.fullmatch(raw)
    return Reading(None, "comma-in-whole-number" if comma else "")


def worked_example(inputs: tuple) -> dict[str, str]:
    """The fields of a worked example: every input's declared default."""
    return {field.name: field.default for field in inputs}


def shown_value(fields: Mapping, field) -> str:
    """The text a field holds: what was sent, else its default (nothing for a required field
    that takes no default when absent)."""
    if fields.get(field.name) is not None:
        return text(fields, field.name)
    return field.default if not field.required or field.absent_default else ""


class Reader:
    """Reads raw form text against the declared inputs (`fields`): one message per field, in the
    order the inputs are declared, each in that field's own words, in `lang`. Never raises."""

    def __init__(self, inputs: tuple, fields: object, lang: str = messages.DEFAULT):
        self.inputs = {field.name: field for field in inputs}
        self.fields = fields if isinstance(fields, Mapping) else {}
        self.lang = lang
        self._errors: dict[str, tuple[str, str]] = {}  # field -> (code, message)
        self.notes: list[tuple[str, str]] = []  # (code, words): how fields were read

    @property
    def errors(self) -> dict[str, str]:
        """Field -> its message, in the order the inputs are declared."""
        return {name: self._errors[name][1] for name in self.inputs if name in self._errors}

    @property
    def codes(self) -> dict[str, str]:
        """Field -> the stable code of its problem (what tests and programs compare)."""
        return {name: self._errors[name][0] for name in self.inputs if name in self._errors}

    def get(self, name: str, **options):
        """The value of a declared input, read by its own kind (see `fields`), or None."""
        return self.inputs[name].read(self, **options)

    def fail(self, name: str, code: str, message: str) -> None:
        """Record a problem with a field, its code and its words (the first one found stands)."""
        self._errors.setdefault(name, (code, message))

    def say(self, code: str, **values: object) -> str:
        """Words of the catalogue in the reader's language (for a calculator's own problems)."""
        return messages.say(code, self.lang, **values)

    def has_error(self, name: str) -> bool:
        return name in self._errors

    def raw(self, name: str) -> str:
        """The field's text; blank or absent means the default unless the field is required."""
        declared = self.inputs[name]
        raw = shown_value(self.fields, declared)
        return declared.default if raw == "" and not declared.required else raw

    def present(self, name: str) -> str | None:
        """The field's text, or None when it is blank (an error first if it is required)."""
        raw = self.raw(name)
        if raw == "":
            declared = self.inputs[name]
            if declared.required:
                declared.fail(self, "missing", declared.missing or declared.invalid)
            return None
        return raw

    def note(self, code: str, words: str) -> None:
        """Say how a field was read (a decimal comma taken for the point): a note of the result,
        by its code."""
        self.notes.append((code, words))


def framing(calc) -> str:
    """The code of the calculator's framing: its own, else the site's."""
    return getattr(calc, "framing", "framing")


def citation_ids(warnings: list[Warning], *first: str) -> list[str]:
    """The reference ids a result uses, in order, without repeats."""
    ids = [*first, *(w.reference for w in warnings)]
    return [ref_id for ref_id in dict.fromkeys(ids) if ref_id in data.references()]
