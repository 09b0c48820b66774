"""An article's sections (its second-level headings that carry an id), for "On this page".

Each content object gets `sections`: a list of (id, heading text) in page order.
"""

import re
from html.parser import HTMLParser

from pelican import signals

# An h2 element (from its start tag to its end tag), or a comment, which the parser skips too.
H2_OR_COMMENT = re.compile(r"<!--.*?-->|<h2(?=[\s/>]).*?</h2\s*>", re.DOTALL | re.IGNORECASE)


class SectionParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections, self.current = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h2" and attrs.get("id"):
            self.current = [attrs["id"], ""]

    def handle_endtag(self, tag):
        if tag == "h2" and self.current:
            self.sections.append((self.current[0], " ".join(self.current[1].split())))
            self.current = None

    def handle_data(self, data):
        if self.current:
            self.current[1] += data


def sections(html):
    """Only the h2 elements are parsed: parsing all of the HTML took a tenth of the build."""
    parser = SectionParser()
    for element in H2_OR_COMMENT.findall(html or ""):
        if not element.startswith("<!--"):
            parser.feed(element)
    parser.close()
    return parser.sections


def add_sections(content):
    content.sections = sections(getattr(content, "_content", ""))


def register():
    signals.content_object_init.connect(add_sections)
