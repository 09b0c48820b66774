"""Authoring syntax for articles: calculators, data tables, table captions, citations, values
from the data file, and a check that hand-typed figures are in the data file.

`register()` only connects signals; each concern lives in its own module.
"""

from pelican import signals

from .errors import collect, raise_collected
from .reader import AuthoringReader


def forget_errors(pelican):
    collect.clear()


def use_authoring_reader(readers):
    for extension in AuthoringReader.file_extensions:
        readers.reader_classes[extension] = AuthoringReader


def fail_on_errors(generators):
    raise_collected()


def register():
    signals.initialized.connect(forget_errors)
    signals.readers_init.connect(use_authoring_reader)
    signals.all_generators_finalized.connect(fail_on_errors)
