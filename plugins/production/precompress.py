"""`name.br` and `name.gz` beside each file a host may send compressed, written at build time.

A copy is kept only when it is at least `hosting.MIN_GAIN` smaller. Each is written atomically
and skipped while it is current (it carries its file's modification time). Large files (the
Pyodide runtime, copied anew into each clean build) are compressed once per content and kept in
a cache: brotli's best quality takes about 20 s on the 10 MB WebAssembly file (a minute or two
on a busy machine), so the build log says each one it makes.
"""

import gzip
import hashlib
import logging
from functools import partial
from pathlib import Path

import brotli

import project
from deploy.hosting import ENCODINGS, MIN_GAIN, PRECOMPRESSED
from project import slow_step, write_atomically

CACHED_FROM = 256 * 1024  # bytes: files this large are compressed once per content
CACHE = project.CACHE / "precompressed"

logger = logging.getLogger(__name__)


def precompress_output(settings):
    """Precompress the output when the settings ask for it (publishconf.py does)."""
    if settings.get("PRECOMPRESS"):
        precompress_tree(settings["OUTPUT_PATH"], settings.get("PRECOMPRESS_CACHE_PATH", CACHE))


def compress(data, encoding):
    if encoding == "br":
        return brotli.compress(data, quality=11)
    return gzip.compress(data, compresslevel=9, mtime=0)


def precompress_tree(folder, cache):
    """Give every file under `folder` its compressed siblings; remove siblings that are stale
    or whose file is gone. Returns the number of siblings written."""
    folder, written = Path(folder), 0
    suffixes = tuple(ENCODINGS.values())
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix in suffixes:
            original = path.with_suffix("")
            if not original.is_file() or original.suffix.lower() not in PRECOMPRESSED:
                path.unlink()
            continue
        if path.suffix.lower() in PRECOMPRESSED:
            written += precompress_file(path, Path(cache), path.relative_to(folder))
    return written


def precompress_file(path, cache, name):
    """Write `path`'s compressed siblings unless they are current; return how many it wrote."""
    stat = path.stat()
    siblings = {encoding: path.with_name(path.name + suffix) for encoding, suffix in ENCODINGS.items()}
    if all(is_current(sibling, stat) for sibling in siblings.values()):
        return 0
    data = path.read_bytes()
    written = 0
    for encoding, compressed in compressed_copies(data, cache, name).items():
        sibling = siblings[encoding]
        if len(compressed) <= len(data) * (1 - MIN_GAIN):
            write_atomically(sibling, compressed, stat.st_mtime_ns)
            written += 1
        else:
            sibling.unlink(missing_ok=True)
    return written


def compressed_copies(data, cache, name):
    """`data` in each encoding; a large file's made once per content and kept in `cache`, which
    the build log says (`name`: the file's path in the output)."""
    if len(data) < CACHED_FROM:
        return {encoding: compress(data, encoding) for encoding in ENCODINGS}
    key = hashlib.sha256(data).hexdigest()
    kept = {encoding: cache / f"{key}{suffix}" for encoding, suffix in ENCODINGS.items()}
    if all(path.is_file() for path in kept.values()):
        return {encoding: path.read_bytes() for encoding, path in kept.items()}
    size = f"{len(data) / 1e6:.1f} MB"
    with slow_step(logger, f"production: compressing {name} ({size}) with brotli's best quality,"
                           " kept for later builds"):
        return {encoding: cached(path, partial(compress, data, encoding))
                for encoding, path in kept.items()}


def is_current(sibling, stat):
    return sibling.is_file() and sibling.stat().st_mtime_ns == stat.st_mtime_ns


def cached(path, make):
    """The bytes in `path`, made (and kept there) the first time."""
    if path.is_file():
        return path.read_bytes()
    data = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, data)
    return data

