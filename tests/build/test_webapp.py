"""Installable (plugins/webapp): each language's site has its manifest, in its language, starting
at its own home page, in the clinic's colours, with square icons drawn from the clinic's logo at
the sizes installing browsers ask for; every full page links its language's manifest, no embed
does; the server sends it with its media type."""

import hashlib
import json
import math
import posixpath
import urllib.request
from urllib.parse import urljoin

import pytest
from PIL import Image, ImageChops, ImageColor

from deploy.hosting import SiteServer
from pelicanconf import BRAND, I18N_SUBSITES, SHORT_SITENAME, SITENAME
from scripts.html_index import start_tags
from tests.build.test_brand import LOGO_SIZE, rebranded_site

PAPER = "#fff"  # theme/palette.toml's light paper: the splash screen's and the maskable icons'
# Each language's manifest, the page that links it, and what it says.
LANGUAGES = {
    "en": ("manifest.webmanifest", "index.html", SITENAME, SHORT_SITENAME, "en"),
    "es": ("es/manifest.webmanifest", "es/index.html", I18N_SUBSITES["es"]["SITENAME"],
           I18N_SUBSITES["es"]["SHORT_SITENAME"], "es-US"),
}
FULL_PAGES = ["index.html", "how-dosing-works/index.html", "calculators/dose/index.html",
              "404.html"]


def manifest_of(site, lang):
    path = LANGUAGES[lang][0]
    return path, json.loads((site / path).read_text("utf-8"))


def icon_file(site, manifest_path, src):
    """The file an icon's `src` names (relative to its manifest), checked against its version."""
    path, version = src.split("?v=")
    target = site / posixpath.normpath(posixpath.join(posixpath.dirname(manifest_path), path))
    assert version == hashlib.sha256(target.read_bytes()).hexdigest()[:10], src
    return target


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_a_manifest_with_every_field(site, lang):
    path, manifest = manifest_of(site, lang)
    _, home, name, short_name, tag = LANGUAGES[lang]
    assert manifest["name"] == name and manifest["short_name"] == short_name
    assert manifest["lang"] == tag and manifest["dir"] == "ltr" and manifest["description"]
    # start URL and scope: this language's home page, wherever the site is served
    for url in (manifest["start_url"], manifest["scope"]):
        assert urljoin("/" + path, url) == urljoin("/" + home, ".")
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == BRAND["colours"]["brand"][0]
    assert manifest["background_color"] == PAPER


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_icons_exist_at_their_sizes_both_plain_and_maskable(site, lang):
    path, manifest = manifest_of(site, lang)
    found = set()
    for icon in manifest["icons"]:
        assert icon["type"] == "image/png"
        with Image.open(icon_file(site, path, icon["src"])) as picture:
            assert picture.format == "PNG"
            assert icon["sizes"] == "{}x{}".format(*picture.size) and picture.width == picture.height
            found.add((picture.width, icon["purpose"]))
    assert {(192, "any"), (512, "any"), (192, "maskable"), (512, "maskable")} <= found


def test_the_icons_are_the_clinics_logo(site):
    # The example logo (an SVG) is a teal rounded square: a plain icon is it, edge to edge; a
    # maskable one is it inside the safe zone, on the paper colour.
    path, manifest = manifest_of(site, "en")
    icons = {(icon["purpose"], icon["sizes"]): icon_file(site, path, icon["src"])
             for icon in manifest["icons"]}
    teal, paper = ImageColor.getrgb(BRAND["colours"]["brand"][0]), ImageColor.getrgb(PAPER)
    with Image.open(icons["any", "512x512"]) as plain:
        plain = plain.convert("RGBA")
        assert plain.getpixel((256, 40))[:3] == teal and plain.getpixel((0, 0))[3] < 255
    with Image.open(icons["maskable", "512x512"]) as maskable:
        maskable = maskable.convert("RGBA")
        assert maskable.getpixel((0, 0)) == (*paper, 255)
        assert maskable.getpixel((256, 256 - 512 * 0.4 * 0.7))[:3] == teal


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_full_page_links_its_languages_manifest_and_theme_colour(site, lang):
    manifest = "/" + LANGUAGES[lang][0]
    prefix = "" if lang == "en" else f"{lang}/"
    for page in FULL_PAGES:
        head = (site / prefix / page).read_text("utf-8")
        links = [attrs["href"] for attrs in start_tags(head, "link") if attrs.get("rel") == "manifest"]
        assert links == [manifest], page
        colours = {attrs["media"]: attrs["content"] for attrs in start_tags(head, "meta")
                   if attrs.get("name") == "theme-color"}
        assert colours == {f"(prefers-color-scheme: {scheme})": colour for scheme, colour
                           in zip(("light", "dark"), BRAND["colours"]["brand"])}, page


def test_no_embed_links_a_manifest(site):
    embeds = list(site.glob("embed/*/index.html")) + list(site.glob("es/embed/*/index.html"))
    assert embeds
    for page in embeds:
        tags = start_tags(page.read_text("utf-8"))
        assert not [attrs for tag, attrs in tags if attrs.get("rel") == "manifest"
                    or attrs.get("name") == "theme-color"], page


def test_the_server_sends_the_manifest_as_a_manifest(site):
    with SiteServer(site) as server:
        for path, *_ in LANGUAGES.values():
            with urllib.request.urlopen(f"{server.url}/{path}", timeout=10) as response:
                assert response.headers["Content-Type"] == "application/manifest+json"


def test_a_wide_png_logo_keeps_its_shape_in_the_icons(tmp_path):
    # A wordmark four times as wide as high: centred, edge to edge across a plain icon, inside
    # the safe circle of a maskable one; never squashed into the square.
    site = rebranded_site(tmp_path)
    path, manifest = manifest_of(site, "en")
    icons = {(icon["purpose"], icon["sizes"]): icon_file(site, path, icon["src"])
             for icon in manifest["icons"]}
    plum = ImageColor.getrgb("#6d2e46")  # the rebrand's logo colour
    with Image.open(icons["any", "512x512"]) as plain:
        plain = plain.convert("RGBA")
        drawn = plain.getbbox()  # what is not transparent
        assert drawn == (0, 192, 512, 320) and plain.getpixel((256, 256))[:3] == plum
        assert drawn[2] - drawn[0] == (drawn[3] - drawn[1]) * LOGO_SIZE[0] // LOGO_SIZE[1]
    with Image.open(icons["maskable", "512x512"]) as maskable:
        assert maskable.getpixel((0, 0))[:3] == ImageColor.getrgb(PAPER)
        left, top, right, bottom = ImageChops.difference(
            maskable.convert("RGB"), Image.new("RGB", maskable.size, PAPER)).getbbox()
    # as large as the safe circle (radius 0.4 of the icon) holds it: its corners on the circle
    corner = math.hypot(right - left, bottom - top) / 2
    assert 512 * 0.4 - 2 <= corner <= 512 * 0.4
    assert abs((right - left) - (bottom - top) * LOGO_SIZE[0] / LOGO_SIZE[1]) <= 4
