"""An article's sections (its second-level headings that carry an id), for "On this page".

Each content object gets `sections`: a list of (id, heading text) in page order.
"""

from html.parser import HTMLParser

from pelican import signals


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
    parser = SectionParser()
    parser.feed(html or "")
    parser.close()
    return parser.sections


def add_sections(content):
    content.sections = sections(getattr(content, "_content", ""))


def register():
    signals.content_object_init.connect(add_sections)
