"""Build the pure-Python calculators wheel (the same one the Pyodide tests load)."""

import subprocess
import sys
import tempfile
from pathlib import Path


class WheelBuildError(Exception):
    pass


def build_wheel(project_root, out_dir):
    """Build `calculators-*.whl` from `project_root` into `out_dir`; return its path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        done = subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", scratch,
             str(project_root)],
            capture_output=True, text=True,
        )
        if done.returncode:
            raise WheelBuildError(f"building the calculators wheel failed:\n{done.stderr[-2000:]}")
        (wheel,) = Path(scratch).glob("calculators-*.whl")
        return Path(wheel.replace(out_dir / wheel.name))
