"""What every calculator shares: its input declaration, its result, and reading raw form text."""

import dataclasses
import math
import re
from collections.abc import Mapping

from calculators import data


@dataclasses.dataclass(frozen=True)
class Input:
    """One input of a calculator, as data: the site builds the form from it."""

    name: str
    label: str
    type: str  # "number", "integer", "select", "date" or "days"
    unit: str = ""
    min: float | None = None
    max: float | None = None
    step: float | None = None
    default: str = ""  # the worked-example value the form shows
    choices: tuple[tuple[str, str], ...] = ()
    help: str = ""
    required: bool = False  # blank is an error (otherwise blank means the default)


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

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict:
        return {
            "ok": self.ok,
            "values": self.values,
            "warnings": [dataclasses.asdict(w) for w in self.warnings],
            "errors": dict(self.errors),
            "html": self.html,
            "references": list(self.references),
        }


_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_LONGEST = 64  # characters: anything longer is not a number a person typed


def text(fields: Mapping, name: str) -> str:
    """The raw text of one field, stripped; "" when absent."""
    value = fields.get(name, "")
    if value is None:
        return ""
    return str(value).strip()


def decimal(raw: str) -> float | None:
    """A plain decimal number (no exponent, no nan or infinity), or None."""
    if len(raw) > _LONGEST or not _DECIMAL.fullmatch(raw):
        return None
    value = float(raw)
    return value if math.isfinite(value) else None


def integer(raw: str) -> int | None:
    """A whole number, or None."""
    if len(raw) > _LONGEST or not _INTEGER.fullmatch(raw):
        return None
    return int(raw)


def citation_ids(warnings: list[Warning], *first: str) -> list[str]:
    """The reference ids a result uses, in order, without repeats."""
    ids = [*first, *(w.reference for w in warnings)]
    return [ref_id for ref_id in dict.fromkeys(ids) if ref_id in data.references()]
