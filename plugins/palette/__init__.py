"""The theme's colours, written once (theme/palette.toml): the stylesheets get them as CSS custom
properties, and the share images are drawn in them.

`register()` only connects signals: `StylesGenerator` (in `generator`) writes the stylesheets;
`colours` reads the palette, for it and for `share_image`.
"""

from pelican import signals

from .generator import StylesGenerator


def get_generators(pelican):
    return StylesGenerator


def register():
    signals.get_generators.connect(get_generators)
