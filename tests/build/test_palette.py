"""The theme's colours, written once (theme/palette.toml): the stylesheets state every one in
both schemes, pages link what is served, and the share images are drawn in the brand's."""

import hashlib
import re
import tomllib

import pytest
from PIL import Image, ImageColor

from plugins.palette import colours
from scripts.html_index import start_tags
from scripts.site import ROOT

THEME = ROOT / "theme"
PAIRS = {name: pair for table in tomllib.loads((THEME / "palette.toml").read_text()).values()
         for name, pair in table.items()}


def properties(css, opening):
    """The custom properties of the first block that opens with `opening`."""
    block = css.split(opening, 1)[1].split("}", 1)[0]
    return dict(re.findall(r"--([\w-]+):\s*([^;]+);", block))


def expected(scheme):
    return {name: pair[colours.SCHEMES.index(scheme)] for name, pair in PAIRS.items()}


def test_the_stylesheets_state_every_colour_in_both_schemes(site):
    site_css = (site / "theme" / "css" / "site.css").read_text("utf-8")
    embed_css = (site / "theme" / "css" / "embed.css").read_text("utf-8")
    light = properties(site_css, ":root {")
    assert light.pop("measure") == "42rem" and light == expected("light")
    dark_block = site_css.split("@media screen and (prefers-color-scheme: dark)", 1)[1]
    assert properties(dark_block, ":root {") == expected("dark")
    # an embed's address may choose either scheme, whatever the reader's system prefers
    assert properties(embed_css, ':root[data-theme="light"] {') == expected("light")
    assert properties(embed_css, ':root[data-theme="dark"] {') == expected("dark")


def test_no_theme_file_states_a_colour_of_its_own():
    for path in (THEME / "templates").rglob("*.css"):
        assert not re.search(r"--[\w-]+:\s*#", path.read_text("utf-8")), path


@pytest.mark.parametrize("page", ["index.html", "calculators/dose/index.html", "embed/dose/index.html"])
def test_pages_link_the_stylesheets_with_the_hash_of_what_is_served(site, page):
    links = [attrs["href"] for attrs in start_tags((site / page).read_text("utf-8"), "link")
             if attrs.get("rel") == "stylesheet"]
    assert links and all(href.startswith("/theme/css/") for href in links)
    for href in links:
        path, version = href.removeprefix("/").split("?v=")
        assert version == hashlib.sha256((site / path).read_bytes()).hexdigest()[:10], href


def test_the_share_images_are_drawn_in_the_brands_colours(site):
    with Image.open(site / "how-dosing-works" / "share.png") as picture:
        drawn = {colour for _, colour in picture.convert("RGB").getcolors(maxcolors=1 << 16)}
        corner = picture.convert("RGB").getpixel((0, 0))
    assert corner == ImageColor.getrgb(PAIRS["brand"][0])
    assert ImageColor.getrgb(PAIRS["on-brand"][0]) in drawn  # the title


def test_a_colour_that_is_not_a_pair_is_named(tmp_path):
    (tmp_path / "palette.toml").write_text('[text]\nink = ["#1d2a33", "#e6edf0"]\nmuted = "#4a5a66"\n')
    with pytest.raises(ValueError, match=r"palette\.toml: muted is '#4a5a66'"):
        colours.read(tmp_path)
