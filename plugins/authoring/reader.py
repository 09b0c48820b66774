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

from . import rules, structure
from .errors import AuthoringError, located
from .extension import AuthoringExtension
from .rules import REQUIRED, months_since, review_limit

# A reviewer named as an example ("Dr A. Example, MD (clinical lead, example)"): a placeholder.
EXAMPLE = re.compile(r"\bexample\b", re.IGNORECASE)
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
        # The words the extension writes into a page (citations, values, tables, a calculator,
        # the diary), in the site's language: a sub-site's build has its own DEFAULT_LANG.
        self.authoring.site_say = site_words.for_settings(self.settings)
        self.authoring.lang = self.settings["DEFAULT_LANG"]
        self.placeholders = set()  # placeholder reviewers already warned about in this build
        settings = self.settings["MARKDOWN"]
        self._md = Markdown(**{**settings, "extensions": [*settings["extensions"], self.authoring]})

    def read(self, source_path):
        path = os.path.relpath(source_path)
        self._source_path = source_path
        with pelican_open(source_path) as text:
            lines = text.split("\n")  # as Markdown splits it (universal newlines read)
        fields, body = rules.header(lines)
        self.authoring.start(path, lines, {name: line for name, (line, _) in fields.items()})
        # Every mistake the source's lines show, then the first the conversion meets.
        problems = [AuthoringError(path, line, message) for line, message in (
            *rules.header_problems(lines, rules.kind_of(path)),
            *structure.raw_html(lines),
            *structure.heading_problems(lines, body, self.authoring.site_say("citation.references")),
        )]
        self._md.reset()
        self._md.preprocessors.register(MetaPreprocessor(self._md), "meta", 27)
        try:
            content = self._md.convert(text)
            if not problems:  # Pelican reads the dates too, and would stop at a bad one
                pending = self.pending(path, fields, lines)
                metadata = self._parse_metadata(
                    {name: value for name, value in self._md.Meta.items() if name not in pending})
                check_metadata(path, metadata, self.settings, self.authoring.field_line,
                               self.placeholders, pending)
        except AuthoringError as error:
            problems.append(error)
        if problems:
            problems.sort(key=lambda problem: problem.line or 0)
            self.errors.extend(problems)
            raise problems[0]
        metadata["calculators"] = self.authoring.calculators
        metadata["diary"] = self.authoring.diary
        metadata["citations"] = [reference_text(ref_id, self.authoring.lang)
                                 for ref_id in self.authoring.cited]
        return content, metadata

    @staticmethod
    def pending(path, fields, lines):
        """A draft's fields still `[draft: ...]` placeholders, left out of its metadata (a
        draft's page claims no review it has not had); a warning says what is left to do. (A
        placeholder in an article that is not a draft is an error, found before.)"""
        left = rules.placeholder_lines(lines)
        if left:
            log.warning("%s:%d: a draft with %d placeholder(s) from invoke new (lines %s): replace "
                        "each, have a clinician review it and set Reviewed and Reviewer, then "
                        "delete Status: draft to publish it", path, left[0], len(left),
                        ", ".join(map(str, left)))
        return {name for name, (_, value) in fields.items() if rules.is_placeholder(value)}


def check_metadata(path, metadata, settings, line_of=lambda name: None, warned=None, pending=()):
    """What the header's fields must be once read: every required one there (a draft's
    `pending` ones to be filled in), a known reviewer, a review recent enough."""
    kind = rules.kind_of(path)
    missing = [name.capitalize() for name in REQUIRED[kind]
               if name not in metadata and name not in pending]
    if missing:
        raise AuthoringError(path, 1, f"missing metadata: {', '.join(missing)} (add each to the "
                             "header, the lines above the first blank line)")
    if "reviewed" in metadata:
        metadata["reviewed"] = get_date(metadata["reviewed"])  # written year-month-day (rules)
        metadata.setdefault("modified", metadata["reviewed"])  # the sitemap's lastmod
        check_review_age(path, line_of("reviewed"), metadata["reviewed"], settings)
    if "reviewer" in metadata:
        metadata["reviewer"] = reviewer(path, line_of("reviewer"), metadata["reviewer"],
                                        settings.get("REVIEWERS", {}))
        check_placeholder(path, line_of("reviewer"), metadata["reviewer"], settings,
                          set() if warned is None else warned)


def reviewer(path, line, given, known):
    """A reviewer key from the settings' REVIEWERS, or a name with a credential after a comma."""
    given = given.strip()
    if given in known:
        return known[given]
    name, comma, credential = given.partition(",")
    if comma and name.strip() and credential.strip():
        return given
    keys = ", ".join(known) or "none"
    raise AuthoringError(
        path, line, f"Reviewer: {given!r} is neither a reviewer key from pelicanconf.py "
        f"(known: {keys}) nor a name and a credential, such as 'A. Example, MD'",
    )


def check_placeholder(path, line, name, settings, warned):
    """A placeholder reviewer (marked as an example): an error when REVIEW_STRICT, else a
    warning, once a build for each such reviewer (`warned` holds those said already)."""
    if not EXAMPLE.search(name):
        return
    message = (f"reviewer {name!r} is a placeholder (marked as an example): a real clinic must "
               "name its real reviewer in REVIEWERS (pelicanconf.py)")
    if settings.get("REVIEW_STRICT"):
        raise AuthoringError(path, line, message)
    if name not in warned:
        warned.add(name)
        log.warning("%s: %s (said once, for every article that names this reviewer)",
                    located(path, line), message)


def check_review_age(path, line, reviewed, settings):
    """A review older than REVIEW_MAX_MONTHS: a warning, or an error when REVIEW_STRICT."""
    months = review_limit(settings)
    today = settings.get("REVIEW_TODAY") or datetime.date.today()
    if months_since(reviewed, today) < months:
        return
    message = (f"last reviewed {reviewed:%Y-%m-%d}, more than {months} months ago: "
               "have a clinician review it and update Reviewed")
    if settings.get("REVIEW_STRICT"):
        raise AuthoringError(path, line, message)
    log.warning("%s: %s", located(path, line), message)
