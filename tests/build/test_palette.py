"""The site's colours, written once (theme/palette.toml, under the settings' BRAND): the
stylesheets state every one in both schemes, pages link what is served, the share images are
drawn in the brand's, and every colour the theme draws text or a control in is checked."""

import hashlib
import re
import tomllib

import pytest
from pelican.settings import get_settings_from_file
from PIL import Image, ImageColor

from plugins.palette import colours, contrast
from scripts.html_index import start_tags
from scripts.site import ROOT

THEME = ROOT / "theme"
PAIRS = {name: pair for table in tomllib.loads((THEME / "palette.toml").read_text()).values()
         for name, pair in table.items()}
BRAND = get_settings_from_file(str(ROOT / "pelicanconf.py"))["BRAND"]
GIVEN = {**PAIRS, **BRAND["colours"]}  # the settings' colours over the theme's


def properties(css, opening):
    """The custom properties of the first block that opens with `opening`."""
    block = css.split(opening, 1)[1].split("}", 1)[0]
    return dict(re.findall(r"--([\w-]+):\s*([^;]+);", block))


def expected(scheme, given=GIVEN):
    return {name: pair[colours.SCHEMES.index(scheme)] for name, pair in given.items()}


def stated(site):
    """The colours site.css states for each scheme, and embed.css for each look an embed's
    address may force (whatever the reader's system prefers)."""
    site_css = (site / "theme" / "css" / "site.css").read_text("utf-8")
    embed_css = (site / "theme" / "css" / "embed.css").read_text("utf-8")
    light = properties(site_css, ":root {")
    assert light.pop("measure") == "42rem"
    dark_block = site_css.split("@media screen and (prefers-color-scheme: dark)", 1)[1]
    return {"light": light, "dark": properties(dark_block, ":root {"),
            "forced light": properties(embed_css, ':root[data-theme="light"] {'),
            "forced dark": properties(embed_css, ':root[data-theme="dark"] {')}


def check_stated(site, given):
    """Every colour given is stated as given, in both schemes and both forced looks; the two
    that follow the brand are stated too."""
    for look, values in stated(site).items():
        scheme = look.split()[-1]
        following = {name: values.pop(name) for name in colours.FOLLOWING if name not in given}
        assert values == expected(scheme, given), look
        assert set(following) | set(given) >= set(colours.FOLLOWING)


def test_the_stylesheets_state_every_colour_in_both_schemes(site):
    check_stated(site, GIVEN)


def test_no_theme_file_states_a_colour_of_its_own():
    for path in (THEME / "templates").rglob("*.css"):
        assert not re.search(r"--[\w-]+:\s*#", path.read_text("utf-8")), path


def test_every_colour_the_theme_draws_text_or_a_control_in_is_checked():
    # A colour set as text, a background, an outline or a drawing's fill is in a pair the build
    # checks (borders beside others and the stripes are decoration, 1.4.11 asks nothing of them).
    drawn = {"color": set(), "background": set(), "outline": set(), "fill": set()}
    for path in (THEME / "templates").rglob("*.css"):
        for prop, name in re.findall(r"(?<![-\w])(color|background|outline|fill):[^;}]*?var\(--([\w-]+)\)",
                                     path.read_text("utf-8")):
            drawn[prop].add(name)
    fronts = {pair[0] for pair in contrast.PAIRS}
    backs = {pair[1] for pair in contrast.PAIRS}
    assert drawn["color"] and drawn["color"] <= fronts
    assert drawn["outline"] <= fronts and drawn["fill"] <= fronts | backs
    assert drawn["background"] and drawn["background"] <= backs
    assert {name for pair in contrast.PAIRS for name in pair[:2]} <= set(GIVEN) | set(colours.FOLLOWING)


@pytest.mark.parametrize("page", ["index.html", "calculators/dose/index.html", "embed/dose/index.html"])
def test_pages_link_the_stylesheets_with_the_hash_of_what_is_served(site, page):
    links = [attrs["href"] for attrs in start_tags((site / page).read_text("utf-8"), "link")
             if attrs.get("rel") == "stylesheet"]
    assert links and all(href.startswith("/theme/css/") for href in links)
    for href in links:
        path, version = href.removeprefix("/").split("?v=")
        assert version == hashlib.sha256((site / path).read_bytes()).hexdigest()[:10], href


def share_colours(site, slug):
    """The share image's background (its corner) and every colour drawn on it."""
    with Image.open(site / slug / "share.png") as picture:
        drawn = {colour for _, colour in picture.convert("RGB").getcolors(maxcolors=1 << 16)}
        return picture.convert("RGB").getpixel((0, 0)), drawn


def test_the_share_images_are_drawn_in_the_brands_colours(site):
    corner, drawn = share_colours(site, "how-dosing-works")
    assert corner == ImageColor.getrgb(GIVEN["brand"][0])
    on_brand = stated(site)["light"]["on-brand"]
    assert ImageColor.getrgb(on_brand) in drawn  # the title


def test_a_colour_that_is_not_a_pair_is_named(tmp_path):
    (tmp_path / "palette.toml").write_text('[text]\nink = ["#1d2a33", "#e6edf0"]\nmuted = "#4a5a66"\n')
    with pytest.raises(ValueError, match=r"palette\.toml: muted is '#4a5a66'"):
        colours.read(tmp_path)


def test_the_wcag_ratio_is_wcags():
    # WCAG's own endpoints and a pair it publishes: #767676 on white is 4.54:1.
    assert contrast.ratio("#000", "#fff") == pytest.approx(21)
    assert contrast.ratio("#fff", "#fff") == 1
    assert contrast.ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.005)


@pytest.mark.parametrize("brand, on_brand, hover_darker", [
    ("#0b5563", "#fff", True),  # a dark brand: white text, darker under the pointer
    ("#86cfdb", "#121719", False),  # a light one: dark text, lighter under the pointer
])
def test_a_buttons_text_and_hover_follow_the_brand(brand, on_brand, hover_darker):
    follows = colours.following(brand, ("#fff", "#121719"))
    assert follows["on-brand"] == on_brand
    darker = contrast.luminance(follows["brand-hover"]) < contrast.luminance(brand)
    assert darker == hover_darker
    assert contrast.ratio(on_brand, follows["brand-hover"]) > contrast.ratio(on_brand, brand)
