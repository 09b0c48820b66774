"""Lighthouse's four scores, and whether Chromium would install the site, for the home page, an
article and the dose calculator, in English and in Spanish: the production build (publishconf.py,
precompressed) served by Debian's nginx with its generated configuration, as `invoke production`
serves it.

    python -m scripts.lighthouse [--keep FOLDER]

Lighthouse is npm's (package.json's devDependencies, installed by `scripts/bootstrap`), driving
Debian's Chromium with the tests' arguments, as a phone (its default). Lighthouse 12 has no
installability audit (it left with the PWA category), so the same check is asked of Chromium
itself, which Lighthouse 11's `installable-manifest` audit read: the DevTools protocol's
`Page.getInstallabilityErrors` on the page (a manifest that parses, with a name, a start URL in
scope, display standalone, a square PNG icon of at least 144 px, served over a secure origin).
Figures, not assertions: each report's JSON is kept in --keep, if given.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from deploy.configs import config_folder
from deploy.servers import CONFIG_NAMES, RealServer, missing_packages
from project import ROOT
from scripts.site import ARGS, CHROMIUM, build_site
from tests.production.support import free_port

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {"home": "", "article": "how-dosing-works/", "dose calculator": "calculators/dose/"}
LANGUAGES = {"en": "", "es": "es/"}
SERVER = "nginx"


def build(output: Path, address: str) -> Path:
    """The production build for a server at `address`. The example clinic's reviewer is a
    placeholder, which a production build refuses: here it is a warning (Lighthouse judges the
    pages, not the review)."""
    return build_site(output, "publishconf.py", SITEURL=address, FEED_DOMAIN=address,
                      HOSTING_ADDRESS=address, REVIEW_STRICT=False)


def scores(url: str, report: Path) -> dict[str, int]:
    """Lighthouse's four category scores (0-100) for `url`; its JSON report in `report`."""
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--only-categories={','.join(CATEGORIES)}",
               "--chrome-flags=" + " ".join(["--headless=new", *ARGS])]
    done = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM},
                          capture_output=True, text=True, timeout=300)
    if done.returncode:
        raise SystemExit(f"lighthouse failed on {url}:\n{done.stderr[-3000:]}")
    categories = json.loads(report.read_text("utf-8"))["categories"]
    failed = [name for name in CATEGORIES if categories[name]["score"] is None]
    if failed:  # Lighthouse gives no score to a category whose audits errored
        raise SystemExit(f"lighthouse could not score {', '.join(failed)} on {url}: see its report")
    return {name: round(categories[name]["score"] * 100) for name in CATEGORIES}


def installability(context, url: str) -> list[str]:
    """What keeps Chromium (`context`: a profile on disk, as incognito installs nothing) from
    installing the page at `url`; none: installable."""
    page = context.new_page()
    page.goto(url, wait_until="load")
    cdp = context.new_cdp_session(page)
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    page.close()
    return [error["errorId"] + "".join(f" {arg['name']}={arg['value']}"
                                       for arg in error.get("errorArguments", []))
            for error in errors]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="a folder for each page's JSON report")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        raise SystemExit(f"lighthouse: {LIGHTHOUSE} is missing: run scripts/bootstrap (npm ci)")
    if problem := missing_packages(SERVER):
        raise SystemExit(f"lighthouse: {problem}")
    address = f"http://127.0.0.1:{free_port()}"
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as scratch:
        reports = args.keep or Path(scratch)
        reports.mkdir(parents=True, exist_ok=True)
        site = build(Path(scratch) / "output", address)
        config = config_folder(site) / CONFIG_NAMES[SERVER]
        print(f"{'page':<22}" + "".join(f"{name:>16}" for name in CATEGORIES) + "  installable")
        with RealServer(SERVER, config, address), sync_playwright() as playwright:
            profile = playwright.chromium.launch_persistent_context(
                Path(scratch) / "profile", executable_path=CHROMIUM, args=ARGS)
            for lang, prefix in LANGUAGES.items():
                for name, path in PAGES.items():
                    url = f"{address}/{prefix}{path}"
                    found = scores(url, reports / f"{lang}-{name.replace(' ', '-')}.json")
                    errors = installability(profile, url)
                    print(f"{lang + ' ' + name:<22}" + "".join(f"{found[c]:>16}" for c in CATEGORIES)
                          + "  " + ("yes" if not errors else "no: " + "; ".join(errors)), flush=True)
            profile.close()


if __name__ == "__main__":
    sys.exit(main())
