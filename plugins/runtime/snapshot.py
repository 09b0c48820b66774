"""A Pyodide memory snapshot with the calculators imported, made in Node at build time.

Booting from it skips Python's start-up and the wheel: the browser restores memory instead.
It is optional: without Node, or when making it fails, the build says so and ships none, and
the worker boots the plain way.
"""

import base64
import hashlib
import logging
import re
import shutil
import struct
import zipfile
from pathlib import Path

from project import ToolFailed, run_tool, slow_step

logger = logging.getLogger(__name__)

SCRIPT = Path(__file__).with_name("snapshot.mjs")
SNAPSHOT = "calculators.snapshot"
# A snapshot boot still fetches a standard library zip, but reads nothing from it: every module
# the calculators use is already imported in the snapshot. The worker passes this empty one.
EMPTY_STDLIB = "empty-stdlib.zip"
INTEGRITY = "integrity.txt"  # the snapshot's Subresource Integrity value (not shipped)
# More than half of a snapshot is WebAssembly memory never written or zeroed by snapshot.mjs,
# so the file holds only the 1 KiB pages with data; `unpackSnapshot` in calculator-worker.js puts them back in place:
#   magic, unpacked length, count of runs; per run its offset and length (u32, little-endian);
#   then the runs' bytes in order.
PACKED_MAGIC = b"\0pck"
PAGE = 1024


def node_major(node):
    said = run_tool([node, "--version"], timeout=30)
    match = re.match(r"v(\d+)\.", said)
    if not match:
        raise OSError(f"`{node} --version` said {said.strip()!r}")
    return match.group(1)


def snapshot_key(runtime_id, wheel, node):
    """What the snapshot depends on: the Pyodide build, the wheel, Node's major version, the
    script that makes it and the code that packs it."""
    sha = hashlib.sha256(f"{runtime_id}\0node{node_major(node)}\0".encode())
    for source in (SCRIPT, Path(__file__), Path(wheel)):
        sha.update(source.read_bytes() + b"\0")
    return sha.hexdigest()[:12]


def make_snapshot(pyodide, wheel, folder, timeout=300):
    """Write the snapshot, its integrity value and the empty stdlib zip into `folder`."""
    run_tool([shutil.which("node"), SCRIPT, pyodide, wheel, folder / SNAPSHOT],
             name=f"node {SCRIPT.name}", timeout=timeout)
    packed = pack_snapshot((folder / SNAPSHOT).read_bytes())
    (folder / SNAPSHOT).write_bytes(packed)
    sha = hashlib.sha256(packed).digest()
    (folder / INTEGRITY).write_text("sha256-" + base64.b64encode(sha).decode())
    zipfile.ZipFile(folder / EMPTY_STDLIB, "w").close()


def pack_snapshot(memory):
    """The snapshot without its zero pages (the format is described at PACKED_MAGIC)."""
    runs = []  # [offset, end] of each stretch of pages holding a non-zero byte
    for offset in range(0, len(memory), PAGE):
        page = memory[offset:offset + PAGE]
        if page.count(0) == len(page):
            continue
        end = offset + len(page)
        if runs and runs[-1][1] == offset:
            runs[-1][1] = end
        else:
            runs.append([offset, end])
    header = [PACKED_MAGIC, struct.pack("<II", len(memory), len(runs))]
    header += [struct.pack("<II", start, end - start) for start, end in runs]
    return b"".join(header + [memory[start:end] for start, end in runs])


def cached_snapshot(pyodide, runtime_id, wheel, cache, make_folder):
    """The folder in `cache` holding the snapshot for these inputs (made once), or None when
    there can be none: the build log says why."""
    node = shutil.which("node")
    if not node:
        logger.warning("runtime: no memory snapshot (Node is not on PATH); the plain boot it is")
        return None
    try:
        folder = cache / f"snapshot-{snapshot_key(runtime_id, wheel, node)}"

        def make(scratch):
            with slow_step(logger, f"runtime: making the memory snapshot in Node ({folder.name})"):
                make_snapshot(pyodide, wheel, scratch)

        make_folder(folder, make)
    except (OSError, ToolFailed) as problem:
        logger.warning("runtime: no memory snapshot, the plain boot it is: %s", problem)
        return None
    return folder
