"""What the service worker precaches at install, read from the built output: every page of every
language (not the embeds, which no worker serves, nor the 404 pages) and the theme's files, each
with a revision from its content, so a new build's worker fetches only what changed. The runtime
is not here (13+ MB a reader who never opens a calculator does not pay): the worker caches it
when a page uses or warms it, by the folders `runtime_folders` names.
"""

import hashlib
from pathlib import PurePosixPath

import project

RUNTIME = "runtime"  # the output folder plugins/runtime writes the runtime's folders into
SKIPPED_PAGES = ("404.html",)


def precache_entries(output, prefix, static, static_paths, embed_folders):
    """Workbox's manifest: [{url, revision}] for the files under `output`, at URLs under `prefix`
    (the site's path, "" at a host's root). A theme file (in `static`) is listed at its
    versioned URL, `?v=<hash>`, the one pages link, so it needs no revision of its own."""
    entries = []
    for path in sorted(output.rglob("*")):
        name = PurePosixPath(path.relative_to(output).as_posix())
        if not path.is_file() or path.suffix in (".br", ".gz"):
            continue
        if name.parts[0] == static:
            url = project.versioned_url(prefix, static, str(name.relative_to(static)), path.read_bytes())
            entries.append({"url": url, "revision": None})
        elif is_page(name, embed_folders) or name.parts[0] in static_paths:
            url = f"{prefix}/{str(name).removesuffix('index.html')}"
            entries.append({"url": url, "revision": revision(path.read_bytes())})
    return entries


def is_page(name, embed_folders):
    return (name.suffix == ".html" and name.name not in SKIPPED_PAGES
            and not any(name.is_relative_to(folder) for folder in embed_folders))


def runtime_folders(output, prefix):
    """The URL of each of this build's runtime folders (named after their content)."""
    folder = output / RUNTIME
    if not folder.is_dir():
        return []
    return [f"{prefix}/{RUNTIME}/{path.name}/" for path in sorted(folder.iterdir())
            if path.is_dir() and not path.name.startswith(".")]


def revision(data):
    return hashlib.sha256(data).hexdigest()[:16]
