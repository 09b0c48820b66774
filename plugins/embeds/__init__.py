"""Calculators for other sites: a chrome-less `/embed/<name>/` page and an oEmbed file for every
calculator, and "Embed this calculator" (a snippet builder) on the page that carries it.

`register()` only connects signals: `EmbedGenerator` (in `generator`) does the work, with
`offer` (addresses, options, the snippet and the oEmbed answer).
"""

from pelican import signals

from .generator import EmbedGenerator


def get_generators(pelican):
    return EmbedGenerator


def register():
    signals.get_generators.connect(get_generators)
