"""The publish targets: a `gh-pages` branch (ghp-import) and rsync to a server. Each can first
list what it would change, and change nothing."""

import sys
from pathlib import Path

from project import ToolFailed, run_tool

GHP_IMPORT = Path(sys.executable).with_name("ghp-import")
MESSAGE = "Publish the site"


def branch_files(repo, branch):
    """{path: blob id} of `branch` in the git repository `repo` (nothing if there is no branch)."""
    try:
        run_tool(["git", "-C", repo, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}"])
    except ToolFailed:  # no such branch
        return {}
    listing = run_tool(["git", "-C", repo, "ls-tree", "-r", "-z", "--full-tree", branch])
    entries = (line.split("\t", 1) for line in listing.split("\0") if line)
    return {path: info.split()[2] for info, path in entries}


def gh_pages_changes(output, repo, branch):
    """What `gh_pages` would change on `branch`: lines `added PATH`, `changed PATH`, `deleted PATH`."""
    output = Path(output)
    paths = sorted(p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file())
    ids = run_tool(["git", "-C", repo, "hash-object", "--stdin-paths"],
                   input="".join(f"{output / path}\n" for path in paths)).split()
    empty = run_tool(["git", "-C", repo, "hash-object", "--stdin"], input="").strip()
    wanted = dict(zip(paths, ids)) | {".nojekyll": empty}  # ghp-import --no-jekyll adds it
    present = branch_files(repo, branch)
    return sorted(
        [f"added {path}" for path in wanted.keys() - present.keys()]
        + [f"changed {path}" for path in wanted.keys() & present.keys() if wanted[path] != present[path]]
        + [f"deleted {path}" for path in present.keys() - wanted.keys()],
        key=lambda line: line.split(" ", 1)[1],
    )


def gh_pages(output, repo, branch="gh-pages", remote="origin", push=True):
    """Commit `output` as the whole of `branch` (with .nojekyll, so `_headers` is kept), and push
    it to `remote` if asked."""
    command = [str(GHP_IMPORT), "--no-jekyll", "--message", MESSAGE, "--branch", branch]
    if push:
        command += ["--push", "--remote", remote]
    run_tool(command + [Path(output).resolve()], cwd=repo)


def rsync(output, destination, dry_run=False):
    """Make `destination` (a folder, or `user@host:folder`) a copy of `output`; files whose content
    changed are sent, files gone from the output are deleted there. Returns rsync's list of
    changes (`--itemize-changes`)."""
    command = ["rsync", "--recursive", "--links", "--compress", "--checksum",
               "--delete", "--itemize-changes", "--chmod=D755,F644"]
    if dry_run:
        command.append("--dry-run")
    return run_tool(command + [f"{Path(output)}/", destination])
