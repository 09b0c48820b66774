"""The Markdown extension that ties the authoring processors to the source file being read."""

from markdown.extensions import Extension

from .blocks import BlockLinePreprocessor
from .captions import TableCaptionTreeprocessor
from .citations import CitationPostprocessor
from .errors import AuthoringError
from .fences import prose_lines
from .figures import FigureCheckPreprocessor
from .headings import HeadingLinkTreeprocessor
from .languages import OtherLanguageInlineProcessor
from .values import ValueInlineProcessor


class AuthoringExtension(Extension):
    def start(self, path, lines=(), field_lines=None):
        """Forget the last file: its path, calculators, diary, citations, lines and the line of
        each header field (by name, in lowercase)."""
        self.path = path
        self.calculators = []
        self.diary = False  # whether it carries the diary ([diary])
        self.cited = []  # the reference ids the text cites, in order
        self.lines = list(lines)
        self.field_lines = field_lines or {}

    def extendMarkdown(self, md):
        # Before "meta" (27) so line numbers count from the top of the file.
        md.preprocessors.register(FigureCheckPreprocessor(md, self), "authoring_figures", 30)
        md.preprocessors.register(BlockLinePreprocessor(md, self), "authoring_blocks", 29)
        # After escapes (180), before links (160); code spans (190) are left alone.
        md.inlinePatterns.register(ValueInlineProcessor(self), "authoring_values", 175)
        md.inlinePatterns.register(OtherLanguageInlineProcessor(), "authoring_languages", 174)
        # After attr_list (8), so an author's {#id} is kept; before the captions' ids (5).
        md.treeprocessors.register(HeadingLinkTreeprocessor(md), "authoring_headings", 6)
        md.treeprocessors.register(TableCaptionTreeprocessor(md, self), "authoring_captions", 5)
        # After raw HTML is restored (30), so tables from data are cited too.
        md.postprocessors.register(CitationPostprocessor(md, self), "authoring_citations", 5)

    def line_of(self, *needles):
        """The first source line outside code holding every needle, for error messages (None
        if none)."""
        return next((n for n, line in prose_lines(self.lines) if all(x in line for x in needles)),
                    None)

    def field_line(self, name):
        """The line of the header field `name` (in lowercase), None if the header has none."""
        return self.field_lines.get(name)

    def refuse_in_metadata(self, md, what):
        """Pelican converts the Summary with the same Markdown, its "meta" step removed."""
        if "meta" not in md.preprocessors:
            raise AuthoringError(
                self.path, self.field_line("summary"),
                f"{what} belongs in the text, not in the Summary",
            )
