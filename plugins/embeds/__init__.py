"""Calculators for other sites: a chrome-less `/embed/<name>/` page and an oEmbed file for every
calculator, and "Embed this calculator" (a snippet builder) on the page that carries it.

`register()` only connects signals: `EmbedGenerator` (in `generator`) does the work, with
`offer` (addresses, options, the snippet and the oEmbed answer); `pages` gives a calculator that
no page carries a page of its own.
"""

from pelican import signals

from .generator import EmbedGenerator
from .pages import add_calculator_pages


def get_generators(pelican):
    return EmbedGenerator


def register():
    signals.get_generators.connect(get_generators)
    signals.page_generator_finalized.connect(add_calculator_pages)
