"""Where the runtime files live in the output, under names that change with their content."""

import json
import shutil
from pathlib import Path

from .fingerprint import digest, source_files
from .lockfile import make_lockfile
from .wheel import build_wheel

RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
THEME_ASSETS = ("css/site.css", "js/calculator.js", "js/calculator-worker.js")
ROOT = Path(__file__).resolve().parents[2]  # the project: calculators/, node_modules/


def project_paths(settings):
    return ROOT, Path(settings.get("PYODIDE_DIR", ROOT / "node_modules" / "pyodide"))


def prepare_runtime(pelican):
    """Build (or reuse) the wheel and lock file; give templates the URLs they need."""
    settings = pelican.settings
    root, pyodide = project_paths(settings)
    missing = [name for name in RUNTIME_FILES if not (pyodide / name).is_file()]
    if missing:
        raise FileNotFoundError(
            f"the Pyodide runtime is missing {', '.join(missing)} in {pyodide}: run `npm ci`"
        )
    version = json.loads((pyodide / "package.json").read_text())["version"]
    runtime_id = f"pyodide-{version}-" + digest([pyodide / name for name in RUNTIME_FILES], pyodide)
    # The wheel depends on the package, the project file and the code that builds it.
    inputs = source_files(root / "calculators") + source_files(Path(__file__).parent)
    app_id = "app-" + digest(inputs + [root / "pyproject.toml"], root, extra=runtime_id.encode())
    cache = root / ".cache" / "runtime" / app_id
    if not cache.is_dir():
        partial = cache.with_name(f".{app_id}.partial")
        shutil.rmtree(partial, ignore_errors=True)
        wheel = build_wheel(root, partial)
        make_lockfile(pyodide, wheel, partial / "pyodide-lock.json")
        partial.rename(cache)
    theme = Path(settings["THEME"]) / "static"
    siteurl = settings.get("SITEURL", "")
    settings.setdefault("JINJA_GLOBALS", {})["RUNTIME"] = {
        "pyodide": f"{siteurl}/runtime/{runtime_id}/",
        "lockfile": f"{siteurl}/runtime/{app_id}/pyodide-lock.json",
        "assets": {
            name: f"{siteurl}/theme/{name}?v={digest([theme / name], theme, length=10)}"
            for name in THEME_ASSETS
        },
    }
    settings["RUNTIME_DIRS"] = {runtime_id: [pyodide / name for name in RUNTIME_FILES],
                                app_id: sorted(cache.iterdir())}


def copy_runtime(pelican):
    """Copy runtime files into the output; a folder already there is already current.

    Folders of earlier builds are removed: the output holds one runtime, the current one.
    """
    output = Path(pelican.settings["OUTPUT_PATH"]) / "runtime"
    current = pelican.settings["RUNTIME_DIRS"]
    if output.is_dir():
        for stale in output.iterdir():
            if stale.name not in current:
                shutil.rmtree(stale)
    for folder, files in current.items():
        target = output / folder
        if target.is_dir():
            continue
        partial = output / f".{folder}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        for path in files:
            shutil.copy2(path, partial / path.name)
        partial.rename(target)
