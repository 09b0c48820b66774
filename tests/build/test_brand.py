"""Rebranding is settings (BRAND): the clinic's colours reach the stylesheets, the embeds' forced
looks and the share images; a wide PNG logo keeps its shape, a PNG favicon is linked as one; a
colour below WCAG AA, or a mistake in the settings, stops the build at once, saying why and
what would pass, and `invoke check` says the same."""

import hashlib
import math
import re

import pytest
from PIL import Image, ImageColor

from plugins.palette import brand, contrast, pictures
from scripts import content_check
from scripts.html_index import start_tags
from scripts.site import ROOT, build_site
from tests.build.test_authoring_errors import GOOD_HEADER
from tests.build.test_palette import BRAND, PAIRS, check_stated, share_colours

GOOD = {"brand": ["#6d2e46", "#e8a5bd"], "accent": ["#1b5e20", "#a5d6a7"]}  # plum, green
LOGO_SIZE, FAVICON_SIZE = (480, 120), (64, 64)  # a wordmark four times as wide as high
TEAL = BRAND["colours"]["brand"]  # the example clinic's brand, which a rebrand replaces


def rebrand(folder, **colours):
    """BRAND with the colours given (GOOD's otherwise), a wide PNG logo and a PNG favicon."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for role, size, colour in (("logo", LOGO_SIZE, "#6d2e46"), ("favicon", FAVICON_SIZE, "#1b5e20")):
        files[role] = folder / f"{role}.png"
        Image.new("RGB", size, colour).save(files[role])
    return {"colours": {**GOOD, **colours}, **{role: str(path) for role, path in files.items()}}


def rebranded_site(folder):
    """The site rebranded (`rebrand`), built from one article (the calculators' pages and
    embeds come with it)."""
    content = folder / "content"
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    (content / "articles" / "rebranded.md").write_text(GOOD_HEADER + "Text.\n")
    return build_site(folder / "out", PATH=str(content), BRAND=rebrand(folder / "brand"))


def read_brand(setting):
    """What the build makes of BRAND `setting` (with the theme's own colours)."""
    return brand.read({"THEME": str(ROOT / "theme"), "BRAND": setting})


@pytest.fixture(scope="module")
def rebranded(tmp_path_factory):
    return rebranded_site(tmp_path_factory.mktemp("rebranded"))


def served(site, href):
    """The bytes behind a versioned theme URL, checked against its version."""
    path, version = href.removeprefix("/").split("?v=")
    data = (site / path).read_bytes()
    assert version == hashlib.sha256(data).hexdigest()[:10], href
    return data


def test_a_rebrand_shows_its_colours_in_the_stylesheets_embeds_and_share_images(rebranded):
    check_stated(rebranded, {**PAIRS, **GOOD})  # both schemes, and the embeds' forced looks
    corner, _ = share_colours(rebranded, "test-article")
    assert corner == ImageColor.getrgb(GOOD["brand"][0])
    for css in (rebranded / "theme" / "css").glob("*.css"):
        assert not set(TEAL) & set(re.findall(r"#[0-9a-f]{3,6}\b", css.read_text("utf-8"))), css
    _, drawn = share_colours(rebranded, "test-article")
    assert ImageColor.getrgb(TEAL[0]) not in drawn


def test_a_wide_png_logo_keeps_its_shape(rebranded):
    for page in ("index.html", "test-article/index.html", "calculators/dose/index.html"):
        (logo,) = [attrs for attrs in start_tags((rebranded / page).read_text("utf-8"), "img")
                   if "/theme/brand/" in attrs["src"]]
        assert (int(logo["width"]), int(logo["height"])) == LOGO_SIZE, page  # the file's own
        assert served(rebranded, logo["src"]) == (rebranded.parent / "brand" / "logo.png").read_bytes()


def test_a_png_favicon_is_linked_as_a_png(rebranded):
    (icon,) = [attrs for attrs in start_tags((rebranded / "index.html").read_text("utf-8"), "link")
               if attrs.get("rel") == "icon"]
    assert icon["type"] == "image/png" and icon["sizes"] == "{}x{}".format(*FAVICON_SIZE)
    assert served(rebranded, icon["href"]) == (rebranded.parent / "brand" / "favicon.png").read_bytes()


def test_the_example_clinic_has_an_svg_favicon_and_logo(site):
    home = (site / "index.html").read_text("utf-8")
    (icon,) = [attrs for attrs in start_tags(home, "link") if attrs.get("rel") == "icon"]
    assert icon["type"] == "image/svg+xml" and icon["sizes"] == "any"
    (logo,) = [attrs for attrs in start_tags(home, "img") if "/theme/brand/" in attrs["src"]]
    assert (logo["width"], logo["height"]) == ("40", "40")  # its viewBox, 0 0 40 40
    assert served(site, logo["src"]) == (ROOT / BRAND["logo"]).read_bytes()


def shown_ratio(one, other):
    return f"{math.floor(contrast.ratio(one, other) * 100) / 100}:1"


def suggested(message, name, scheme):
    return re.search(rf"try {name} (#[0-9a-f]{{6}}) in the {scheme} scheme", message)[1]


@pytest.mark.parametrize("name, pair, scheme, paper", [
    ("accent", ["#5b9bd5", "#a5d6a7"], "light", "#fff"),  # a pale link on white
    ("brand", ["#6d2e46", "#4a2a36"], "dark", "#121719"),  # a dark heading on the dark paper
])
def test_a_low_contrast_rebrand_stops_the_build_before_it_reads_a_page(tmp_path, name, pair, scheme, paper):
    colour = pair[0 if scheme == "light" else 1]
    with pytest.raises(SystemExit) as stopped:
        build_site(tmp_path / "out", BRAND=rebrand(tmp_path / "brand", **{name: pair}))
    message = str(stopped.value)
    assert f"settings: BRAND colours: {name} {colour} on paper {paper} " in message
    assert f"{scheme} scheme) has a contrast of {shown_ratio(colour, paper)}, below WCAG AA's 4.5:1" in message
    assert not (tmp_path / "out").exists()  # stopped before reading, let alone writing, a page
    # The colour it suggests passes everywhere that colour is drawn: with it, nothing stops the build.
    fixed = list(pair)
    fixed[0 if scheme == "light" else 1] = suggested(message, name, scheme)
    assert contrast.ratio(fixed[0 if scheme == "light" else 1], paper) >= contrast.TEXT
    read_brand(rebrand(tmp_path / "brand", **{name: fixed}))


def test_a_theme_colour_the_clinic_gives_is_checked_too(tmp_path):
    # Pink button text on the plum brand, in place of the white that follows the brand.
    with pytest.raises(SystemExit) as stopped:
        read_brand(rebrand(tmp_path, **{"on-brand": ["#c47a95", "#121719"]}))
    message = str(stopped.value)
    assert (f"on-brand #c47a95 on brand #6d2e46 (buttons and the skip link, light scheme) has a "
            f"contrast of {shown_ratio('#c47a95', '#6d2e46')}") in message
    fixed = suggested(message, "on-brand", "light")
    assert contrast.luminance(fixed) > contrast.luminance("#c47a95")  # lighter, on a dark brand
    assert contrast.ratio(fixed, "#6d2e46") >= contrast.TEXT


@pytest.mark.parametrize("setting, expected", [
    (None, "settings: BRAND is missing"),
    ({"colours": {"accent": ["#1b5e20", "#a5d6a7"]}}, "settings: BRAND colours: give brand, each [light, dark]"),
    ({"colours": {**GOOD, "acent": ["#000", "#fff"]}}, "settings: BRAND colours: unknown colour 'acent'; known: brand, accent"),
    ({"colours": {**GOOD, "ink": "#000"}}, "settings: BRAND colours: ink is '#000', not [light, dark] colours"),
    ({"colours": {**GOOD, "ink": ["black", "#fff"]}}, "settings: BRAND colours: ink is ['black', '#fff'], not"),
    ({"logo": "content/images/no-such-logo.png"}, "settings: BRAND logo content/images/no-such-logo.png: no such file"),
    ({"favicon": "pelicanconf.py"}, "settings: BRAND favicon pelicanconf.py: neither an SVG (.svg) nor a PNG (.png) file"),
    ({"favicon": None}, "settings: BRAND favicon is missing: the path of an SVG or PNG file"),
])
def test_a_mistake_in_the_settings_is_named(tmp_path, setting, expected):
    given = None if setting is None else {**rebrand(tmp_path), **setting}
    with pytest.raises(SystemExit, match=re.escape(expected)):
        read_brand(given)


def test_upper_case_colours_are_read(tmp_path):
    given = rebrand(tmp_path, brand=[colour.upper() for colour in GOOD["brand"]])
    look = read_brand(given)
    assert look.palette.colour("brand", "light") == GOOD["brand"][0]


def test_the_guides_example_is_what_the_build_says(tmp_path):
    guide = (ROOT / "content" / "pages" / "authoring.md").read_text("utf-8")
    (example,) = re.findall(r"^settings: BRAND colours: .*$", guide, re.M)
    shown = re.match(r"settings: BRAND colours: (\w+) (#\w+) on paper", example)
    with pytest.raises(SystemExit) as stopped:
        read_brand(rebrand(tmp_path, **{shown[1]: [shown[2], GOOD[shown[1]][1]]}))
    assert example in str(stopped.value).splitlines()


def test_invoke_check_says_the_same(tmp_path):
    settings = tmp_path / "settings.py"
    low = rebrand(tmp_path / "brand", accent=["#5b9bd5", "#a5d6a7"])
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
                        f"PATH = {str(ROOT / 'content')!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
                        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nBRAND = {low!r}\n")
    with pytest.raises(SystemExit) as stopped:
        content_check.main(str(settings))
    assert f"settings: BRAND colours: accent #5b9bd5 on paper #fff (links and the menu button, light scheme) " \
           f"has a contrast of {shown_ratio('#5b9bd5', '#fff')}" in str(stopped.value)


@pytest.mark.parametrize("svg, size", [
    ('viewBox="0 0 40 40"', (40, 40)),
    ('width="180" height="60px" viewBox="0 0 3 1"', (180, 60)),  # its size, in px, wins
    ('width="100%" viewBox="0,0,160,40"', (160, 40)),  # a size in % says nothing: the box does
    ('viewBox="0 0 2.5 1"', (2500, 1000)),  # a fractional box keeps its shape
])
def test_an_svg_states_its_size(tmp_path, svg, size):
    path = tmp_path / "logo.svg"
    path.write_text(f'<svg xmlns="http://www.w3.org/2000/svg" {svg}><rect width="1" height="1"/></svg>')
    picture = pictures.read(path)
    assert (picture.width, picture.height) == size and picture.media_type == "image/svg+xml"


@pytest.mark.parametrize("text, expected", [
    ('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>', "no size stated"),
    ("<svg", "not an SVG file that can be read"),
    ('<html xmlns="http://www.w3.org/1999/xhtml"/>', "not an SVG drawing"),
])
def test_an_svg_without_a_size_is_refused(tmp_path, text, expected):
    (tmp_path / "logo.svg").write_text(text)
    with pytest.raises(ValueError, match=expected):
        pictures.read(tmp_path / "logo.svg")


def test_a_picture_named_png_must_be_one(tmp_path):
    Image.new("RGB", (8, 8)).save(tmp_path / "logo.png", "GIF")
    with pytest.raises(ValueError, match="a GIF picture named .png"):
        pictures.read(tmp_path / "logo.png")
