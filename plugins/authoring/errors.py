"""Authoring mistakes: raised while reading a file, collected, then fail the build."""


class AuthoringError(Exception):
    """A mistake in an article, reported as `path:line: message`."""

    def __init__(self, path, line, message):
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


class BuildError(Exception):
    """Raised at the end of reading when any article had an authoring mistake."""


collect: list[str] = []


def raise_collected():
    if collect:
        problems = "\n".join(collect)
        collect.clear()
        raise BuildError(f"{len(problems.splitlines())} authoring error(s):\n{problems}")
