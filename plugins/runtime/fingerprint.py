"""Content hashes that name files, so a changed file gets a new URL and old ones cache forever."""

import hashlib
from pathlib import Path

from project import write_atomically


def digest(paths, base, extra=b"", length=12):
    """Hash the files' contents and their paths relative to `base` (not where the clone is)."""
    sha = hashlib.sha256(extra)
    for path in sorted(Path(p) for p in paths):
        sha.update(path.relative_to(base).as_posix().encode() + b"\0")
        sha.update(path.read_bytes())
    return sha.hexdigest()[:length]


def remembered_digest(paths, base, cache):
    """`digest`, kept in `cache` under the files' paths, sizes and modification times: large
    files (the Pyodide runtime, 13.5 MB) are read again only when one of those changes."""
    stamps = [str(base)]
    for path in sorted(Path(p) for p in paths):
        stat = path.stat()
        stamps.append((str(path), stat.st_size, stat.st_mtime_ns))
    kept = Path(cache) / f"digest-{hashlib.sha256(repr(stamps).encode()).hexdigest()[:16]}.txt"
    if kept.is_file():
        return kept.read_text()
    value = digest(paths, base)
    kept.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(kept, value)
    return value


def source_files(folder):
    """Every file of a source folder that goes into a wheel: no caches, no bytecode."""
    return [
        path for path in Path(folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
        and path.name != "protocols.json" and path.suffix != ".mo"
    ]
