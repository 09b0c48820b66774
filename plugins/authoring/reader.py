"""A Markdown reader that knows which file it reads, so mistakes name the file and line."""

import os

from pelican.readers import MarkdownReader
from pelican.utils import get_date

from .errors import AuthoringError, collect
from .extension import AuthoringExtension

REQUIRED = {"article": ("title", "date", "reviewed", "summary"), "page": ("title", "summary")}


class AuthoringReader(MarkdownReader):
    def read(self, source_path):
        path = os.path.relpath(source_path)
        extension = AuthoringExtension(path=path)
        base = self.settings["MARKDOWN"]
        self.settings = {
            **self.settings,
            "MARKDOWN": {**base, "extensions": [*base["extensions"], extension]},
        }
        try:
            content, metadata = super().read(source_path)
            check_metadata(path, metadata)
        except AuthoringError as error:
            collect.append(str(error))
            raise
        finally:
            self.settings = {**self.settings, "MARKDOWN": base}
        metadata["calculators"] = extension.calculators
        return content, metadata


def check_metadata(path, metadata):
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
