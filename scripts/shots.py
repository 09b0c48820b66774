"""Screenshots for people to look at: pages at phone width, in the light and the dark scheme.

    python -m scripts.shots [--folder shots] [--width 390] [--height 844]

Builds the site into a temporary folder, serves it on loopback and writes, for the home page,
the protocols article and the dose calculator, `NAME-SCHEME.png` (the first screen) and
`NAME-SCHEME-full.png` (the whole page) into the folder, git-ignored. Nothing compares pixels.
"""

import argparse
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from scripts.site import ARGS, CHROMIUM, ROOT, SiteServer, build_site

PAGES = {"home": "/", "protocols": "/protocols-in-practice/", "dose": "/calculators/dose/"}
SCHEMES = ("light", "dark")


def shoot(folder, width, height):
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as site, SiteServer(build_site(site)) as server, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for scheme in SCHEMES:
            context = browser.new_context(
                base_url=server.url, viewport={"width": width, "height": height},
                device_scale_factor=2, is_mobile=True, has_touch=True, color_scheme=scheme,
            )
            page = context.new_page()
            for name, path in PAGES.items():
                page.goto(path)
                page.wait_for_load_state("networkidle")
                first, whole = folder / f"{name}-{scheme}.png", folder / f"{name}-{scheme}-full.png"
                page.screenshot(path=str(first))
                page.screenshot(path=str(whole), full_page=True, scale="css")  # one pixel a CSS px
                written += [first, whole]
            context.close()
        browser.close()
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=ROOT / "shots")
    parser.add_argument("--width", type=int, default=390)
    parser.add_argument("--height", type=int, default=844)
    args = parser.parse_args()
    for path in shoot(args.folder, args.width, args.height):
        print(path)


if __name__ == "__main__":
    main()
