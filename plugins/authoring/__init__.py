"""Authoring syntax for articles: calculators, data tables, table captions, citations, values
from the data file, and a check that hand-typed figures are in the data file.

`register()` only connects signals; each concern lives in its own module.
"""

import functools

from pelican import signals

from .errors import raise_collected
from .reader import AuthoringReader


def use_authoring_reader(readers):
    """Every generator of a build has its readers: theirs is the list of the mistakes they read
    (a list a build, so builds in one process, a multilingual one's, never share one)."""
    readers.authoring_errors = []
    reader = functools.partial(AuthoringReader, errors=readers.authoring_errors)
    for extension in AuthoringReader.file_extensions:
        readers.reader_classes[extension] = reader


def fail_on_errors(generators):
    raise_collected([problem for generator in generators
                     for problem in getattr(generator.readers, "authoring_errors", ())])


def register():
    signals.readers_init.connect(use_authoring_reader)
    signals.all_generators_finalized.connect(fail_on_errors)
