"""Fenced code blocks in the Markdown source: examples, which the authoring syntax leaves alone."""

import re

# A fenced code block opens with 3+ backticks or tildes (a backtick fence's info string has no
# backtick) and closes with the same character, at least as many, and nothing else.
FENCE_OPEN = re.compile(r"^ {0,3}(?P<fence>`{3,}(?=[^`]*$)|~{3,})")
# A code span: a run of backticks, what it holds, then a run of as many (on one line).
CODE_SPAN = r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)"


def numbered_lines(lines):
    """(line number, line, in_code) for each line; in_code holds for a fence and what it holds."""
    fence = None
    for number, line in enumerate(lines, start=1):
        if fence is None:
            opening = FENCE_OPEN.match(line)
            fence = opening["fence"] if opening else None
            yield number, line, fence is not None
        else:
            if re.fullmatch(rf" {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*", line):
                fence = None
            yield number, line, True


def prose_lines(lines):
    """(line number, line) for each line outside fenced code, its code spans blanked out: the
    text the authoring rules read (examples in code are left alone)."""
    for number, line, in_code in numbered_lines(lines):
        if not in_code:
            yield number, re.sub(CODE_SPAN, " ", line) if "`" in line else line
