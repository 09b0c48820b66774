"""A calculator's inputs, one class a kind: each reads its raw text (through `schema.Reader`, which
keeps the errors), draws its form control and names its command-line value. Nothing else in the
package asks what kind an input is.

A field's words are codes of the message catalogue (`messages`), said in the reader's language
when the form is drawn or the text is read: `label`, `help`, the choices' labels, and what is
wrong: `invalid` (not a number, not one of the choices, not a date), `missing` (required and
blank), and for a number `too_low`, `too_high` and `negative`. Their placeholders are the field's
`words(lang)` and, for a bounded one, {min} and {max} (and {value}, what was typed). Each problem
has a stable code (the same names, with "-": "too-low"), which tests and other programs rely on.
A number whose comma could be something else than a decimal comma has its own code and words
(`COMMA_WORDS`), the same for every number field.
"""

import dataclasses
import datetime
import re
from collections.abc import Callable, Mapping
from typing import ClassVar

from calculators.render import escape
from calculators.formats import plain
from calculators.messages import N_, say
from calculators.schema import Reading, decimal, integer

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclasses.dataclass(frozen=True, kw_only=True)
class Field:
    """What every input has. `default` is what the worked example shows; a field that is not sent
    at all takes it (unless it is required). `required`: blank is an error. `absent_default`: a
    required field that is not sent at all (a command line without the flag) takes the default.
    `preset`: another site's embed may start on a value of it (never on the reader's own answer).
    """

    name: str
    label: str
    unit: str = ""  # a code, like the words: a unit's symbol or name may differ by language
    default: str = ""
    help: str = ""
    required: bool = False
    absent_default: bool = False
    preset: bool = False
    invalid: str = ""
    missing: str = ""
    metavar: str = ""  # the command line's name for the value, when its choices are too many
    # The values of the placeholders in the field's words, in a language (figures, titles).
    words: Callable[[str], Mapping[str, object]] | None = None
    choices: ClassVar[tuple[tuple[str, str], ...]] = ()  # (value, label): a kind with choices
    several: ClassVar[bool] = False  # takes several of its choices at once (a list), not one

    def placeholders(self, lang: str) -> dict[str, object]:
        return dict(self.words(lang)) if self.words else {}

    def say(self, code: str, lang: str, **values: object) -> str:
        """One of the field's words (`label`, `help`, `invalid`...) in `lang`; "" for none."""
        return say(code, lang, **self.placeholders(lang), **values) if code else ""

    def fail(self, reader, problem: str, code: str, **values: object) -> None:
        """Tell the reader what is wrong with the field: `problem` the stable code, `code` the
        words'."""
        reader.fail(self.name, problem, self.say(code, reader.lang, **values))

    def options(self, lang: str) -> tuple[tuple[str, str], ...]:
        """The choices as (value, the words a reader sees)."""
        return tuple((value, self.say(label, lang)) for value, label in self.choices)

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")

    @property
    def cli_value(self) -> str:
        """What the command line's help shows for the value."""
        return self.metavar or self.name[0].upper()

    def control_id(self, base: str) -> str:
        """The id a link to the field points to (its control's)."""
        return base

    def read(self, reader, **options):
        """The field's value from the reader's raw text, or None (the reader keeps the error)."""
        raise NotImplementedError

    def control(self, base: str, attributes: str, value: str, lang: str) -> str:
        """The form control: `base` its id, `attributes` the shared ARIA and name attributes."""
        raise NotImplementedError

    def labelled(self, base: str, label: str, control: str, below: str) -> str:
        """The control with its label, help and error slot (`below`)."""
        return (f'<div class="calculator-field"><label for="{base}">{label}</label>'
                f"{control}{below}</div>")


@dataclasses.dataclass(frozen=True, kw_only=True)
class Bounded(Field):
    """A value between `min` and `max`, with a message for each side (and for below zero)."""

    min: float | None = None
    max: float | None = None
    too_low: str = ""
    too_high: str = ""
    negative: str = ""  # below zero, when that deserves its own words

    def placeholders(self, lang: str) -> dict[str, object]:
        return {"min": plain(self.min or 0, lang), "max": plain(self.max or 0, lang),
                **super().placeholders(lang)}

    def bounded(self, reader, value, scale: float = 1.0):
        """The value (scaled) when it is within the bounds, else None with the bound's message."""
        typed = plain(value, reader.lang)
        if value < 0 and self.negative:
            self.fail(reader, "negative", self.negative, value=typed)
        elif self.min is not None and value * scale < self.min:
            self.fail(reader, "too-low", self.too_low, value=typed)
        elif self.max is not None and value * scale > self.max:
            self.fail(reader, "too-high", self.too_high, value=typed)
        else:
            return value * scale
        return None


# What a comma that is not a decimal comma is (the parser's problem codes), in words that say
# why; {value} is what was typed.
COMMA_WORDS = {
    "comma-thousands": N_("field.number.comma-thousands"),
    "several-commas": N_("field.number.several-commas"),
    "comma-and-point": N_("field.number.comma-and-point"),
    "comma-in-whole-number": N_("field.whole.comma"),
}


@dataclasses.dataclass(frozen=True, kw_only=True)
class Number(Bounded):
    """A plain decimal (no exponent, no nan or infinity; a point or a decimal comma, see
    `schema.decimal`) within its bounds, checked after `read(reader, scale=...)` scales it
    (pounds to kilograms, for one). A decimal comma read is said in a note of the result."""

    step: float | None = None
    inputmode = "decimal"

    def parse(self, raw: str) -> Reading:
        return decimal(raw)

    def read(self, reader, scale: float = 1.0):
        value = self.number(reader)
        return None if value is None else self.bounded(reader, value, scale)

    def number(self, reader):
        """The number the field's text holds, or None with the reason (the comma's, or the
        field's own `invalid` words); a decimal comma read becomes a note of the result."""
        raw = reader.present(self.name)
        if raw is None:
            return None
        reading = self.parse(raw)
        if reading.value is None:
            problem = reading.problem or "invalid"
            self.fail(reader, problem, COMMA_WORDS.get(problem, self.invalid), value=raw)
        # (a language that writes decimals with a comma needs no word about reading one)
        elif reading.comma and say("number.decimal-separator", reader.lang) != ",":
            reader.note("field.number.read-as", say(
                "field.number.read-as", reader.lang, label=self.say(self.label, reader.lang),
                value=plain(reading.value, reader.lang)))
        return reading.value

    def control(self, base: str, attributes: str, value: str, lang: str) -> str:
        return (f'<input type="text" inputmode="{self.inputmode}" autocomplete="off" {attributes} '
                f'value="{escape(value)}">')


@dataclasses.dataclass(frozen=True, kw_only=True)
class Whole(Number):
    """A whole number within its bounds (a comma is refused with words of its own)."""

    inputmode = "numeric"

    def parse(self, raw: str) -> Reading:
        return integer(raw)

    def read(self, reader):
        value = self.number(reader)
        return value if value is not None and self.bounded(reader, value) is not None else None

    @property
    def cli_value(self) -> str:
        return self.metavar or "N"


@dataclasses.dataclass(frozen=True, kw_only=True)
class Choice(Field):
    """One of its `choices` ((value, label) pairs; the values are the command line's strings),
    the default when blank."""

    choices: tuple[tuple[str, str], ...] = ()
    preset: bool = True
    # Choices whose words are not the catalogue's (a regimen's title, from the data file's
    # words): in a language, value -> words; `choices` then holds (value, value).
    option_words: Callable[[str], Mapping[str, str]] | None = None

    @property
    def cli_value(self) -> str:
        return self.metavar or "|".join(value for value, _ in self.choices if value)

    def read(self, reader):
        raw = reader.present(self.name)
        if raw is None:
            return self.default
        if raw not in {value for value, _ in self.choices}:
            self.fail(reader, "invalid", self.invalid)
            return self.default
        return raw

    def options(self, lang: str) -> tuple[tuple[str, str], ...]:
        if self.option_words is None:
            return super().options(lang)
        said = self.option_words(lang)
        return tuple((value, said[value]) for value, _ in self.choices)

    def control(self, base: str, attributes: str, value: str, lang: str) -> str:
        options = "".join(
            f'<option value="{escape(choice)}"{" selected" if choice == value else ""}>'
            f"{escape(label)}</option>"
            for choice, label in self.options(lang)
        )
        return f"<select {attributes}>{options}</select>"


@dataclasses.dataclass(frozen=True, kw_only=True)
class Days(Field):
    """Several of its `choices`, written as a comma-separated list; read as their positions."""

    choices: tuple[tuple[str, str], ...] = ()
    several: ClassVar[bool] = True

    @property
    def cli_value(self) -> str:
        return self.metavar or ",".join(value for value, _ in self.choices)

    def control_id(self, base: str) -> str:
        return f"{base}-{self.choices[0][0]}"  # a group of boxes: a link points to the first

    def read(self, reader):
        names = [value for value, _ in self.choices]
        chosen = [token.strip().lower() for token in reader.raw(self.name).split(",")
                  if token.strip()]
        if not chosen:
            self.fail(reader, "missing", self.missing)
            return set()
        if any(token not in names for token in chosen):
            self.fail(reader, "invalid", self.invalid)
            return set()
        return {names.index(token) for token in chosen}

    def control(self, base: str, attributes: str, value: str, lang: str) -> str:
        invalid = ' aria-invalid="true"' if 'aria-invalid="true"' in attributes else ""
        chosen = {day.strip().lower() for day in value.split(",")}
        return "".join(
            f'<span class="calculator-day"><input type="checkbox" id="{base}-{escape(day)}" '
            f'name="{escape(self.name)}" value="{escape(day)}"{invalid}'
            f'{" checked" if day in chosen else ""}>'
            f'<label for="{base}-{escape(day)}">{escape(label)}</label></span>'
            for day, label in self.options(lang)
        )

    def labelled(self, base: str, label: str, control: str, below: str) -> str:
        described = f'aria-describedby="{base}-help {base}-error"'
        return (f'<fieldset class="calculator-field calculator-days" id="{base}" {described}>'
                f"<legend>{label}</legend>{control}{below}</fieldset>")


@dataclasses.dataclass(frozen=True, kw_only=True)
class Date(Bounded):
    """An ISO date (YYYY-MM-DD) that exists, its year within `min` and `max`."""

    does_not_exist: str = N_("field.date.does-not-exist")

    @property
    def cli_value(self) -> str:
        return self.metavar or "YYYY-MM-DD"

    def read(self, reader):
        raw = reader.present(self.name)
        if raw is None:
            return None
        if not _ISO_DATE.fullmatch(raw):
            self.fail(reader, "invalid", self.invalid)
            return None
        try:
            day = datetime.date.fromisoformat(raw)
        except ValueError:
            self.fail(reader, "no-such-date", self.does_not_exist)
            return None
        return day if self.bounded(reader, day.year) is not None else None

    def control(self, base: str, attributes: str, value: str, lang: str) -> str:
        return f'<input type="date" {attributes} value="{escape(value)}">'


@dataclasses.dataclass(frozen=True, kw_only=True)
class Ticks(Days):
    """Any of its `choices`, or none: boxes in groups, written as a comma-separated list; read as
    the chosen values in the choices' order. `option_words(lang)` gives each value's words and
    `grouped(lang)` each group's heading with its values, in order. A value that is not a choice
    is an error whose words ({unknown}, {valid}) name it and every valid one."""

    option_words: Callable[[str], Mapping[str, str]] | None = None
    grouped: Callable[[str], Mapping[str, tuple[str, ...]]] | None = None

    @property
    def cli_value(self) -> str:
        return self.metavar or "VALUE[,VALUE...]"

    def read(self, reader):
        names = [value for value, _ in self.choices]
        chosen = {token.strip().lower() for token in reader.raw(self.name).split(",")
                  if token.strip()}
        unknown = sorted(chosen - set(names))
        if unknown:
            self.fail(reader, "invalid", self.invalid, unknown=", ".join(unknown),
                      valid=", ".join(names))
            return ()
        return tuple(value for value in names if value in chosen)

    def options(self, lang: str) -> tuple[tuple[str, str], ...]:
        said = self.option_words(lang) if self.option_words else {}
        return tuple((value, said.get(value) or self.say(label, lang))
                     for value, label in self.choices)

    def control(self, base: str, attributes: str, value: str, lang: str) -> str:
        invalid = ' aria-invalid="true"' if 'aria-invalid="true"' in attributes else ""
        chosen = {token.strip().lower() for token in value.split(",")}
        words = dict(self.options(lang))
        groups = self.grouped(lang) if self.grouped else {"": tuple(words)}
        return "".join(
            f'<fieldset class="calculator-tick-group"><legend>{escape(heading)}</legend>'
            + "".join(
                f'<span class="calculator-tick"><input type="checkbox" id="{base}-{escape(key)}" '
                f'name="{escape(self.name)}" value="{escape(key)}"{invalid}'
                f'{" checked" if key in chosen else ""}>'
                f'<label for="{base}-{escape(key)}">{escape(words[key])}</label></span>'
                for key in keys)
            + "</fieldset>"
            for heading, keys in groups.items())

    def labelled(self, base: str, label: str, control: str, below: str) -> str:
        described = f'aria-describedby="{base}-help {base}-error"'
        return (f'<fieldset class="calculator-field calculator-ticks" id="{base}" {described}>'
                f"<legend>{label}</legend>{below}{control}</fieldset>")
