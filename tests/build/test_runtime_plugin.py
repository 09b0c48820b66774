"""The runtime plugin's generator: folders named after their content, and the URLs pages use."""

import hashlib
import json
import re
import shutil

import pytest

from plugins.runtime.assets import RUNTIME_FILES, THEME_ASSETS
from scripts.site import ROOT, build_site

PYODIDE = ROOT / "node_modules" / "pyodide"


def build_empty(tmp_path, **overrides):
    """The site with no articles: the theme, the runtime and little else."""
    (tmp_path / "content").mkdir(parents=True, exist_ok=True)
    return build_site(tmp_path / "out", PATH=str(tmp_path / "content"), **overrides)


def test_pages_link_the_runtime_folders_the_build_wrote(site):
    html = (site / "calculators" / "dose" / "index.html").read_text()
    pyodide = re.search(r'data-pyodide="/runtime/(pyodide-[\d.]+-[0-9a-f]{12})/"', html)[1]
    app = re.search(r'data-lockfile="/runtime/(app-[0-9a-f]{12})/pyodide-lock\.json"', html)[1]
    assert sorted(path.name for path in (site / "runtime").iterdir()) == sorted([app, pyodide])
    for name in RUNTIME_FILES:
        assert (site / "runtime" / pyodide / name).read_bytes() == (PYODIDE / name).read_bytes()
    lock = json.loads((site / "runtime" / app / "pyodide-lock.json").read_text())
    package = lock["packages"]["calculators"]
    wheel = site / "runtime" / app / package["file_name"]
    assert package["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()


def test_theme_assets_are_linked_with_the_hash_of_their_content(site):
    theme = ROOT / "theme" / "static"
    for name in THEME_ASSETS:
        # (the diary's script is its page's only: tests/build/test_diary_built.py)
        page = "diary" if name == "js/diary.js" else "calculators/dose"
        html = (site / page / "index.html").read_text()
        content_hash = hashlib.sha256((theme / name).read_bytes()).hexdigest()[:10]
        assert f"/theme/{name}?v={content_hash}\"" in html, name
        assert (site / "theme" / name).read_bytes() == (theme / name).read_bytes()


def test_a_rebuild_keeps_the_current_folders_and_removes_older_ones(tmp_path):
    runtime = build_empty(tmp_path) / "runtime"
    current = sorted(runtime.iterdir())
    (current[0] / "kept").write_text("a current folder is not copied again")
    for stale in ["pyodide-0.1.0-000000000000", "app-000000000000", ".app-1.123.partial"]:
        (runtime / stale).mkdir()
    build_empty(tmp_path)
    assert sorted(runtime.iterdir()) == current
    assert (current[0] / "kept").is_file()


def test_the_runtime_folder_name_does_not_depend_on_where_the_package_is(tmp_path):
    elsewhere = tmp_path / "elsewhere" / "pyodide"
    elsewhere.mkdir(parents=True)
    for name in RUNTIME_FILES + ("package.json", "pyodide-lock.json"):
        shutil.copy2(PYODIDE / name, elsewhere / name)
    (here,) = (build_empty(tmp_path / "a") / "runtime").glob("pyodide-*")
    (there,) = (build_empty(tmp_path / "b", PYODIDE_DIR=elsewhere) / "runtime").glob("pyodide-*")
    assert here.name == there.name


def test_a_missing_runtime_file_says_to_run_npm_ci(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"missing pyodide\.mjs, .* run `npm ci`"):
        build_empty(tmp_path, PYODIDE_DIR=tmp_path)
