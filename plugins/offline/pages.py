"""What a full page gives its registration script (theme/static/js/offline.js): the worker's
address and scope; the worker, the runtime files a page that asks may have it warm (the build's
settings' `OFFLINE_WARM`, which `worker` writes into it); each article's or page's likely next
calculator page, to prefetch."""

import re
from pathlib import Path

import project
from plugins.languages.sites import main_site

from .worker import WORKER

SCRIPT = "js/offline.js"
# A link in an article's text to a calculator's page, in any language's site.
CALCULATOR_LINK = re.compile(r'href="(/[^/"#?][^"#?]*/calculators/[a-z0-9-]+/|/calculators/[a-z0-9-]+/)"')  # this site's (root-relative) only


def give_pages(generators):
    """Templates get `OFFLINE` (the registration script's URL and data); articles and pages get
    `next_calculator` (a URL, or None); the settings get `OFFLINE_WARM`."""
    context, settings = generators[0].context, generators[0].settings
    siteurl, static = main_site(settings)[0], settings["THEME_STATIC_DIR"]
    theme = Path(generators[0].theme) / "static"
    context["OFFLINE"] = {
        "script": project.theme_asset_urls(siteurl, static, theme, [SCRIPT])[SCRIPT],
        "worker": f"{siteurl}/{WORKER}",
        "scope": f"{siteurl}/",
    }
    settings["OFFLINE_WARM"] = warm_urls(context["RUNTIME"])
    for generator in generators:
        for item in [*getattr(generator, "articles", ()), *getattr(generator, "pages", ())]:
            item.next_calculator = next_calculator(item)


def warm_urls(runtime):
    """The files a calculator's page loads to boot (calculator-worker.js): every runtime file but,
    when there is a snapshot, the standard library and the wheel, which the snapshot holds."""
    urls = list(runtime["sizes"])
    if runtime["snapshot"]:
        urls = [url for url in urls if not url.endswith(("/python_stdlib.zip", ".whl"))]
    return urls


def next_calculator(item):
    """The first calculator page the item's text links to, other than itself."""
    own = item.url
    for url in CALCULATOR_LINK.findall(item.content):
        if not url.endswith("/" + own):
            return url
    return None
