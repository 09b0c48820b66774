"""`[calculator: NAME]` and `[table: NAME]` lines, and the `[diary]` line: replaced by HTML built
by the calculators. The diary is no calculator (never on the registry, so never an embed): its
own line, once a page, and `[calculator: diary]` is an unknown calculator."""

import re

import calculators
from calculators import tables
from markdown.preprocessors import Preprocessor

from .errors import AuthoringError
from .fences import numbered_lines
from .markup import scroll_region

BLOCK_LINE = re.compile(
    r"^\[(?:(?P<kind>calculator|table):\s*(?P<name>[^\]]*?)|(?P<diary>diary))\s*\]\s*$")


def cite_marker(ids):
    """Citation markers that the citation postprocessor numbers later."""
    return "[" + "; ".join(f"@{id_}" for id_ in ids) + "]"


class BlockLinePreprocessor(Preprocessor):
    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines):
        if not any(map(BLOCK_LINE.match, lines)):  # most files: no such line at all
            return lines
        out = []
        for number, line, in_code in numbered_lines(lines):
            match = None if in_code else BLOCK_LINE.match(line)
            if match is None:
                out.append(line)
                continue
            if match["diary"]:
                self.extension.refuse_in_metadata(self.md, "[diary]")
                html = self.diary(number)
            else:
                self.extension.refuse_in_metadata(self.md, f"[{match['kind']}: ...]")
                html = self.render(match["kind"], match["name"], number)
            out.extend(["", self.md.htmlStash.store(html), ""])
        return out

    def render(self, kind, name, line):
        known = calculators.names() if kind == "calculator" else tables.NAMES
        if name not in known:
            raise AuthoringError(
                self.extension.path, line,
                f"unknown {kind} {name!r}; known: {', '.join(known)}",
            )
        if kind == "calculator":
            if name in self.extension.calculators:
                raise AuthoringError(
                    self.extension.path, line, f"calculator {name!r} is already on this page"
                )
            self.extension.calculators.append(name)
            return calculators.render_form(name, lang=self.extension.lang)
        table = tables.render(name, cite_marker, self.extension.lang)
        return scroll_region(table, f"table-{name}")

    def diary(self, line):
        if self.extension.diary:
            raise AuthoringError(self.extension.path, line, "the diary is already on this page")
        self.extension.diary = True
        # Imported here, not at start-up: only the page that carries the diary needs its form
        # (every build would otherwise load the diary package and its data).
        from calculators.diary import view

        return view.form(self.extension.lang)
