"""The site's palette: each colour's name and its pair of values, light and dark. The theme's own
colours (theme/palette.toml) under the clinic's (the settings' BRAND), and the two that follow
the brand colour unless the clinic gives them."""

import dataclasses
import re
import tomllib
from pathlib import Path

from .contrast import luminance, mix, ratio

FILE = "palette.toml"  # in the theme's folder
SCHEMES = ("light", "dark")  # the order of each pair
HEX = re.compile(r"#(?:[0-9a-f]{3}|[0-9a-f]{6})")
CLINIC = ("brand", "accent")  # the clinic's own: only the settings give them
FOLLOWING = ("brand-hover", "on-brand")  # follow brand unless the settings give them
HOVER = 0.25  # how far a button under the pointer moves from the brand, away from its text


@dataclasses.dataclass(frozen=True)
class Palette:
    """The colours in lines, as the stylesheets show them: {name: (light, dark)} a line."""

    lines: tuple[dict[str, tuple[str, str]], ...]

    def colour(self, name: str, scheme: str = "light") -> str:
        (pair,) = [line[name] for line in self.lines if name in line]
        return pair[SCHEMES.index(scheme)]

    def names(self) -> list[str]:
        return [name for line in self.lines for name in line]

    def scheme(self, scheme: str) -> dict[str, str]:
        """Every colour's value in `scheme`."""
        return {name: self.colour(name, scheme) for name in self.names()}

    def css(self, scheme: str) -> str:
        """The scheme's CSS custom properties (`--name: value;`), a line of them a line."""
        at = SCHEMES.index(scheme)
        return "\n".join(" ".join(f"--{name}: {pair[at]};" for name, pair in line.items())
                         for line in self.lines)


def is_pair(value) -> bool:
    """[light, dark], each #rgb or #rrggbb in lower case."""
    return (isinstance(value, (list, tuple)) and len(value) == len(SCHEMES)
            and all(isinstance(colour, str) and HEX.fullmatch(colour) for colour in value))


def read(theme: Path) -> Palette:
    """The theme's own colours, in the folder `theme`; ValueError naming what is not a pair of
    colours (#rgb or #rrggbb, in lower case)."""
    path = Path(theme) / FILE
    tables = tomllib.loads(path.read_text("utf-8"))
    for table in tables.values():
        for name, pair in table.items():
            if not is_pair(pair):
                raise ValueError(f"{path}: {name} is {pair!r}, not [light, dark] colours")
    return Palette(tuple({name: tuple(pair) for name, pair in table.items()}
                         for table in tables.values()))


def following(brand: str, papers: tuple[str, ...], on_brand: str | None = None) -> dict[str, str]:
    """One scheme's colours that follow `brand`: a button's text (unless given, whichever paper
    reads better on the brand), and the button under the pointer, the brand moved a little
    further from that text."""
    on_brand = on_brand or max(papers, key=lambda paper: ratio(paper, brand))
    away = "#000" if luminance(on_brand) > luminance(brand) else "#fff"
    return {"brand-hover": mix(brand, away, HOVER), "on-brand": on_brand}


def with_clinic(theme: Palette, given: dict[str, tuple[str, str]]) -> Palette:
    """The site's palette: a first line of the clinic's colours (brand, brand-hover, on-brand,
    accent), then the theme's, each colour `given` (the settings', all of CLINIC among them) in
    place of the theme's own."""
    lines = [{name: tuple(given.get(name, pair)) for name, pair in line.items()}
             for line in theme.lines]
    (papers,) = [line["paper"] for line in lines if "paper" in line]
    derived = [following(given["brand"][at], papers, given.get("on-brand", (None, None))[at])
               for at in range(len(SCHEMES))]
    clinic = {"brand": tuple(given["brand"]),
              **{name: tuple(given.get(name, [d[name] for d in derived])) for name in FOLLOWING},
              "accent": tuple(given["accent"])}
    return Palette((clinic, *lines))
