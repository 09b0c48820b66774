"""The stylesheets in the output, made from the theme's templates with the site's colours, and
the clinic's logo and favicon beside them."""

from pathlib import Path

from pelican.generators import Generator

import project
from plugins.languages.sites import is_main_site, main_site

from . import brand, colours

STYLESHEETS = ("css/site.css", "css/embed.css")  # theme/templates/NAME -> theme/NAME


class StylesGenerator(Generator):
    """Gives templates `STYLES` (each stylesheet's URL), `LOGO` (url, width, height) and
    `FAVICON` (url, type, sizes), each URL with `?v=` and a hash of what is written, and writes
    them into the theme's folder of the output (the main site's: a language's sub-site links
    them)."""

    def generate_context(self):
        look = brand.read(self.settings)
        values = {scheme: look.palette.css(scheme) for scheme in colours.SCHEMES}
        self.files = {}
        self.context["STYLES"] = {
            name: self._add(name, project.theme_file(self.env, name, colours=values).encode())
            for name in STYLESHEETS}
        logo, favicon = look.logo, look.favicon
        self.context["LOGO"] = {"url": self._add_picture("logo", logo),
                                "width": logo.width, "height": logo.height}
        self.context["FAVICON"] = {"url": self._add_picture("favicon", favicon),
                                   "type": favicon.media_type, "sizes": favicon.sizes}

    def _add(self, name: str, data: bytes) -> str:
        """Keep `data` to write as theme/NAME; its versioned URL."""
        self.files[name] = data
        return project.versioned_url(main_site(self.settings)[0], self.settings["THEME_STATIC_DIR"],
                                     name, data)

    def _add_picture(self, role: str, picture) -> str:
        return self._add(f"brand/{role}{picture.path.suffix.lower()}", picture.path.read_bytes())

    def generate_output(self, writer):
        if not is_main_site(self.settings):
            return
        for name, data in self.files.items():
            target = Path(self.output_path) / self.settings["THEME_STATIC_DIR"] / name
            target.parent.mkdir(parents=True, exist_ok=True)
            project.write_atomically(target, data)
