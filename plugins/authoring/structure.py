"""What an article's text may hold, read line by line in its Markdown source outside code: no
raw HTML, headings that go down one level at a time from the title's, and no References section
of its own (the build writes it from the citations). Each rule gives (line number, what to fix).
"""

import re

from markdown.inlinepatterns import AUTOLINK_RE, AUTOMAIL_RE, HTML_RE

from .fences import numbered_lines, prose_lines

# Python-Markdown's own patterns: what it would pass through as HTML, and the <address> and
# <name@host> links it reads first (not HTML); an escaped \< is a plain "<". An HTML comment
# may run over several lines.
TAG = re.compile(rf"{HTML_RE}|<!--")
NOT_TAG = re.compile(rf"{AUTOLINK_RE}|{AUTOMAIL_RE}|\\<")
# Headings as Python-Markdown reads them: a line that starts with 1-6 #, or a line of text with
# a line of = (level one) or - (level two) under it.
ATX = re.compile(r"(#{1,6})(.*?)#*\s*$")
SETEXT = re.compile(r"(=+|-+)[ ]*$")
ATTRIBUTES = re.compile(r"\{[^}]*\}\s*$")  # an author's {#id} after a heading
REFERENCES = ("references", "reference list", "bibliography")


def raw_html(lines):
    """(line, message) for each line that holds raw HTML (its first tag)."""
    if "<" not in "".join(lines):  # most files: no "<" at all
        return
    for number, line in prose_lines(lines):
        found = TAG.search(NOT_TAG.sub(" ", line)) if "<" in line else None
        if found:
            tag = found[0] if len(found[0]) <= 40 else found[0][:37] + "..."
            yield number, (f"raw HTML {tag!r} is not allowed in an article: write it in "
                           "Markdown (a link as [words](address), emphasis as **words**), or put "
                           "it in backticks or a fenced code block to show it as an example")


def headings(lines, start):
    """(line, level, text) of each heading from line `start` on, outside fenced code."""
    before = ""  # the line above, if it is a line of text (a setext heading's words)
    for number, line, in_code in numbered_lines(lines):
        if number < start or in_code:
            before = ""
            continue
        mark = line[:1]  # only such a line may be a heading (or a heading's underline)
        atx = ATX.match(line) if mark == "#" else None
        setext = SETEXT.match(line) if mark in ("=", "-") else None
        if atx:
            yield number, len(atx[1]), ATTRIBUTES.sub("", atx[2]).strip()
        elif setext and before.strip():
            yield number - 1, 1 if setext[1][0] == "=" else 2, ATTRIBUTES.sub("", before).strip()
        before = "" if atx or setext else line


def heading_problems(lines, start, references_heading="References"):
    """(line, message) for a level-one heading (the title is the only one), a heading that goes
    down more than one level, and a References heading (`references_heading`: the site's own
    word for the section the build writes)."""
    names = {*REFERENCES, references_heading.lower()}
    level_above, where = 1, "the title"
    for number, level, text in headings(lines, start):
        if text.strip("*_: ").lower() in names:
            yield number, (f"a hand-written {text!r} section: the build writes the numbered "
                           "references from the citations. Delete this heading and its list, and "
                           "cite each source where the text uses it, as [@id]")
        elif level == 1:
            yield number, (f"the heading {text!r} is level one, the title's level: start the "
                           f"text's sections at level two ('## {text}')")
        elif level > level_above + 1:
            yield number, (f"the heading {text!r} is level {level} right after {where} (level "
                           f"{level_above}): go down one level at a time, here "
                           f"'{'#' * (level_above + 1)} {text}'")
        level_above, where = level, f"the heading on line {number}"
