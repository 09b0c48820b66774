"""Authoring mistakes: raised while reading a file, collected, then fail the build."""

import logging


class AuthoringError(Exception):
    """A mistake in an article, reported as `path:line: message`."""

    def __init__(self, path, line, message):
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{located(path, line)}: {message}")


def located(path, line) -> str:
    """`path:line`, or the path alone when no line is known."""
    return f"{path}:{line}" if line else str(path)


class BuildError(SystemExit):
    """Ends the build when any article had an authoring mistake: the `pelican` command prints
    the block of `file:line: message` lines on its own, with no traceback, and exits 1."""


class DebugBuildError(Exception):
    """The same, as an ordinary exception with its traceback, when the build runs --debug."""


def raise_collected(collected: list[AuthoringError]):
    """End the build if `collected` (the build's mistakes) holds any."""
    if collected:
        problems = "\n".join(map(str, collected))
        block = f"{len(problems.splitlines())} authoring error(s):\n{problems}"
        debugging = logging.getLogger("pelican").isEnabledFor(logging.DEBUG)
        raise (DebugBuildError if debugging else BuildError)(block)
