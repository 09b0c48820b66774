"""The site's look: the theme's colours (theme/palette.toml) under the clinic's, its logo and its
favicon (the settings' BRAND). The build stops at once, before it reads a page, at a mistake in
them or at a pair of colours below WCAG AA; the stylesheets get the colours as CSS custom
properties, and the share images are drawn in them.

`register()` only connects signals: `brand` reads and checks the settings, `StylesGenerator`
(in `generator`) writes the stylesheets and the pictures; `colours` is the palette, for it and
for `share_image`; `contrast` the WCAG arithmetic; `pictures` the logo's and favicon's files.
"""

from pelican import signals

from . import brand
from .generator import StylesGenerator


def check_brand(pelican):
    brand.read(pelican.settings)


def get_generators(pelican):
    return StylesGenerator


def register():
    signals.initialized.connect(check_brand)
    signals.get_generators.connect(get_generators)
