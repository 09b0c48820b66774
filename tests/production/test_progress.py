"""A first build says, in its log, what each slow step is doing and how long it took (a minute of
silence looks like a hang): the calculators wheel, the memory snapshot, brotli on the runtime.
A warm build says nothing of them."""

import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys

from pelican.log import LimitFilter

from plugins.runtime import assets
from plugins.runtime.snapshot import cached_snapshot
from plugins.production.precompress import CACHE, precompress_tree
from project import slow_step
from scripts.site import ROOT
from tests.production.support import with_reviewers

PYODIDE = ROOT / "node_modules" / "pyodide"
STARTED = re.compile(r"((?:runtime|production): [^\n]+?) \.\.\.")
DONE = re.compile(r"((?:runtime|production): [^\n]+?): done in (\d+\.\d) s")


def steps(log):
    """The steps a log says, each once as it starts and once done (with its time)."""
    started, done = STARTED.findall(log), DONE.findall(log)
    assert started == [doing for doing, _ in done], log
    return started


def said(caplog):
    return "\n".join(record.getMessage() for record in caplog.records)


def forget_said():
    """Pelican's loggers drop a message said before in the process (its LimitFilter): an earlier
    build of this test run may have said these very steps, so forget them first."""
    LimitFilter._raised_messages.clear()


def test_a_step_is_said_at_pelicans_default_verbosity_and_hushed_by_quiet(caplog):
    root = logging.getLogger()
    assert root.getEffectiveLevel() == logging.WARNING  # Pelican's default: INFO is not shown
    forget_said()
    with slow_step(logging.getLogger("tests.progress.default"), "runtime: a test step"):
        pass
    assert steps(said(caplog)) == ["runtime: a test step"]
    caplog.clear()
    root.setLevel(logging.CRITICAL)  # what `pelican -q` sets
    try:
        with slow_step(logging.getLogger("tests.progress.quiet"), "runtime: a hushed step"):
            pass
    finally:
        root.setLevel(logging.WARNING)
    assert caplog.records == []


def test_the_wheel_and_the_snapshot_say_their_steps_the_first_time_only(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(assets, "CACHE", tmp_path / "runtime")  # as in a fresh clone
    runtime_id, _ = assets.pyodide_files(PYODIDE)

    def runtime():
        app_id, app = assets.app_files(PYODIDE, runtime_id)
        wheel = next(path for path in app if path.suffix == ".whl")
        snapshot = cached_snapshot(PYODIDE, runtime_id, wheel, tmp_path / "runtime", assets.make_folder)
        return app_id, snapshot

    forget_said()
    app_id, snapshot = runtime()
    first = steps(said(caplog))
    assert len(first) == 2 and app_id in first[0] and snapshot.name in first[1], first
    caplog.clear()
    forget_said()  # so that "nothing said" is not the filter's doing
    assert runtime() == (app_id, snapshot)
    assert steps(said(caplog)) == []


def test_precompression_says_each_large_file_it_compresses_and_nothing_when_cached(tmp_path, caplog):
    site = tmp_path / "site"
    (site / "runtime").mkdir(parents=True)
    (site / "runtime" / "large.js").write_text("const words = 'repeated';\n" * 12_000)  # 312 kB
    (site / "index.html").write_text("<p>small</p>\n" * 100)
    forget_said()
    precompress_tree(site, tmp_path / "cache")
    (step,) = steps(said(caplog))
    assert "runtime/large.js (0.3 MB)" in step
    caplog.clear()
    for sibling in site.rglob("*.br"):
        sibling.unlink()  # the next build's output is new; the cache is not
    forget_said()  # so that "nothing said" is not the filter's doing
    precompress_tree(site, tmp_path / "cache")
    assert steps(said(caplog)) == []


def production_build(output, cache):
    """A production build as `invoke production` and `publish` run it (a process of its own, at
    Pelican's default verbosity), keeping the large files' compressed copies in `cache`: its log,
    where Pelican's handler prints it."""
    done = subprocess.run(
        [sys.executable, "-m", "pelican", "-s", "publishconf.py", "-o", str(output),
         "-e", f"PRECOMPRESS_CACHE_PATH={json.dumps(str(cache))}"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env=with_reviewers({**os.environ, "COLUMNS": "400"}))  # one line a message
    assert done.returncode == 0, done.stdout
    return done.stdout


def test_a_production_build_says_the_brotli_it_does_and_a_warm_one_says_nothing(site, tmp_path):
    """The session's production build (`site`) left the caches warm; this one finds the copies of
    pyodide.asm.mjs missing from its cache, as a first build finds them all."""
    (runtime,) = (site / "runtime").glob("pyodide-*")
    script = runtime / "pyodide.asm.mjs"
    cache = tmp_path / "cache"
    shutil.copytree(CACHE, cache)
    key = hashlib.sha256(script.read_bytes()).hexdigest()
    for copy in cache.glob(f"{key}.*"):
        copy.unlink()
    (step,) = steps(production_build(tmp_path / "output", cache))
    assert f"runtime/{runtime.name}/pyodide.asm.mjs ({script.stat().st_size / 1e6:.1f} MB)" in step
    assert steps(production_build(tmp_path / "output", cache)) == []
