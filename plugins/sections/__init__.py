"""An article's sections (its second-level headings that carry an id), for "On this page".

Each content object gets `sections`: a list of (id, heading text) in page order.
"""

import html
import re

from pelican import signals

# An h2 element (its start tag's attributes, its inner HTML), or a comment, which is skipped.
# The HTML is Python-Markdown's and the templates': attribute values never hold a raw ">".
H2_OR_COMMENT = re.compile(r"<!--.*?-->|<h2(?=[\s/>])([^>]*)>(.*?)</h2\s*>",
                           re.DOTALL | re.IGNORECASE)
ID = re.compile(r"""(?:^|\s)id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)
TAG_OR_COMMENT = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)


def sections(markup):
    """Only the h2 elements are read, and without an HTML parser: parsing all of the HTML took a
    tenth of the build, and one parser for each heading still took 2% of it."""
    found = []
    for match in H2_OR_COMMENT.finditer(markup or ""):
        attrs, inner = match.groups()
        named = ID.search(attrs or "")
        if attrs is None or not named:
            continue  # a comment, or a heading without an id
        heading_id = html.unescape(next(value for value in named.groups() if value is not None))
        if heading_id:
            text = html.unescape(TAG_OR_COMMENT.sub("", inner))
            found.append((heading_id, " ".join(text.split())))
    return found


def add_sections(content):
    content.sections = sections(getattr(content, "_content", ""))


def register():
    signals.content_object_init.connect(add_sections)
