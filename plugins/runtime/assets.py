"""The runtime in the output, under folder names that change with their content, and its URLs."""

import hashlib
import json
import logging
import os
import shutil
from functools import partial
from pathlib import Path

from calculators import citation
from pelican.generators import Generator

import project

from plugins.languages.sites import is_main_site, main_site

from .fingerprint import digest, remembered_digest, source_files
from .lockfile import make_lockfile
from .snapshot import EMPTY_STDLIB, INTEGRITY, SNAPSHOT, cached_snapshot
from .wheel import build_wheel

RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
THEME_ASSETS = ("js/calculator.js", "js/calculator-worker.js", "js/diary.js")
ROOT = project.ROOT  # the project: calculators/, node_modules/
CACHE = project.CACHE / "runtime"

logger = logging.getLogger(__name__)


class RuntimeGenerator(Generator):
    """Gives templates `RUNTIME` (the URLs of Pyodide, the lock file, the memory snapshot and
    its integrity value, or "" when there is none, the theme assets, and each runtime file's size
    by its URL, for the page's progress bar) and writes the runtime
    to `runtime/pyodide-<version>-<hash>/` and `runtime/app-<hash>/`. A language's sub-site
    links the main site's runtime and writes none.

    `RUNTIME_SNAPSHOT = False` in the settings builds without a snapshot."""

    def generate_context(self):
        pyodide = Path(self.settings.get("PYODIDE_DIR", ROOT / "node_modules" / "pyodide"))
        runtime_id, runtime = pyodide_files(pyodide)
        app_id, app = app_files(pyodide, runtime_id)
        snapshot, integrity = None, ""
        if self.settings.get("RUNTIME_SNAPSHOT", True):
            wheel = next(path for path in app if path.suffix == ".whl")
            snapshot = cached_snapshot(pyodide, runtime_id, wheel, CACHE, make_folder)
        if snapshot:
            # The folder's name changes with the snapshot too (made by another Node, say).
            app_id = "app-" + hashlib.sha256(f"{app_id}/{snapshot.name}".encode()).hexdigest()[:12]
            app = app + [snapshot / SNAPSHOT, snapshot / EMPTY_STDLIB]
            integrity = (snapshot / INTEGRITY).read_text()
        self.folders = {runtime_id: runtime, app_id: app}
        siteurl, static = main_site(self.settings)[0], self.settings["THEME_STATIC_DIR"]
        theme = Path(self.theme) / "static"
        self.context["RUNTIME"] = {
            "pyodide": f"{siteurl}/runtime/{runtime_id}/",
            "lockfile": f"{siteurl}/runtime/{app_id}/pyodide-lock.json",
            "snapshot": f"{siteurl}/runtime/{app_id}/{SNAPSHOT}" if snapshot else "",
            "snapshot_integrity": integrity,
            "assets": project.theme_asset_urls(siteurl, static, theme, THEME_ASSETS),
            "sizes": {f"{siteurl}/runtime/{folder}/{path.name}": path.stat().st_size
                      for folder, files in self.folders.items() for path in files},
        }

    def generate_output(self, writer):
        """Copy the runtime into the output; remove the folders of earlier builds."""
        if not is_main_site(self.settings):
            return
        output = Path(self.output_path) / "runtime"
        if output.is_dir():
            for stale in output.iterdir():
                if stale.name not in self.folders:
                    shutil.rmtree(stale)
        for name, files in self.folders.items():
            make_folder(output / name, partial(copy_files, files))


def copy_files(files, folder):
    for path in files:
        shutil.copy2(path, folder)


def pyodide_files(pyodide):
    """The npm package's runtime files, and the name of their folder."""
    missing = [name for name in RUNTIME_FILES if not (pyodide / name).is_file()]
    if missing:
        raise FileNotFoundError(
            f"the Pyodide runtime is missing {', '.join(missing)} in {pyodide}: run `npm ci`"
        )
    version = json.loads((pyodide / "package.json").read_text())["version"]
    files = [pyodide / name for name in RUNTIME_FILES]
    return f"pyodide-{version}-" + remembered_digest(files, pyodide, CACHE), files


def app_files(pyodide, runtime_id):
    """The calculators wheel and its lock file (built once, kept in .cache/runtime), and the name
    of their folder: it changes with the package, the project file and the code that builds it."""
    inputs = (source_files(ROOT / "calculators") + source_files(Path(__file__).parent)
              + citation.source_files())
    app_id = "app-" + digest(inputs + [ROOT / "pyproject.toml"], ROOT, extra=runtime_id.encode())
    cache = CACHE / app_id

    def build(folder):
        doing = f"runtime: building the calculators wheel and its lock file ({app_id})"
        with project.slow_step(logger, doing):
            make_lockfile(pyodide, build_wheel(ROOT, folder), folder / "pyodide-lock.json")

    make_folder(cache, build)
    return app_id, sorted(cache.iterdir())


def make_folder(target, fill):
    """Make `target` whole or not at all: `fill` a private folder, then rename it into place.

    A folder already there (made earlier, or meanwhile by another build) is current.
    """
    if target.is_dir():
        return
    scratch = target.with_name(f".{target.name}.{os.getpid()}.partial")
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    try:
        fill(scratch)
        scratch.rename(target)
    except OSError:
        if not target.is_dir():
            raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
