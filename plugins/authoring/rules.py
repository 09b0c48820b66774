"""Rules an article is held to, written once for the build (this plugin) and for `invoke check`
(scripts/content_check.py): how old its review may be, and what a citation looks like."""

import datetime
import re

REVIEW_MAX_MONTHS = 12  # when the settings do not say (REVIEW_MAX_MONTHS)
CITATION = re.compile(r"\[(@[a-z0-9][a-z0-9-]*(?:\s*;\s*@[a-z0-9][a-z0-9-]*)*)\]")
ANY_CITATION = re.compile(r"\[@[^\]]*\]")  # also a malformed one, which the build refuses


def review_limit(settings) -> int:
    """The most months a review may be old before it is out of date."""
    return settings.get("REVIEW_MAX_MONTHS", REVIEW_MAX_MONTHS)


def months_since(day: datetime.date, today: datetime.date) -> int:
    """Whole months from `day` to `today`."""
    return (today.year - day.year) * 12 + today.month - day.month - (today.day < day.day)


def cited_ids(markdown: str) -> set[str]:
    """The reference ids a Markdown text cites ([@id] and [@a; @b])."""
    return {ref.strip().lstrip("@") for found in ANY_CITATION.findall(markdown)
            for ref in found[1:-1].split(";") if ref.strip()}
