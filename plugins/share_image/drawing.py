"""Draw and cache the share images; each article gets `share_image`, the URL of its picture."""

import hashlib
import os
import shutil
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from plugins.palette import brand as site_brand
from plugins.palette.contrast import TEXT, mix, ratio
from project import CACHE as PROJECT_CACHE
from project import written

CACHE = PROJECT_CACHE / "share"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")  # Debian: fonts-dejavu-core
SIZE = (1200, 630)  # what OpenGraph and Twitter's large card expect
QUIETER = 0.2  # how far the rule and the clinic's name move from the title's colour to the brand


def quieter(ink: str, background: str) -> str:
    """The rule's and the clinic's name's colour: `ink` moved toward `background`, as far as
    QUIETER, as far as the name still reads (WCAG AA for text)."""
    share = QUIETER
    while share > 0 and ratio(mix(ink, background, share), background) < TEXT:
        share = round(share - 0.01, 2)
    return mix(ink, background, share)


def _draw(title: str, clinic: str, brand: tuple[str, str], target: Path) -> None:
    """The picture: the title in `brand`'s second colour on its first, then the clinic's name."""
    if not FONT.is_file():
        raise RuntimeError(f"share images need the font {FONT}: apt-get install fonts-dejavu-core")
    background, ink = brand
    tint = quieter(ink, background)
    picture = Image.new("RGB", SIZE, background)
    pen = ImageDraw.Draw(picture)
    heading, small = ImageFont.truetype(str(FONT), 64), ImageFont.truetype(str(FONT), 34)
    lines = textwrap.wrap(title, width=28)[:4]
    pen.multiline_text((80, 90), "\n".join(lines), font=heading, fill=ink, spacing=18)
    pen.rectangle((80, 470, 200, 478), fill=tint)
    pen.text((80, 510), clinic, font=small, fill=tint)
    with written(target) as scratch:
        picture.save(scratch, "PNG", optimize=True)


def make_images(generator):
    """Draw (or reuse) each article's picture and give the article its URL; the articles'
    generator (this build's) keeps where each goes in the output, `share_images`."""
    clinic = generator.settings["CLINIC"]["name"]
    palette = site_brand.read(generator.settings).palette
    brand = (palette.colour("brand"), palette.colour("on-brand"))  # the light scheme's
    key = hashlib.sha256(Path(__file__).read_bytes() + FONT.name.encode() + repr(brand).encode())
    CACHE.mkdir(parents=True, exist_ok=True)
    generator.share_images = {}  # the cached picture -> where it goes in the output
    for article in generator.articles:
        digest = key.copy()
        digest.update(f"{article.title}\0{clinic}".encode())
        cached = CACHE / f"{digest.hexdigest()[:16]}.png"
        if not cached.is_file():
            _draw(article.title, clinic, brand, cached)
        save_as = f"{os.path.dirname(article.save_as)}/share.png".lstrip("/")
        generator.share_images[cached] = save_as
        article.share_image = f"{generator.settings['SITEURL']}/{save_as}"


def copy_images(generator, writer):
    """Once the articles are written: their pictures beside them."""
    for cached, save_as in generator.share_images.items():
        target = Path(generator.output_path) / save_as
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
