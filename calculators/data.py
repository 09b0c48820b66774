"""The protocol data file: read once, from inside the package (works from a wheel in Pyodide)."""

import functools
import importlib.resources
import json

from calculators import datacheck

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
        import tomllib

        parsed = tomllib.loads((folder / DATA_FILE).read_text("utf-8"))
    return checked(parsed)


def checked(parsed: dict) -> dict:
    """The parsed data file, once its rules hold (`datacheck`); a ValueError says what is wrong."""
    found = datacheck.problems(parsed)
    if found:
        raise ValueError(f"calculators/data/{DATA_FILE}: " + "; ".join(found))
    return parsed


@functools.cache
def references() -> dict[str, dict]:
    """Reference id -> {"id", "citation", "short", "doi" (when there is one)}."""
    return {ref_id: {"id": ref_id, **entry} for ref_id, entry in load()["references"].items()}


@functools.cache
def protocols() -> dict[str, dict]:
    """Protocol id -> its entry with "id" added, in the file's order."""
    return {pid: {"id": pid, **entry} for pid, entry in load()["protocols"].items()}


def offered_protocols() -> dict[str, dict]:
    """The protocols the dose calculator offers (those with a dose to compute from)."""
    return {pid: entry for pid, entry in protocols().items() if entry["offered"]}


def lines() -> list[dict]:
    """The published lines a dose is compared with."""
    return load()["lines"]


def schedule() -> dict:
    """The clinic's schedule (loading, adjustment, maintenance) and the planner's settings."""
    return load()["schedule"]


def phase(name: str) -> dict:
    """One phase of the clinic's schedule: "loading", "adjustment" or "maintenance"."""
    return next(entry for entry in schedule()["phases"] if entry["phase"] == name)


def limits() -> dict:
    """Sanity bounds for typed input (not clinical lines)."""
    return load()["limits"]


@functools.cache
def figures() -> dict[str, dict]:
    """Figure id -> {"id", "value", "unit", "reference", "text" (when there is one)}.

    The clinical figures the articles state that no protocol field holds as a number.
    """
    return {fig_id: {"id": fig_id, **entry} for fig_id, entry in load()["figures"].items()}
