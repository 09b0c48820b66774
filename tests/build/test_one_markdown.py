"""One Markdown instance reads every file: each is read as if it were the only one."""

import shutil

import pytest

from tests.build.test_authoring_errors import GOOD_HEADER
from scripts.site import ROOT, build_site


def build_articles(tmp_path, bodies):
    """Build articles `a.md`, `b.md`... with these bodies; the output folder."""
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    shutil.copytree(ROOT / "content" / "images", content / "images")
    for number, body in enumerate(bodies):
        name = "abcdefgh"[number]
        header = GOOD_HEADER.replace("Title: Test article", f"Title: Article {name}\nSlug: {name}")
        (content / "articles" / f"{name}.md").write_text(header + body)
    return build_site(tmp_path / "out", PATH=str(content))


def test_definitions_and_citations_stay_in_their_file(tmp_path):
    # Each file uses what the other defines: whichever is read second must not see it.
    out = build_articles(tmp_path, [
        "Go [there][b-link]. The ABC [@asra-2018].\n\n[a-link]: https://example.org/a\n\n"
        "*[ABC]: A defined abbreviation\n",
        "Go [there][a-link]. The ABC.\n\n[b-link]: https://example.org/b\n",
    ])
    a, b = ((out / name / "index.html").read_text() for name in "ab")
    assert "example.org/b" not in a and "example.org/a" not in b
    assert "<abbr" in a and "<abbr" not in b
    assert 'id="ref-asra-2018"' in a and 'id="ref-asra-2018"' not in b
    assert "<title>Article a" in a and "<title>Article b" in b


def test_a_broken_file_leaves_the_next_one_alone(tmp_path):
    with pytest.raises(SystemExit) as error:
        build_articles(tmp_path, ["Up to [value: nope] mg.\n", "[calculator: dose]\n",
                                  "Up to [value: nope] mg.\n"])
    message = str(error.value)
    assert message.startswith("2 authoring error(s):"), message
    assert "a.md:9: unknown value 'nope'" in message and "c.md:9: unknown value 'nope'" in message
