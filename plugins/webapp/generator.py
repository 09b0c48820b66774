"""Each language's manifest at the root of its site (`/manifest.webmanifest`,
`/es/manifest.webmanifest`), in its language, starting at its home page; the icons once, in the
main site's theme folder, which every manifest links."""

import json
import os
from pathlib import Path

from pelican.generators import Generator

import project
from plugins.languages.sites import every_site, is_main_site, main_site
from plugins.palette import brand
from plugins.palette.colours import SCHEMES

from . import icons

MANIFEST = "manifest.webmanifest"  # served as application/manifest+json (deploy/hosting.py)
ICONS = "brand"  # the icons' folder in the theme's, beside the logo and the favicon


class WebAppGenerator(Generator):
    """Gives templates `WEBAPP`: `manifest` (its URL) and `theme_colours` ((scheme, colour) for
    each colour scheme); writes the manifest, and on the main site the icons."""

    def generate_context(self):
        look = brand.read(self.settings)
        paper = look.palette.colour("paper")
        self.icons = {icon: icons.draw(look.logo, icon, paper) for icon in icons.ICONS}
        self.manifest = self._manifest(look.palette.colour("brand"), paper)
        self.context["WEBAPP"] = {
            "manifest": f"{self.settings['SITEURL']}/{MANIFEST}",
            "theme_colours": [(scheme, look.palette.colour("brand", scheme)) for scheme in SCHEMES],
        }

    def _icon_path(self, icon: icons.Icon) -> Path:
        return Path(main_site(self.settings)[1], self.settings["THEME_STATIC_DIR"], ICONS, icon.name)

    def _manifest(self, theme_colour: str, background: str) -> dict:
        """The manifest; its URLs relative to itself, so it holds on any host and at any path."""
        lang = self.settings["DEFAULT_LANG"]
        (site,) = [site for site in every_site(self.settings) if site.lang == lang]
        # the main site's folder (which holds the icons), from this site's
        root = Path(os.path.relpath(os.path.abspath(main_site(self.settings)[1]),
                                    os.path.abspath(self.output_path))).as_posix()
        # what the home screen shows under the icon; the name, when the settings give none
        short = self.settings.get("SHORT_SITENAME")
        return {
            "name": self.settings["SITENAME"],
            **({"short_name": short} if short else {}),
            "description": self.settings["SITESUBTITLE"],
            "lang": site.tag,
            "dir": "ltr",
            "start_url": "./",
            "scope": "./",
            "display": "standalone",
            "theme_color": theme_colour,
            "background_color": background,
            "icons": [{
                "src": project.versioned_url(root, self.settings["THEME_STATIC_DIR"],
                                             f"{ICONS}/{icon.name}", data),
                "sizes": f"{icon.size}x{icon.size}", "type": "image/png", "purpose": icon.purpose,
            } for icon, data in self.icons.items()],
        }

    def generate_output(self, writer):
        project.write_atomically(Path(self.output_path) / MANIFEST,
                                 json.dumps(self.manifest, ensure_ascii=False, indent=1) + "\n")
        if not is_main_site(self.settings):
            return
        for icon, data in self.icons.items():
            target = self._icon_path(icon)
            target.parent.mkdir(parents=True, exist_ok=True)
            project.write_atomically(target, data)
