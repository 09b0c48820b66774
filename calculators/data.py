"""The protocol data file: read once, from inside the package (works from a wheel in Pyodide)."""

import dataclasses
import functools
import importlib.resources
import json

from calculators import citation, datacheck

DATA_FILE = "protocols.toml"
BUILT_FILE = "protocols.json"  # the same data, written into the wheel when it is built


@functools.cache
def load() -> dict:
    """The parsed data file (cached; treat it as read-only).

    A wheel carries the TOML already parsed, as JSON: in Pyodide, importing `tomllib` and
    parsing cost more than the calculation. The source tree has only the TOML.
    """
    folder = importlib.resources.files("calculators") / "data"
    built = folder / BUILT_FILE
    if built.is_file():
        parsed = json.loads(built.read_text("utf-8"))
    else:
        parsed = parse_source()
    return checked(parsed)


def parse_source() -> dict:
    """The data file and the references (`content/references.json`) from the source tree."""
    import tomllib

    folder = importlib.resources.files("calculators") / "data"
    return tomllib.loads((folder / DATA_FILE).read_text("utf-8")) | {
        "references": citation.read_source()}


def checked(parsed: dict) -> dict:
    """The parsed data file, once its rules hold (`datacheck`); a ValueError says what is wrong."""
    found = datacheck.problems(parsed)
    if found:
        raise ValueError(f"calculators/data/{DATA_FILE}: " + "; ".join(found))
    return parsed


@dataclasses.dataclass(frozen=True)
class Reference:
    id: str
    short: str
    citation: str
    doi: str | None = None
    status: str | None = None  # "SEEN-2": read only in a secondary summary


class _ByWeight:
    """Something that applies only above and/or up to an actual weight."""

    weight_above_kg: float | None
    weight_at_most_kg: float | None

    def applies(self, actual_kg: float) -> bool:
        above = self.weight_above_kg if self.weight_above_kg is not None else float("-inf")
        at_most = self.weight_at_most_kg if self.weight_at_most_kg is not None else float("inf")
        return above < actual_kg <= at_most


@dataclasses.dataclass(frozen=True)
class Cap(_ByWeight):
    """A protocol's own maximum rate, for the actual weights it applies to."""

    mg_per_h: float
    text: str
    weight_above_kg: float | None = None
    weight_at_most_kg: float | None = None


@dataclasses.dataclass(frozen=True)
class Line(_ByWeight):
    """A published line a dose is compared with (its shape says what crossing it means)."""

    code: str
    quantity: str  # mg/kg/h, mg/h, mg/kg, mg or minutes
    label: str
    reference: str
    low: float | None = None
    high: float | None = None
    kind: str = ""
    use: str = ""
    weight_above_kg: float | None = None
    weight_at_most_kg: float | None = None
    bound_text: str = ""


@dataclasses.dataclass(frozen=True)
class FirstInfusion:
    mg: float
    minutes: float
    text: str


@dataclasses.dataclass(frozen=True)
class Protocol:
    id: str
    title: str
    use: str
    condition: str
    study: str
    route: str
    regimen: bool
    offered: bool
    kind: str
    dose_unit: str
    dose_text: str
    length_text: str
    course: str
    sessions: str
    spacing: str
    reference: str
    dose: float | None = None
    dose_note: str = ""
    dose_min: float | None = None
    dose_max: float | None = None
    minutes: float | None = None
    minutes_min: float | None = None
    minutes_max: float | None = None
    caps: tuple[Cap, ...] = ()
    lines: tuple[Line, ...] = ()
    notes: tuple[str, ...] = ()
    first_infusion: FirstInfusion | None = None
    bag_mg_per_ml: float | None = None
    why_not_offered: str = ""


@dataclasses.dataclass(frozen=True)
class Phase:
    phase: str
    stage: str
    frequency: str
    purpose: str
    low: int
    high: int
    unit: str


@dataclasses.dataclass(frozen=True)
class Schedule:
    reference: str
    evidence: str
    no_trial: str
    infusion_length: str
    window_days: int
    adjustment_spacing_days: int
    defaults: dict
    example_start: str
    phases: tuple[Phase, ...]
    review_reference: str
    reviews: dict[str, str]  # what a review row says, by the phase of the infusion it follows
    conditional: str
    maintenance_review_every: int
    maintenance_review_note: str

    def phase(self, name: str) -> Phase:
        """One phase: "loading", "adjustment" or "maintenance"."""
        return next(phase for phase in self.phases if phase.phase == name)


def _protocol(pid: str, entry: dict) -> Protocol:
    own = {**entry}
    own["caps"] = tuple(Cap(**cap) for cap in entry.get("caps", ()))
    own["lines"] = tuple(Line(**line, reference=entry["reference"]) for line in entry.get("lines", ()))
    own["notes"] = tuple(entry.get("notes", ()))
    if "first_infusion" in entry:
        own["first_infusion"] = FirstInfusion(**entry["first_infusion"])
    return Protocol(id=pid, **own)


@functools.cache
def references() -> dict[str, Reference]:
    """Reference id -> its citation (Vancouver), short name, DOI and status."""
    return {
        ref_id: Reference(id=ref_id, short=item["citation-label"], citation=citation.vancouver(item),
                          doi=item.get("DOI"), status=item.get("custom", {}).get("status"))
        for ref_id, item in load()["references"].items()
    }


@functools.cache
def protocols() -> dict[str, Protocol]:
    """Protocol id -> the protocol, in the file's order."""
    return {pid: _protocol(pid, entry) for pid, entry in load()["protocols"].items()}


@functools.cache
def offered_protocols() -> dict[str, Protocol]:
    """The protocols the dose calculator offers (one published regimen each, with a dose)."""
    return {pid: protocol for pid, protocol in protocols().items() if protocol.offered}


@functools.cache
def lines() -> tuple[Line, ...]:
    """The published lines a dose is compared with."""
    return tuple(Line(**line) for line in load()["lines"])


@functools.cache
def schedule() -> Schedule:
    """The clinic's schedule (loading, adjustment, maintenance) and the planner's settings."""
    entry = load()["schedule"]
    return Schedule(**{**entry, "phases": tuple(Phase(**phase) for phase in entry["phases"])})


def article(slug: str) -> tuple[str, str]:
    """An article of the site that messages point to: (its title, its root-relative URL)."""
    return load()["scope"]["articles"][slug], f"/{slug}/"


@functools.cache
def limits() -> dict:
    """Bounds for typed input, with their reasons (see [limits]); a bound written "PHASE.low" or
    "PHASE.high" is read from the clinic's schedule phases."""
    parsed = load()
    return {
        key: [datacheck.phase_figure(parsed, end) if isinstance(end, str) else end for end in value]
        if key in datacheck.bounds(parsed["limits"]) else value
        for key, value in parsed["limits"].items()
    }


@functools.cache
def figures() -> dict[str, dict]:
    """Figure id -> {"id", "value", "unit", "reference", "text" (when there is one)}.

    The clinical figures the articles state that no protocol field holds as a number.
    """
    return {fig_id: {"id": fig_id, **entry} for fig_id, entry in load()["figures"].items()}
