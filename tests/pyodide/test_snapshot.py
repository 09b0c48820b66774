"""The build's memory snapshot: made once per input, booted in Node with an empty standard
library zip, it gives what CPython gives for every input set and calendar in every language and
every diary request (the fixed diary through each action); a bad one refuses to boot."""

import json
import logging
import shutil
import struct
import subprocess

import pytest

from plugins.runtime.assets import make_folder
from plugins.runtime.lockfile import make_lockfile
from plugins.runtime.snapshot import (EMPTY_STDLIB, INTEGRITY, PACKED_MAGIC, PAGE, SNAPSHOT,
                                      cached_snapshot, pack_snapshot)
from plugins.runtime.wheel import build_wheel
from tests.pyodide.test_pyodide import (DIARY_REQUESTS, PYODIDE, VECTORS, diary_in_cpython,
                                        ics_in_cpython, in_cpython, write_vectors)
from scripts.site import ROOT

RUNNER = ROOT / "tests" / "pyodide" / "run_vectors.mjs"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("snapshot")
    wheel = build_wheel(ROOT, folder / "app")
    lockfile = make_lockfile(PYODIDE, wheel, folder / "app" / "pyodide-lock.json")
    snapshot = cached_snapshot(PYODIDE, "pyodide-test", wheel, folder / "cache", make_folder)
    vectors = write_vectors(folder / "vectors.json")
    return folder, wheel, lockfile, snapshot, vectors


def run_vectors(built, snapshot_file):
    folder, wheel, lockfile, snapshot, vectors = built
    return subprocess.run(
        ["node", str(RUNNER), str(PYODIDE), str(lockfile), str(vectors), "20",
         str(snapshot_file), str(snapshot / EMPTY_STDLIB)],
        capture_output=True, text=True, timeout=300,
    )


@pytest.fixture(scope="module")
def from_snapshot(built):
    done = run_vectors(built, built[3] / SNAPSHOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.parametrize("index", range(len(VECTORS)))
def test_the_snapshot_gives_what_cpython_gives(from_snapshot, index):
    assert from_snapshot["results"][index] == in_cpython(index)


@pytest.mark.parametrize("index", range(len(DIARY_REQUESTS)))
def test_the_diary_from_the_snapshot_gives_what_cpython_gives(from_snapshot, index):
    assert from_snapshot["diary"][index] == diary_in_cpython(index)


def test_ics_export_from_the_snapshot(from_snapshot):
    assert from_snapshot["ics"] == ics_in_cpython()


def test_report_snapshot_boot(built, from_snapshot):
    packed = (built[3] / SNAPSHOT).read_bytes()
    size, (memory,) = len(packed), struct.unpack_from("<I", packed, 4)
    print(f"\nsnapshot {size / 1e6:.1f} MB packed ({memory / 1e6:.1f} MB of memory), boot {from_snapshot['boot_ms']:.0f} ms, "
          f"one calculation {from_snapshot['ms_per_run']:.2f} ms")
    assert (built[3] / INTEGRITY).read_text().startswith("sha256-")


def test_a_snapshot_from_another_build_does_not_boot(built, tmp_path):
    other = tmp_path / SNAPSHOT
    data = bytearray((built[3] / SNAPSHOT).read_bytes())
    (runs,) = struct.unpack_from("<I", data, 8)
    data[12 + 8 * runs + 16] ^= 0xFF  # inside Pyodide's build id, at the start of the first run
    other.write_bytes(data)
    done = run_vectors(built, other)
    assert done.returncode != 0
    assert "build id mismatch" in done.stderr, done.stderr[-3000:]


@pytest.mark.parametrize("damage", ["truncated", "lengthened", "not packed"])
def test_a_damaged_packed_snapshot_does_not_unpack(built, tmp_path, damage):
    other = tmp_path / SNAPSHOT
    data = (built[3] / SNAPSHOT).read_bytes()
    other.write_bytes({"truncated": data[:-1], "lengthened": data + b"\1",
                       "not packed": b"\0snp" + data[4:]}[damage])
    done = run_vectors(built, other)
    assert done.returncode != 0
    assert "the snapshot did not unpack" in done.stderr, done.stderr[-3000:]


def test_packing_leaves_out_only_zero_pages():
    memory = bytearray(5 * PAGE + 100)  # a short last page too
    memory[10] = memory[3 * PAGE + 5] = memory[5 * PAGE + 99] = 7
    packed = pack_snapshot(bytes(memory))
    (length, runs) = struct.unpack_from("<II", packed, 4)
    table = [struct.unpack_from("<II", packed, 12 + 8 * run) for run in range(runs)]
    assert (packed[:4], length) == (PACKED_MAGIC, len(memory))
    assert table == [(0, PAGE), (3 * PAGE, PAGE), (5 * PAGE, 100)]
    assert packed[12 + 8 * runs:] == memory[:PAGE] + memory[3 * PAGE:4 * PAGE] + memory[5 * PAGE:]


def test_the_snapshot_is_made_once_per_input(built, caplog):
    folder, wheel, _, snapshot, _ = built
    made = (snapshot / SNAPSHOT).stat().st_mtime_ns
    again = cached_snapshot(PYODIDE, "pyodide-test", wheel, folder / "cache", make_folder)
    assert again == snapshot and (again / SNAPSHOT).stat().st_mtime_ns == made
    other = cached_snapshot(PYODIDE, "pyodide-other", wheel, folder / "cache", make_folder)
    assert other != snapshot  # another Pyodide build, another snapshot
    shutil.rmtree(other)


def test_without_node_there_is_no_snapshot_and_the_log_says_so(built, monkeypatch, caplog):
    folder, wheel, *_ = built
    monkeypatch.setenv("PATH", "/nonexistent")
    with caplog.at_level(logging.WARNING):
        assert cached_snapshot(PYODIDE, "pyodide-none", wheel, folder / "cache", make_folder) is None
    assert "no memory snapshot" in caplog.text
