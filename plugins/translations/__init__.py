"""Translations that never drift silently. Each translation (a file with `Lang: es`) records the
version of the English text it translates (`Source-Version`, `versions.py`); the build checks it
against its English source as it is now (`freshness.py`):

- no Source-Version, a malformed one, or no English source: an authoring error (`file:line:`);
- out of date (the English changed since): a warning in the build's log, and the Spanish page
  shows a notice (`theme/templates/translation-notice.html`) saying on which day the English
  changed (`changes.py`, in the catalogue's words: `dates.py`), with a link to the English page;
- out of date for longer than TRANSLATION_MAX_DAYS (default 30): an error when REVIEW_STRICT
  (the production build), a warning otherwise.

`register()` only connects signals.
"""

import datetime
import logging

from pelican import signals

from plugins import site_words
from plugins.authoring.errors import AuthoringError, located

from . import freshness
from .dates import day_in_words
from .versions import LANG

log = logging.getLogger(__name__)
# Where a generator keeps its content, every status (i18n_subsites may move some between them).
CONTENT_LISTS = ("articles", "translations", "drafts", "drafts_translations", "pages",
                 "hidden_pages", "hidden_translations", "draft_pages", "draft_translations")


def translations_in(generator):
    """The generator's content written in the translations' language (its own `Lang: es`)."""
    seen = set()
    for name in CONTENT_LISTS:
        for item in getattr(generator, name, ()):
            if item.metadata.get("lang") == LANG and id(item) not in seen:
                seen.add(id(item))
                yield item


def check_translations(generator):
    """Mark each out-of-date translation for its notice, warn about it, and add the mistakes
    found to the build's authoring errors (the authoring plugin ends the build with them)."""
    settings = generator.settings
    today = datetime.date.today()
    say = None
    for item in translations_in(generator):
        try:
            translation = freshness.read(item.source_path, settings["PATH"])
        except AuthoringError as error:
            generator.readers.authoring_errors.append(error)
            continue
        if not translation.outdated:
            continue
        say = say or site_words.for_settings(settings)
        item.outdated_since = translation.since
        item.outdated_since_words = day_in_words(translation.since, say)
        where = located(translation.path, translation.line)
        problem = freshness.too_old(translation, settings, today)
        if problem and settings.get("REVIEW_STRICT"):
            generator.readers.authoring_errors.append(
                AuthoringError(translation.path, translation.line, problem))
        else:
            log.warning("%s: %s", where, problem or (
                f"out of date: its English source {translation.source} changed on "
                f"{translation.since:%Y-%m-%d}; update the translation and set Source-Version: "
                f"{translation.current} (until then its page says it is being reviewed)"))


def register():
    signals.article_generator_finalized.connect(check_translations)
    signals.page_generator_finalized.connect(check_translations)
