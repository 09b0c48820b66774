"""Content hashes that name files, so a changed file gets a new URL and old ones cache forever."""

import hashlib
from pathlib import Path


def digest(paths, base, extra=b"", length=12):
    """Hash the files' contents and their paths relative to `base` (not where the clone is)."""
    sha = hashlib.sha256(extra)
    for path in sorted(Path(p) for p in paths):
        sha.update(path.relative_to(base).as_posix().encode() + b"\0")
        sha.update(path.read_bytes())
    return sha.hexdigest()[:length]


def source_files(folder):
    """Every file of a source folder that goes into a wheel: no caches, no bytecode."""
    return [
        path for path in Path(folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
        and path.name != "protocols.json"
    ]
