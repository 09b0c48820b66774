"""A calculator's inputs, one class a kind: each reads its raw text (through `schema.Reader`, which
keeps the errors), draws its form control and names its command-line value. Nothing else in the
package asks what kind an input is.

Every field's messages say what is wrong in its own words: `invalid` (not a number, not one of
the choices, not a date), `missing` (required and blank), and for a number `too_low`, `too_high`
and `negative`, where {min}, {max} and {value} are the bounds and what was typed. Each comes with
a stable code (the same names, with "-": "too-low"), which tests and other programs rely on.
"""

import dataclasses
import datetime
import re
from typing import ClassVar

from calculators.render import escape
from calculators.formats import plain
from calculators.schema import decimal, integer

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
    unit: str = ""
    default: str = ""
    help: str = ""
    required: bool = False
    absent_default: bool = False
    preset: bool = False
    invalid: str = ""
    missing: str = ""
    metavar: str = ""  # the command line's name for the value, when its choices are too many
    choices: ClassVar[tuple[tuple[str, str], ...]] = ()  # (value, label): a kind with choices

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

    def control(self, base: str, attributes: str, value: str) -> str:
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

    def bounded(self, reader, value, scale: float = 1.0):
        """The value (scaled) when it is within the bounds, else None with the bound's message."""
        words = {"min": plain(self.min or 0), "max": plain(self.max or 0), "value": plain(value)}
        if value < 0 and self.negative:
            reader.fail(self.name, "negative", self.negative.format(**words))
        elif self.min is not None and value * scale < self.min:
            reader.fail(self.name, "too-low", self.too_low.format(**words))
        elif self.max is not None and value * scale > self.max:
            reader.fail(self.name, "too-high", self.too_high.format(**words))
        else:
            return value * scale
        return None


@dataclasses.dataclass(frozen=True, kw_only=True)
class Number(Bounded):
    """A plain decimal (no exponent, no nan or infinity) within its bounds, checked after
    `read(reader, scale=...)` scales it (pounds to kilograms, for one)."""

    step: float | None = None
    inputmode = "decimal"

    def parse(self, raw: str):
        return decimal(raw)

    def read(self, reader, scale: float = 1.0):
        value = reader.parsed(self.name, self.parse)
        return None if value is None else self.bounded(reader, value, scale)

    def control(self, base: str, attributes: str, value: str) -> str:
        return (f'<input type="text" inputmode="{self.inputmode}" autocomplete="off" {attributes} '
                f'value="{escape(value)}">')


@dataclasses.dataclass(frozen=True, kw_only=True)
class Whole(Number):
    """A whole number within its bounds."""

    inputmode = "numeric"

    def parse(self, raw: str):
        return integer(raw)

    def read(self, reader):
        value = reader.parsed(self.name, self.parse)
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

    @property
    def cli_value(self) -> str:
        return self.metavar or "|".join(value for value, _ in self.choices if value)

    def read(self, reader):
        raw = reader.present(self.name)
        if raw is None:
            return self.default
        if raw not in {value for value, _ in self.choices}:
            reader.fail(self.name, "invalid", self.invalid)
            return self.default
        return raw

    def control(self, base: str, attributes: str, value: str) -> str:
        options = "".join(
            f'<option value="{escape(choice)}"{" selected" if choice == value else ""}>'
            f"{escape(label)}</option>"
            for choice, label in self.choices
        )
        return f"<select {attributes}>{options}</select>"


@dataclasses.dataclass(frozen=True, kw_only=True)
class Days(Field):
    """Several of its `choices`, written as a comma-separated list; read as their positions."""

    choices: tuple[tuple[str, str], ...] = ()

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
            reader.fail(self.name, "missing", self.missing)
            return set()
        if any(token not in names for token in chosen):
            reader.fail(self.name, "invalid", self.invalid)
            return set()
        return {names.index(token) for token in chosen}

    def control(self, base: str, attributes: str, value: str) -> str:
        invalid = ' aria-invalid="true"' if 'aria-invalid="true"' in attributes else ""
        chosen = {day.strip().lower() for day in value.split(",")}
        return "".join(
            f'<span class="calculator-day"><input type="checkbox" id="{base}-{escape(day)}" '
            f'name="{escape(self.name)}" value="{escape(day)}"{invalid}'
            f'{" checked" if day in chosen else ""}>'
            f'<label for="{base}-{escape(day)}">{escape(label)}</label></span>'
            for day, label in self.choices
        )

    def labelled(self, base: str, label: str, control: str, below: str) -> str:
        described = f'aria-describedby="{base}-help {base}-error"'
        return (f'<fieldset class="calculator-field calculator-days" id="{base}" {described}>'
                f"<legend>{label}</legend>{control}{below}</fieldset>")


@dataclasses.dataclass(frozen=True, kw_only=True)
class Date(Bounded):
    """An ISO date (YYYY-MM-DD) that exists, its year within `min` and `max`."""

    does_not_exist: str = "That date does not exist; check the month and the day."

    @property
    def cli_value(self) -> str:
        return self.metavar or "YYYY-MM-DD"

    def read(self, reader):
        raw = reader.present(self.name)
        if raw is None:
            return None
        if not _ISO_DATE.fullmatch(raw):
            reader.fail(self.name, "invalid", self.invalid)
            return None
        try:
            day = datetime.date.fromisoformat(raw)
        except ValueError:
            reader.fail(self.name, "no-such-date", self.does_not_exist)
            return None
        return day if self.bounded(reader, day.year) is not None else None

    def control(self, base: str, attributes: str, value: str) -> str:
        return f'<input type="date" {attributes} value="{escape(value)}">'
