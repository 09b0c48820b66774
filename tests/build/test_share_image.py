"""Every article gets a share image, drawn once and cached."""

import pytest
from PIL import Image

from tests.build.test_site import ARTICLES


def test_every_article_has_a_share_image_of_the_size_cards_expect(site):
    for slug in ARTICLES:
        with Image.open(site / slug / "share.png") as picture:
            assert picture.format == "PNG" and picture.size == (1200, 630), slug


def test_the_images_are_cached_between_builds(tmp_path, site):
    from plugins.share_image.drawing import CACHE

    before = {path: path.stat().st_mtime_ns for path in CACHE.glob("*.png")}
    assert len(before) >= len(ARTICLES)
    from scripts.site import build_site

    build_site(tmp_path / "again")
    assert {path: path.stat().st_mtime_ns for path in CACHE.glob("*.png")} == before


def test_a_build_that_failed_hands_no_image_to_the_next(tmp_path):
    # The pictures a build drew are that build's to copy: one that stopped after drawing them
    # (a broken article beside a good one) leaves none for the next build in the process.
    from scripts.site import build_site
    from tests.build.test_authoring_errors import GOOD_HEADER

    articles = tmp_path / "content" / "articles"
    articles.mkdir(parents=True)
    (articles / "good.md").write_text(GOOD_HEADER + "Text.\n")
    (articles / "broken.md").write_text(GOOD_HEADER.replace("Test", "Broken") + "[calculator: dsoe]\n")
    with pytest.raises(SystemExit, match="unknown calculator 'dsoe'"):
        build_site(tmp_path / "failed", PATH=str(tmp_path / "content"))
    (tmp_path / "empty").mkdir()
    assert not list(build_site(tmp_path / "next", PATH=str(tmp_path / "empty")).rglob("share.png"))
