"""The clinic's logo and favicon: an SVG or a PNG file, its media type and its size as the file
states it (a PNG's pixels; an SVG's width and height, else its viewBox), so a page reserves the
right shape and never squashes it."""

import dataclasses
import re
from pathlib import Path
from xml.etree import ElementTree

from PIL import Image, UnidentifiedImageError

MEDIA_TYPES = {".svg": "image/svg+xml", ".png": "image/png"}
LENGTH = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*")  # a plain or px length; not %, em, mm
ROUNDED = 1000  # a fractional SVG size is given as this many units high, its shape kept


@dataclasses.dataclass(frozen=True)
class Picture:
    path: Path
    media_type: str
    width: int
    height: int

    @property
    def sizes(self) -> str:
        """A favicon's `sizes`: any for a drawing, its pixels for a PNG."""
        return "any" if self.media_type == MEDIA_TYPES[".svg"] else f"{self.width}x{self.height}"


def _svg_size(path: Path) -> tuple[float, float]:
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as problem:
        raise ValueError(f"not an SVG file that can be read ({problem})") from None
    if root.tag != "{http://www.w3.org/2000/svg}svg":
        raise ValueError("not an SVG drawing (its root is not <svg> in the SVG namespace)")
    lengths = [LENGTH.fullmatch(root.get(name, "")) for name in ("width", "height")]
    if all(lengths):
        width, height = (float(length[1]) for length in lengths)
    else:
        box = re.split(r"[\s,]+", root.get("viewBox", "").strip())
        try:
            width, height = (float(value) for value in box[2:4]) if len(box) == 4 else (0, 0)
        except ValueError:
            width = height = 0
    if not (width > 0 and height > 0):
        raise ValueError("no size stated: give the <svg> a viewBox (or a width and height in px)")
    return width, height


def read(path: Path) -> Picture:
    """The picture at `path`; ValueError saying why it cannot be one."""
    media_type = MEDIA_TYPES.get(path.suffix.lower())
    if media_type is None:
        raise ValueError("neither an SVG (.svg) nor a PNG (.png) file")
    if not path.is_file():
        raise ValueError(f"no such file (in {path.parent})")
    if path.suffix.lower() == ".png":
        try:
            with Image.open(path) as image:
                if image.format != "PNG":
                    raise ValueError(f"a {image.format} picture named .png")
                return Picture(path, media_type, *image.size)
        except UnidentifiedImageError:
            raise ValueError("named .png but not a picture") from None
    width, height = _svg_size(path)
    if width.is_integer() and height.is_integer():
        return Picture(path, media_type, int(width), int(height))
    return Picture(path, media_type, round(ROUNDED * width / height), ROUNDED)
