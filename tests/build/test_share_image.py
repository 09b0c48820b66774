"""Every article gets a share image, drawn once and cached."""

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
