"""Whether a translation is current: its Source-Version against its English source's version
now, how long it has been out of date, and the rule for a translation out of date too long.
Read from the files, for the build (this plugin) and for `invoke check` alike."""

import datetime
import functools
import os
from dataclasses import dataclass
from pathlib import Path

from plugins.authoring import rules
from plugins.authoring.errors import AuthoringError

from .changes import changed_on
from .versions import LANG, is_version, source_of, source_version

TRANSLATION_MAX_DAYS = 30  # when the settings do not say (TRANSLATION_MAX_DAYS)


@dataclass(frozen=True)
class Translation:
    path: Path  # the Spanish file, as the build names it
    source: Path  # the English file it translates
    recorded: str  # its Source-Version
    line: int  # the line of its Source-Version

    @functools.cached_property
    def current(self) -> str:
        return source_version(self.source)

    @property
    def outdated(self) -> bool:
        return self.recorded != self.current

    @functools.cached_property
    def since(self) -> datetime.date:
        """The day the English changed (meaningful when out of date)."""
        return changed_on(self.source)

    def days_outdated(self, today: datetime.date) -> int:
        return (today - self.since).days if self.outdated else 0


def is_translation(lines) -> bool:
    """Whether a file's lines say it is in the translations' language (Lang: es)."""
    fields, _ = rules.header(lines)
    return fields.get("lang", (0, ""))[1].strip().lower() == LANG


def read(path, content) -> Translation:
    """The translation at `path` (a file with Lang: es), or an AuthoringError naming its line:
    no Source-Version, a malformed one, or no English source where it should be."""
    lines = Path(path).read_text("utf-8").split("\n")
    fields, _ = rules.header(lines)
    line, recorded = fields.get("source-version", (0, ""))
    source = source_of(path, content)
    path = Path(os.path.relpath(path))  # named as the build names every file in its errors
    source = source and Path(os.path.relpath(source))
    if source is None:
        raise AuthoringError(path, fields.get("lang", (1,))[0], (
            f"a translation (Lang: {LANG}) lives in the {LANG} folder beside its English source: "
            f"content/articles/{LANG}/NAME.md translates content/articles/NAME.md, "
            f"content/pages/{LANG}/PATH.md translates content/pages/PATH.md"))
    if not source.is_file():
        raise AuthoringError(path, line or 1, (
            f"this translation's English source {source} does not exist: put the translation "
            "beside its source's path, or delete it with its source"))
    if not line:
        raise AuthoringError(path, 1, (
            "missing metadata: Source-Version, the version of the English text this translates "
            f"(start a translation with invoke new --translate {source}; the authoring guide "
            "says how to compute it)"))
    if not is_version(recorded):
        raise AuthoringError(path, line, (
            f"Source-Version: {recorded!r} is not a version ({len(source_version(source))} "
            f"lowercase hex digits, such as {source_version(source)}, the version of {source})"))
    return Translation(Path(path), source, recorded, line)


def max_days(settings) -> int:
    """The most days a translation may be out of date (TRANSLATION_MAX_DAYS)."""
    return settings.get("TRANSLATION_MAX_DAYS", TRANSLATION_MAX_DAYS)


def too_old(translation: Translation, settings, today: datetime.date) -> str | None:
    """What to say of a translation out of date for longer than the limit, else None."""
    days, limit = translation.days_outdated(today), max_days(settings)
    if days <= limit:
        return None
    return (f"out of date for {days} days, more than {limit} (TRANSLATION_MAX_DAYS): its English "
            f"source {translation.source} changed on {translation.since:%Y-%m-%d}; update the "
            f"translation and set Source-Version: {translation.current}")
