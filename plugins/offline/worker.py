"""`service-worker.js` at the site's root: service-worker.js (beside this file) bundled with the
Workbox modules it imports (bundle.mjs; once per source and per lock file, kept in
.cache/offline), and this build's manifest written in where it says `self.__WB_MANIFEST`, as
Workbox's injectManifest does."""

import hashlib
import json
import logging
import os
from pathlib import Path
from urllib.parse import urlsplit

import project

from .manifest import precache_entries, runtime_folders

WORKER = "service-worker.js"  # at the site's root: its scope is every language's pages
RUNTIME_CACHE = "calculators-runtime"  # the runtime's cache, its scope after it (the worker)
SOURCE = Path(__file__).with_name("service-worker.js")
BUNDLER = Path(__file__).with_name("bundle.mjs")
PLACEHOLDER = "self.__WB_MANIFEST"
CACHE = project.CACHE / "offline"

logger = logging.getLogger(__name__)


def write_service_worker(settings):
    """Write the worker into the main site's output; left as it is when its bytes would not change
    (a browser then finds no update, and the precompressed copies stay current)."""
    output = Path(settings["OUTPUT_PATH"])
    prefix = urlsplit(settings["SITEURL"]).path.rstrip("/")
    embed_folders = ["embed", *(f"{lang}/embed" for lang in settings.get("I18N_SUBSITES", {}))]
    build = {
        "precache": precache_entries(output, prefix, settings["THEME_STATIC_DIR"],
                                     settings["STATIC_PATHS"], embed_folders),
        "runtime": runtime_folders(output, prefix),
        "warm": [urlsplit(url).path for url in settings["OFFLINE_WARM"]],
        "cache": RUNTIME_CACHE,
    }
    code = bundled().replace(PLACEHOLDER, json.dumps(build, separators=(",", ":")))
    target = output / WORKER
    if not target.is_file() or target.read_text("utf-8") != code:
        project.write_atomically(target, code)


def bundled():
    """The bundled worker, with its manifest's placeholder."""
    inputs = b"".join(path.read_bytes() for path in (SOURCE, BUNDLER, project.ROOT / "package-lock.json"))
    kept = CACHE / f"service-worker-{hashlib.sha256(inputs).hexdigest()[:16]}.js"
    if not kept.is_file():
        if not (project.ROOT / "node_modules" / "workbox-precaching").is_dir():
            raise FileNotFoundError("the service worker needs Workbox in node_modules: run `npm ci`")
        with project.slow_step(logger, "offline: bundling the service worker with Workbox"):
            scratch = kept.with_name(f".{kept.name}.{os.getpid()}.partial")
            kept.parent.mkdir(parents=True, exist_ok=True)
            project.run_tool(["node", BUNDLER, SOURCE, scratch], "bundling the service worker",
                             cwd=project.ROOT)
            scratch.replace(kept)
    code = kept.read_text("utf-8")
    if code.count(PLACEHOLDER) != 1:
        raise ValueError(f"{kept}: the bundled worker should say {PLACEHOLDER} once")
    return code
