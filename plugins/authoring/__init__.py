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


def mistakes(generators):
    """The authoring mistakes a build's generators read (AuthoringErrors, in reading order)."""
    return [problem for generator in generators
            for problem in getattr(generator.readers, "authoring_errors", ())]


def fail_on_errors(generators):
    """End the build if any file had a mistake; with AUTHORING_STOP = False (what `invoke check`
    sets: it reports them itself) build every other file."""
    if generators and generators[0].settings.get("AUTHORING_STOP", True):
        raise_collected(mistakes(generators))


def register():
    signals.readers_init.connect(use_authoring_reader)
    signals.all_generators_finalized.connect(fail_on_errors)
