"""A Pyodide lock file that knows the calculators wheel (and nothing the site does not load)."""

import json
import sys
import tempfile
from pathlib import Path

from project import run_tool

PYODIDE_CLI = Path(sys.executable).with_name("pyodide")


def make_lockfile(pyodide_dir, wheel, out_file, keep=("calculators",)):
    """Add `wheel` to the npm package's lock file, then keep only `keep` and what they need."""
    with tempfile.TemporaryDirectory() as scratch:
        full = Path(scratch) / "pyodide-lock.json"
        run_tool([PYODIDE_CLI, "lockfile", "add-wheels", "--input", Path(pyodide_dir) / "pyodide-lock.json",
                  "--output", full, "--base-path", Path(wheel).parent, wheel],
                 name="pyodide lockfile add-wheels")
        lock = json.loads(full.read_text())
    lock["packages"] = needed(lock["packages"], keep)
    Path(out_file).write_text(json.dumps(lock, indent=1, sort_keys=True))
    return out_file


def needed(packages, names):
    """The packages named and, transitively, those they depend on."""
    wanted, todo = {}, list(names)
    while todo:
        name = todo.pop()
        if name not in wanted:
            wanted[name] = packages[name]
            todo.extend(packages[name]["depends"])
    return wanted
