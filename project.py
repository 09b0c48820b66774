"""What the build, the scripts and the tests share: the project's folder, a theme file's versioned
URL, and writing a file whole or not at all (another build, or a server, may read it meanwhile)."""

import contextlib
import hashlib
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent
CACHE = ROOT / ".cache"  # what builds keep between runs (git-ignored)


@contextlib.contextmanager
def written(target: Path):
    """A private path beside `target` to write to: renamed onto `target` once written, removed
    if writing fails."""
    scratch = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        yield scratch
        os.replace(scratch, target)
    finally:
        scratch.unlink(missing_ok=True)


def theme_asset_urls(siteurl: str, static: str, theme: Path, names) -> dict[str, str]:
    """Each theme file's URL with `?v=` and a hash of its content: a changed file gets a new URL,
    so an unchanged one may be cached for a year."""
    def version(name):
        return hashlib.sha256((theme / name).read_bytes()).hexdigest()[:10]

    return {name: f"{siteurl}/{static}/{name}?v={version(name)}" for name in names}


def write_atomically(target: Path, data: bytes | str, mtime_ns: int | None = None) -> None:
    """`data` into `target`, whole or not at all (with `mtime_ns` as its modification time)."""
    with written(target) as scratch:
        if isinstance(data, str):
            scratch.write_text(data, "utf-8")
        else:
            scratch.write_bytes(data)
        if mtime_ns is not None:
            os.utime(scratch, ns=(mtime_ns, mtime_ns))
