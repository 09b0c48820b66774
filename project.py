"""What the build, the scripts and the tests share: the project's folder, a theme file's versioned
URL and a theme file the build fills in, writing a file whole or not at all (another build, or a server, may read it meanwhile), and
running an external tool (node, git, rsync, a Python module) with one way of saying it failed,
and saying in the build log what a slow step is doing."""

import contextlib
import hashlib
import logging
import os
import subprocess
import time
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


def versioned_url(siteurl: str, static: str, name: str, content: bytes) -> str:
    """A theme file's URL with `?v=` and a hash of its content: a changed file gets a new URL,
    so an unchanged one may be cached for a year."""
    return f"{siteurl}/{static}/{name}?v={hashlib.sha256(content).hexdigest()[:10]}"


def theme_asset_urls(siteurl: str, static: str, theme: Path, names) -> dict[str, str]:
    """The versioned URL of each of the theme's static files `names` (in the folder `theme`)."""
    return {name: versioned_url(siteurl, static, name, (theme / name).read_bytes()) for name in names}


def theme_file(env, name: str, **values) -> str:
    """A theme file the build fills in: the theme's template `name` (Jinja, from `env`, a
    generator's) rendered with `values`, its last newline kept as in a file copied."""
    return env.overlay(keep_trailing_newline=True).get_template(name).render(**values)


def write_atomically(target: Path, data: bytes | str, mtime_ns: int | None = None) -> None:
    """`data` into `target`, whole or not at all (with `mtime_ns` as its modification time)."""
    with written(target) as scratch:
        if isinstance(data, str):
            scratch.write_text(data, "utf-8")
        else:
            scratch.write_bytes(data)
        if mtime_ns is not None:
            os.utime(scratch, ns=(mtime_ns, mtime_ns))


class ToolFailed(Exception):
    """An external tool could not start, ran out of time or exited with an error; what it
    printed is kept for a caller that wants more than the message."""

    def __init__(self, message, stdout="", stderr=""):
        super().__init__(message)
        self.stdout, self.stderr = stdout, stderr


def run_tool(command, name=None, **options) -> str:
    """What `command` prints on stdout. `options` go to subprocess.run (cwd, input, timeout).
    ToolFailed says `name` (by default the command line) and the end of the tool's stderr:
    enough to see why, without a build log's worth of text."""
    command = [str(part) for part in command]
    name = name or " ".join(command)
    try:
        done = subprocess.run(command, capture_output=True, text=True, **options)
    except (OSError, subprocess.TimeoutExpired) as problem:
        raise ToolFailed(f"{name} failed: {problem}") from problem
    if done.returncode:
        raise ToolFailed(f"{name} failed:\n{done.stderr.strip()[-2000:]}", done.stdout, done.stderr)
    return done.stdout


@contextlib.contextmanager
def slow_step(logger: logging.Logger, doing: str):
    """Say on `logger` (the build log, through Pelican's handler) what a slow step is `doing` as
    it starts and how long it took once done. For work a warm build skips (a first build's
    wheel, snapshot, brotli), so a warm build says nothing. Pelican shows INFO only when told
    `-v`; a minute of silence looks like a hang, so these are shown at its default verbosity
    too (only `-q`, which leaves the root logger above WARNING, hushes them)."""
    if logging.getLogger().getEffectiveLevel() <= logging.WARNING:
        logger.setLevel(min(logger.getEffectiveLevel(), logging.INFO))
    # stacklevel: the log names the step's caller, not this helper (nor contextlib).
    logger.info("%s ...", doing, stacklevel=3)
    start = time.monotonic()
    yield
    logger.info("%s: done in %.1f s", doing, time.monotonic() - start, stacklevel=3)
