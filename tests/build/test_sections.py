"""An article's sections: each h2 with an id, in page order, with its text as a reader sees it
(tags left out, entities decoded, white space collapsed); comments and h2s without an id are
not sections."""

import pytest

from plugins.sections import sections


@pytest.mark.parametrize(("markup", "expected"), [
    ('<h2 id="dosing"><a class="heading-link" href="#dosing">Dosing <sup class="citation">'
     '[<a href="#ref-a">1</a>]</sup></a></h2>', [("dosing", "Dosing [1]")]),
    ('<h2 id="a&amp;b">Tom &amp; <em>Jerry</em>\n   &copy; &#169; &lt;b&gt;</h2>',
     [("a&b", "Tom & Jerry © © <b>")]),
    ("<h2 class='x' id='single'>One</h2><h2 id=bare>Two</h2><H2 ID=\"UP\">Three</H2>",
     [("single", "One"), ("bare", "Two"), ("UP", "Three")]),
    ('<h2\nid="split">Across\nlines<!-- a note --></h2>', [("split", "Across lines")]),
    ('<h2>No id</h2><h2 id="">Empty id</h2><h2 data-id="x">Data id</h2><h3 id="h3">Deeper</h3>'
     '<h2x id="no">Other tag</h2x>', []),
    ('<!-- <h2 id="hidden">Commented out</h2> --><p>Text</p><h2 id="shown">Shown</h2>',
     [("shown", "Shown")]),
    # A quoted value may hold ">" or "id=": neither ends the tag or names the heading.
    ('<h2 title="a>b" id="x">Raw <span title="c>d">HTML</span></h2>', [("x", "Raw HTML")]),
    ('<h2 data-note="see id=foo">No id of its own</h2>', []),
    ('<h2 id="first" class="c" ID="second">Two ids</h2>', [("first", "Two ids")]),  # as a browser
    ("", []),
])
def test_sections(markup, expected):
    assert sections(markup) == expected


def test_no_content():
    assert sections(None) == []
