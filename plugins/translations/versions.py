"""Which English text a translation translates: the version of an English file's body, and where
a translation and its source live (`content/articles/es/NAME.md` translates
`content/articles/NAME.md`; `content/pages/es/PATH.md` translates `content/pages/PATH.md`)."""

import hashlib
from pathlib import Path

LANG = "es"
FOLDERS = ("articles", "pages")  # the content folders whose files a translation mirrors
DIGITS = 12


def body(text: str) -> str:
    """A file's body as its version reads it: the text after the first blank line (the end of
    the metadata), each line's trailing whitespace removed, leading and trailing blank lines
    removed. So a change of metadata (a new review date) or of trailing spaces is no new version."""
    lines = [line.rstrip() for line in text.splitlines()]
    first_blank = next((number for number, line in enumerate(lines) if not line), len(lines))
    return "\n".join(lines[first_blank:]).strip("\n")


def version(text: str) -> str:
    """The version of a file's text: the first 12 hex digits of the SHA-256 of its body."""
    return hashlib.sha256(body(text).encode("utf-8")).hexdigest()[:DIGITS]


def source_version(path) -> str:
    """The version of the English file at `path`, as a translation records it (Source-Version)."""
    return version(Path(path).read_text("utf-8"))


def is_version(text: str) -> bool:
    return len(text) == DIGITS and all(digit in "0123456789abcdef" for digit in text)


def source_of(path, content) -> Path | None:
    """The English file a translation at `path` translates (whether or not it exists), or None
    when `path` is not where a translation lives (not under articles/es/ or pages/es/)."""
    parts = _inside(path, content)
    if len(parts) > 2 and parts[0] in FOLDERS and parts[1] == LANG:
        return Path(content, parts[0], *parts[2:])
    return None


def translation_of(path, content) -> Path:
    """Where the translation of the English file at `path` lives (a ValueError for a file that
    is no English article or page)."""
    parts = _inside(path, content)
    if len(parts) < 2 or parts[0] not in FOLDERS or parts[1] == LANG:
        raise ValueError(f"{path} is not an English article or page: give a file under "
                         f"{' or '.join(str(Path(content, folder)) for folder in FOLDERS)}")
    return Path(content, parts[0], LANG, *parts[1:])


def _inside(path, content) -> tuple[str, ...]:
    """`path`'s parts inside the content folder (none for a path outside it)."""
    try:
        return Path(path).resolve().relative_to(Path(content).resolve()).parts
    except ValueError:
        return ()
