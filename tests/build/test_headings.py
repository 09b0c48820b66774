"""Every heading in an article links to itself, with the id Python-Markdown's `toc` extension
gave it (the site used that extension before; shared addresses must keep working)."""

import re

import markdown
from markdown.extensions.toc import TocExtension

from tests.build.test_authoring_errors import build_with

BODY = """Intro.

## Overview

## Overview

## Overview_1

## Dosing with `code`, *emphasis* & **more**

## Tom &amp; Jerry &copy;

## Kept id {#chosen-id}

## Labelled {data-toc-label="Another label"}

### Écoute naïve — “quoted”

## Footnoted[^1]

[^1]: A note.
"""
HEADING = re.compile(r"<(h[1-6])\b[^>]*>.*?</\1>", re.DOTALL)


def linked_headings(html):
    """Each heading element that holds a heading link, as HTML (the text's own headings)."""
    return [match[0] for match in HEADING.finditer(html) if 'class="heading-link"' in match[0]]


def test_headings_get_toc_ids_and_link_to_themselves(tmp_path):
    html = (build_with(tmp_path, BODY) / "test-article" / "index.html").read_text()
    headings = linked_headings(html)
    ids = [re.search(r'id="([^"]*)"', heading)[1] for heading in headings]
    assert ids == ["overview", "overview_1", "overview_2", "dosing-with-code-emphasis-more",
                   "tom-jerry", "chosen-id", "labelled", "ecoute-naive-quoted", "footnoted"]
    for id_, heading in zip(ids, headings):
        assert f'<a class="heading-link" href="#{id_}">' in heading, heading
    assert "data-toc-label" not in html
    toc = markdown.Markdown(
        extensions=["extra", TocExtension(anchorlink=True, anchorlink_class="heading-link")],
        output_format="html5",
    )
    assert headings == linked_headings(toc.convert(BODY))
