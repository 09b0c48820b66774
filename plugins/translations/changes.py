"""The day an English file last changed: its last commit's day when the file is committed and
unchanged since, else the day it was last written (an edit not committed yet, or no git)."""

import datetime
import subprocess
from pathlib import Path


def changed_on(path) -> datetime.date:
    path = Path(path).resolve()
    return committed_on(path) or datetime.date.fromtimestamp(path.stat().st_mtime)


def committed_on(path: Path) -> datetime.date | None:
    """The day of the last commit of `path`, if it has one and the working tree holds the file
    as committed; None otherwise (no git, not a repository, not tracked, changed since)."""
    def git(*args):
        return subprocess.run(["git", "-C", str(path.parent), *args, "--", path.name],
                              capture_output=True, text=True, check=False)
    try:
        status, last = git("status", "--porcelain"), git("log", "-1", "--format=%cs")
    except OSError:  # no git here
        return None
    if status.returncode or status.stdout.strip() or last.returncode or not last.stdout.strip():
        return None
    return datetime.date.fromisoformat(last.stdout.strip())
