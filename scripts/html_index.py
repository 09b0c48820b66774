"""Read built HTML pages with the standard library: links, resources, ids, tables, text."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

RESOURCE_ATTRS = {
    "script": "src", "img": "src", "source": "src", "iframe": "src", "audio": "src",
    "video": "src", "embed": "src", "object": "data", "track": "src",
}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


@dataclass
class Page:
    path: Path
    links: list = field(default_factory=list)        # <a href>
    resources: list = field(default_factory=list)    # anything the browser fetches
    ids: set = field(default_factory=set)
    tables: list = field(default_factory=list)       # dicts: caption, col_scopes, row_scopes
    text: list = field(default_factory=list)
    title: str = ""
    description: str = ""


class PageParser(HTMLParser):
    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.page, self.stack = page, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in VOID:
            self.stack.append(tag)
        if "id" in attrs:
            self.page.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.page.links.append(attrs["href"])
        if tag in RESOURCE_ATTRS and attrs.get(RESOURCE_ATTRS[tag]):
            self.page.resources.append(attrs[RESOURCE_ATTRS[tag]])
        if tag == "img" and attrs.get("srcset"):
            self.page.resources.append(attrs["srcset"].split()[0])
        if tag == "link" and attrs.get("rel") not in ("alternate", "canonical"):
            self.page.resources.append(attrs.get("href", ""))
        if tag == "meta" and attrs.get("name") == "description":
            self.page.description = attrs.get("content", "")
        if tag == "table":
            self.page.tables.append({"caption": "", "col_scopes": [], "row_scopes": []})
        if tag == "th" and self.page.tables:
            scope = attrs.get("scope")
            key = "col_scopes" if "thead" in self.stack else "row_scopes"
            self.page.tables[-1][key].append(scope)

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data):
        if "script" in self.stack or "style" in self.stack:
            return
        self.page.text.append(data)
        if self.stack and self.stack[-1] == "title":
            self.page.title += data
        if "caption" in self.stack and self.page.tables:
            self.page.tables[-1]["caption"] += data


def parse(path):
    page = Page(Path(path))
    parser = PageParser(page)
    parser.feed(Path(path).read_text(encoding="utf-8"))
    parser.close()
    return page


def text_of(page):
    return " ".join(" ".join(page.text).split())


def start_tags(text, name=None):
    """The start tags of an HTML text, in order: (tag, attributes), or the attributes of each
    `name` tag."""
    tags = []
    parser = HTMLParser(convert_charrefs=True)
    parser.handle_starttag = lambda tag, attrs: tags.append((tag, dict(attrs)))
    parser.feed(text)
    parser.close()
    return tags if name is None else [attrs for tag, attrs in tags if tag == name]
