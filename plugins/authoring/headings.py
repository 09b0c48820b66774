"""Every heading gets an id and becomes a link to itself, so a section's address can be shared.

The ids and links are those of Python-Markdown's `toc` extension (`anchorlink`), made by its own
code, without the table of contents it also builds (and this site never shows).
"""

import html

from markdown.extensions.toc import (
    TocExtension, TocTreeprocessor, remove_fnrefs, render_inner_html, strip_tags, unique,
)

CONFIG = TocExtension(anchorlink=True, anchorlink_class="heading-link").getConfigs()


class HeadingLinkTreeprocessor(TocTreeprocessor):
    def __init__(self, md):
        super().__init__(md, CONFIG)

    def run(self, doc):
        """`TocTreeprocessor.run` without the table: a heading keeps an id it has, else gets the
        slug of its text, unique in the document (`_1`, `_2`... on repeats)."""
        used_ids, headings = set(), []
        for element in doc.iter():
            if "id" in element.attrib:
                used_ids.add(element.attrib["id"])
            if isinstance(element.tag, str) and self.header_rgx.match(element.tag):
                headings.append(element)
        counters = {}
        for heading in headings:
            self.set_level(heading)
            if "id" not in heading.attrib:
                slug = self.slugify(name(heading, self.md), self.sep)
                heading.attrib["id"] = unique(slug, used_ids, counters)
            heading.attrib.pop("data-toc-label", None)  # a label for the table only
            self.add_anchor(heading, heading.attrib["id"])


def name(heading, md):
    """toc's name for a heading: its inner HTML, postprocessed, without tags, unescaped."""
    return html.unescape(strip_tags(render_inner_html(remove_fnrefs(heading), md)))
