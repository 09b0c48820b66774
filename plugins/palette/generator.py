"""The stylesheets in the output, made from the theme's templates with the palette's colours."""

from pathlib import Path

from pelican.generators import Generator

import project

from . import colours

STYLESHEETS = ("css/site.css", "css/embed.css")  # theme/templates/NAME -> theme/NAME


class StylesGenerator(Generator):
    """Gives templates `STYLES` (each stylesheet's URL, with `?v=` and a hash of what is written)
    and writes the stylesheets."""

    def generate_context(self):
        palette = colours.read(Path(self.theme))
        values = {scheme: palette.css(scheme) for scheme in colours.SCHEMES}
        self.styles = {name: project.theme_file(self.env, name, colours=values)
                       for name in STYLESHEETS}
        siteurl, static = self.settings["SITEURL"], self.settings["THEME_STATIC_DIR"]
        self.context["STYLES"] = {name: project.versioned_url(siteurl, static, name, text.encode())
                                  for name, text in self.styles.items()}

    def generate_output(self, writer):
        for name, text in self.styles.items():
            target = Path(self.output_path) / self.settings["THEME_STATIC_DIR"] / name
            target.parent.mkdir(parents=True, exist_ok=True)
            project.write_atomically(target, text)
