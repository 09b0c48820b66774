"""The home-screen icons, drawn from the clinic's logo (an SVG or a PNG, `palette.pictures`):
square PNGs at the sizes installing browsers ask for, the logo's shape kept. A plain icon is the
logo on a transparent square; a maskable one (which the device may cut to a circle or a rounded
square) is the logo inside the safe zone on a solid background."""

import dataclasses
import io
import math

import resvg_py
from PIL import Image

from plugins.palette.pictures import MEDIA_TYPES, Picture

SIZES = (192, 512)  # what Chromium's installability and a splash screen ask for
SAFE_ZONE = 0.8  # a maskable icon's safe zone: the centred circle of this share of its width


@dataclasses.dataclass(frozen=True)
class Icon:
    size: int
    purpose: str  # "any" or "maskable"

    @property
    def name(self) -> str:
        return f"icon-{self.purpose}-{self.size}.png"


ICONS = tuple(Icon(size, purpose) for purpose in ("any", "maskable") for size in SIZES)


def _fitted(picture: Picture, box: float) -> tuple[int, int]:
    """The logo's size in pixels inside a `box` × `box` square, its shape kept."""
    scale = box / max(picture.width, picture.height)
    return max(1, round(picture.width * scale)), max(1, round(picture.height * scale))


def _logo(picture: Picture, size: tuple[int, int]) -> Image.Image:
    """The logo drawn at `size`: an SVG rendered at that size (sharp), a PNG resampled."""
    if picture.media_type == MEDIA_TYPES[".svg"]:
        drawn = resvg_py.svg_to_bytes(svg_path=str(picture.path), width=size[0], height=size[1],
                                      skip_system_fonts=True)
        return Image.open(io.BytesIO(bytes(drawn))).convert("RGBA")
    with Image.open(picture.path) as image:
        return image.convert("RGBA").resize(size, Image.Resampling.LANCZOS)


def draw(picture: Picture, icon: Icon, background: str) -> bytes:
    """The PNG of `icon` drawn from the logo `picture`; a maskable one on `background`."""
    if icon.purpose == "maskable":
        # a w × h logo fits the safe circle when its diagonal does
        diagonal = math.hypot(picture.width, picture.height) / max(picture.width, picture.height)
        box = icon.size * SAFE_ZONE / diagonal
        canvas = Image.new("RGBA", (icon.size, icon.size), background)
    else:
        box = icon.size
        canvas = Image.new("RGBA", (icon.size, icon.size), (0, 0, 0, 0))
    logo = _logo(picture, _fitted(picture, box))
    canvas.alpha_composite(logo, ((icon.size - logo.width) // 2, (icon.size - logo.height) // 2))
    out = io.BytesIO()
    canvas.save(out, "PNG", optimize=True)
    return out.getvalue()
