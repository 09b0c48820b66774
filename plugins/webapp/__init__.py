"""Installable: a web app manifest for each language's site (its name, its start page, the
clinic's colours) and the home-screen icons drawn from the clinic's logo (the settings' BRAND).

`register()` only connects signals: `WebAppGenerator` (in `generator`) writes the manifests and
gives the templates `WEBAPP`; `icons` draws the icons.
"""

from pelican import signals

from .generator import WebAppGenerator


def get_generators(pelican):
    return WebAppGenerator


def register():
    signals.get_generators.connect(get_generators)
