"""The theme's palette: each colour's name and its pair of values, light and dark."""

import dataclasses
import re
import tomllib
from pathlib import Path

FILE = "palette.toml"  # in the theme's folder
SCHEMES = ("light", "dark")  # the order of each pair
HEX = re.compile(r"#(?:[0-9a-f]{3}|[0-9a-f]{6})")


@dataclasses.dataclass(frozen=True)
class Palette:
    """The colours in lines, as the stylesheets show them: {name: (light, dark)} a line."""

    lines: tuple[dict[str, tuple[str, str]], ...]

    def colour(self, name: str, scheme: str = "light") -> str:
        (pair,) = [line[name] for line in self.lines if name in line]
        return pair[SCHEMES.index(scheme)]

    def css(self, scheme: str) -> str:
        """The scheme's CSS custom properties (`--name: value;`), a line of them a line."""
        at = SCHEMES.index(scheme)
        return "\n".join(" ".join(f"--{name}: {pair[at]};" for name, pair in line.items())
                         for line in self.lines)


def read(theme: Path) -> Palette:
    """The palette of the theme in folder `theme`; ValueError naming what is not a pair of
    colours (#rgb or #rrggbb, in lower case)."""
    path = Path(theme) / FILE
    tables = tomllib.loads(path.read_text("utf-8"))
    for table in tables.values():
        for name, pair in table.items():
            if not (isinstance(pair, list) and len(pair) == len(SCHEMES)
                    and all(isinstance(value, str) and HEX.fullmatch(value) for value in pair)):
                raise ValueError(f"{path}: {name} is {pair!r}, not [light, dark] colours")
    return Palette(tuple({name: tuple(pair) for name, pair in table.items()}
                         for table in tables.values()))
