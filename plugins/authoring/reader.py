"""A Markdown reader that knows which file it reads, so mistakes name the file and line."""

import datetime
import logging
import os
import re

from markdown import Markdown
from markdown.extensions.meta import MetaPreprocessor
from pelican.readers import MarkdownReader
from pelican.utils import get_date, pelican_open

from calculators.render import reference_text
from plugins import site_words

from .errors import AuthoringError
from .extension import AuthoringExtension
from .rules import months_since, review_limit

REQUIRED = {
    "article": ("title", "date", "reviewed", "reviewer", "summary"),
    "page": ("title", "summary"),
}
# A reviewer named as an example ("Dr A. Example, MD (clinical lead, example)"): a placeholder.
PLACEHOLDER = re.compile(r"\bexample\b", re.IGNORECASE)
log = logging.getLogger(__name__)


class AuthoringReader(MarkdownReader):
    """Pelican's Markdown reader, with the authoring extension told which file it reads.

    One Markdown instance converts every file (Pelican makes one a file: 0.1 s in 500 files),
    reset before each, with the "meta" step put back that reading a Summary removes. A mistake
    goes into `errors` (the build's list) too: the build ends once every file is read."""

    def __init__(self, *args, errors=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.errors = [] if errors is None else errors
        self.authoring = AuthoringExtension()
        # The words the extension writes into a page (citations, a calculator), in the
        # site's language.
        self.authoring.site_say = site_words.for_settings(self.settings)
        self.authoring.lang = self.settings["DEFAULT_LANG"]
        self.placeholders = set()  # placeholder reviewers already warned about in this build
        settings = self.settings["MARKDOWN"]
        self._md = Markdown(**{**settings, "extensions": [*settings["extensions"], self.authoring]})

    def read(self, source_path):
        path = os.path.relpath(source_path)
        self._source_path = source_path
        self.authoring.start(path)
        self._md.reset()
        self._md.preprocessors.register(MetaPreprocessor(self._md), "meta", 27)
        try:
            with pelican_open(source_path) as text:
                content = self._md.convert(text)
            metadata = self._parse_metadata(self._md.Meta)
            check_metadata(path, metadata, self.settings, self.authoring.line_of, self.placeholders)
        except AuthoringError as error:
            self.errors.append(str(error))
            raise
        metadata["calculators"] = self.authoring.calculators
        metadata["citations"] = [reference_text(ref_id) for ref_id in self.authoring.cited]
        return content, metadata


def check_metadata(path, metadata, settings, line_of=lambda *needles: None, warned=None):
    kind = "page" if f"{os.sep}pages{os.sep}" in os.sep + path else "article"
    missing = [name.capitalize() for name in REQUIRED[kind] if name not in metadata]
    if missing:
        raise AuthoringError(path, None, f"missing metadata: {', '.join(missing)}")
    if "reviewed" in metadata:
        try:
            metadata["reviewed"] = get_date(metadata["reviewed"])
        except ValueError:
            raise AuthoringError(
                path, None, f"Reviewed: {metadata['reviewed']!r} is not a date like 2026-11-26"
            ) from None
        metadata.setdefault("modified", metadata["reviewed"])  # the sitemap's lastmod
        check_review_age(path, metadata["reviewed"], settings)
    if "reviewer" in metadata:
        metadata["reviewer"] = reviewer(path, metadata["reviewer"], settings.get("REVIEWERS", {}))
        check_placeholder(path, line_of("Reviewer:"), metadata["reviewer"], settings,
                          set() if warned is None else warned)


def reviewer(path, given, known):
    """A reviewer key from the settings' REVIEWERS, or a name with a credential after a comma."""
    given = given.strip()
    if given in known:
        return known[given]
    name, comma, credential = given.partition(",")
    if comma and name.strip() and credential.strip():
        return given
    keys = ", ".join(known) or "none"
    raise AuthoringError(
        path, None, f"Reviewer: {given!r} is neither a reviewer key from pelicanconf.py "
        f"(known: {keys}) nor a name and a credential, such as 'A. Example, MD'",
    )


def check_placeholder(path, line, name, settings, warned):
    """A placeholder reviewer (marked as an example): an error when REVIEW_STRICT, else a
    warning, once a build for each such reviewer (`warned` holds those said already)."""
    if not PLACEHOLDER.search(name):
        return
    message = (f"reviewer {name!r} is a placeholder (marked as an example): a real clinic must "
               "name its real reviewer in REVIEWERS (pelicanconf.py)")
    if settings.get("REVIEW_STRICT"):
        raise AuthoringError(path, line, message)
    if name not in warned:
        warned.add(name)
        log.warning("%s: %s (said once, for every article that names this reviewer)",
                    f"{path}:{line}" if line else path, message)


def check_review_age(path, reviewed, settings):
    """A review older than REVIEW_MAX_MONTHS: a warning, or an error when REVIEW_STRICT."""
    months = review_limit(settings)
    today = settings.get("REVIEW_TODAY") or datetime.date.today()
    if months_since(reviewed, today) < months:
        return
    message = (f"last reviewed {reviewed:%Y-%m-%d}, more than {months} months ago: "
               "have a clinician review it and update Reviewed")
    if settings.get("REVIEW_STRICT"):
        raise AuthoringError(path, None, message)
    log.warning("%s: %s", path, message)
