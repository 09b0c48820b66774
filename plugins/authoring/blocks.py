"""`[calculator: NAME]` and `[table: NAME]` lines: replaced by HTML built by the calculators."""

import re

import calculators
from calculators import tables
from markdown.preprocessors import Preprocessor

from .errors import AuthoringError
from .markup import scroll_region

BLOCK_LINE = re.compile(r"^\[(?P<kind>calculator|table):\s*(?P<name>[^\]]*?)\s*\]\s*$")
# A fenced code block opens with 3+ backticks or tildes (a backtick fence's info string has no
# backtick) and closes with the same character, at least as many, and nothing else.
FENCE_OPEN = re.compile(r"^ {0,3}(?P<fence>`{3,}(?=[^`]*$)|~{3,})")


def cite_marker(ids):
    """Citation markers that the citation postprocessor numbers later."""
    return "[" + "; ".join(f"@{id_}" for id_ in ids) + "]"


class BlockLinePreprocessor(Preprocessor):
    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines):
        self.extension.lines = self.extension.lines or list(lines)
        out, fence = [], None
        for number, line in enumerate(lines, start=1):
            if fence is None:
                opening = FENCE_OPEN.match(line)
                fence = opening["fence"] if opening else None
                match = None if fence else BLOCK_LINE.match(line)
            else:
                if re.fullmatch(rf" {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*", line):
                    fence = None
                match = None
            if match is None:
                out.append(line)
                continue
            self.extension.refuse_in_metadata(self.md, f"[{match['kind']}: ...]")
            html = self.render(match["kind"], match["name"], number)
            out.extend(["", self.md.htmlStash.store(html), ""])
        return out

    def render(self, kind, name, line):
        known = calculators.NAMES if kind == "calculator" else tables.NAMES
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
            return calculators.render_form(name)
        return scroll_region(tables.render(name, cite_marker), f"table-{name}")
