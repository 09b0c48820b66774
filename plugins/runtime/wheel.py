"""Build the pure-Python calculators wheel (the same one the Pyodide tests load)."""

import json
import shutil
import sys
import tempfile
from pathlib import Path

from calculators import data, messages
from project import run_tool

from .fingerprint import source_files


def build_wheel(project_root, out_dir):
    """Build `calculators-*.whl` from a clean copy of the package; return its path.

    The copy keeps stray files (build/, caches) out of the wheel and the source tree, and gets
    the data file, the references (`content/references.json`, with every language's words for
    them beside it: `citation.overlay`) and every language's words parsed ahead of time into one
    `calculators/data/protocols.json` (see data.sources), and the message
    catalogues compiled (a `.mo` beside each `.po`, see messages.catalogue).
    """
    project_root, out_dir = Path(project_root), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "source"
        package = project_root / "calculators"
        for path in source_files(package):
            target = source / "calculators" / path.relative_to(package)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
        shutil.copy2(project_root / "pyproject.toml", source / "pyproject.toml")
        folder = source / "calculators" / "data"
        parsed = data.parse_source(folder, project_root / "content" / "references.json")
        (folder / data.BUILT_FILE).write_text(json.dumps(parsed, ensure_ascii=False), "utf-8")
        for catalogue in (source / "calculators" / "locale").glob("*/LC_MESSAGES/*.po"):
            compiled = messages.compile_po(catalogue.read_text("utf-8"))
            catalogue.with_suffix(".mo").write_bytes(compiled)
        run_tool([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                  Path(scratch) / "dist", source], name="building the calculators wheel")
        (wheel,) = (Path(scratch) / "dist").glob("calculators-*.whl")
        return Path(shutil.move(wheel, out_dir / wheel.name))
