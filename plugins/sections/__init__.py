"""An article's sections (its second-level headings that carry an id), for "On this page".

Each content object gets `sections`: a list of (id, heading text) in page order.
"""

import html
import re

from pelican import signals

# A quoted attribute value may hold ">" or "id=": the patterns step over quoted values whole.
QUOTED_OR_OTHER = r"""(?:"[^"]*"|'[^']*'|[^>"'])*"""
# An h2 element (its start tag's attributes, its inner HTML), or a comment, which is skipped.
H2_OR_COMMENT = re.compile(rf"<!--.*?-->|<h2(?=[\s/>])({QUOTED_OR_OTHER})>(.*?)</h2\s*>",
                           re.DOTALL | re.IGNORECASE)
ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
TAG_OR_COMMENT = re.compile(rf"<!--.*?-->|<{QUOTED_OR_OTHER}>", re.DOTALL)


def sections(markup):
    """Only the h2 elements are read, and without an HTML parser: parsing all of the HTML took a
    tenth of the build, and one parser for each heading still took 2% of it."""
    found = []
    for match in H2_OR_COMMENT.finditer(markup or ""):
        attrs, inner = match.groups()
        if attrs is None:
            continue  # a comment
        ids = [values for name, *values in ATTRIBUTE.findall(attrs) if name.lower() == "id"]
        heading_id = html.unescape("".join(ids[0])) if ids else ""  # a browser keeps the first
        if heading_id:
            text = html.unescape(TAG_OR_COMMENT.sub("", inner))
            found.append((heading_id, " ".join(text.split())))
    return found


def add_sections(content):
    content.sections = sections(getattr(content, "_content", ""))


def register():
    signals.content_object_init.connect(add_sections)
