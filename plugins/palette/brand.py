"""The clinic's look, from the settings' BRAND: its colours over the theme's, its logo and its
favicon. Each mistake is a `settings: ...` line, and so is each pair of colours the theme would
draw below WCAG AA, with its ratio and a colour of the same hue that passes; any of them stops
the build before it reads a page."""

import dataclasses
import math
from pathlib import Path

from plugins.authoring.errors import raise_collected
from project import ROOT

from . import colours, contrast, pictures
from .colours import SCHEMES, Palette

SETTING = "BRAND"
PICTURES = ("logo", "favicon")
GUIDE = "see Rebranding in content/pages/authoring.md"


@dataclasses.dataclass(frozen=True)
class Brand:
    palette: Palette
    logo: pictures.Picture
    favicon: pictures.Picture


def read(settings: dict, root: Path = ROOT) -> Brand:
    """The build's brand (file names in BRAND are from the folder `root`, pelicanconf.py's); a
    BuildError listing every problem when there is one."""
    theme = colours.read(Path(settings["THEME"]))
    setting = settings.get(SETTING)
    if not isinstance(setting, dict):
        raise_collected([f"settings: {SETTING} is missing: the clinic's colours, logo and "
                         f"favicon ({GUIDE})"])
    given, problems = _colours(setting.get("colours"), theme)
    found = {}
    for name in PICTURES:
        try:
            found[name] = _picture(setting.get(name), root)
        except ValueError as problem:
            problems.append(f"settings: {SETTING} {name} {problem}")
    if set(colours.CLINIC) <= set(given):
        problems += contrast_problems(theme, given)
    raise_collected(problems)
    return Brand(colours.with_clinic(theme, given), **found)


def _picture(name, root: Path) -> pictures.Picture:
    if not isinstance(name, str) or not name:
        raise ValueError(f"is missing: the path of an SVG or PNG file, from {root} ({GUIDE})")
    try:
        return pictures.read(root / name)
    except ValueError as problem:
        raise ValueError(f"{name}: {problem}") from None


def _colours(setting, theme: Palette) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """The colours the settings give, each as [light, dark] in lower case, and what is wrong."""
    where = f"settings: {SETTING} colours"
    if not isinstance(setting, dict):
        return {}, [f"{where} are missing: brand and accent, each [light, dark] ({GUIDE})"]
    known = [*colours.CLINIC, *colours.FOLLOWING, *theme.names()]
    given, problems = {}, []
    for name, pair in setting.items():
        pair = [value.lower() if isinstance(value, str) else value
                for value in (pair if isinstance(pair, (list, tuple)) else [pair])]
        if name not in known:
            problems.append(f"{where}: unknown colour {name!r}; known: {', '.join(known)}")
        elif not colours.is_pair(pair):
            problems.append(f"{where}: {name} is {setting[name]!r}, not [light, dark] colours "
                            "(each #rgb or #rrggbb)")
        else:
            given[name] = tuple(pair)
    missing = [name for name in colours.CLINIC if name not in setting]
    if missing:
        problems.append(f"{where}: give {' and '.join(missing)}, each [light, dark] ({GUIDE})")
    return given, problems


def _source(name: str, given: dict) -> str:
    """The colour to change to change `name`: the brand, for one that follows it unless given."""
    return "brand" if name in colours.FOLLOWING and name not in given else name


def _passes(values: dict[str, str], pairs) -> bool:
    return all(contrast.ratio(values[fore], values[back]) >= least for fore, back, least, _ in pairs)


def suggestion(theme: Palette, given: dict, name: str, scheme: str) -> str | None:
    """The nearest colour of `name`'s hue, lighter or darker, with which every pair `name` (and
    what follows it) is in passes AA in `scheme`; None if no lightness does."""
    at = SCHEMES.index(scheme)
    affected = {name, *(colours.FOLLOWING if name == "brand" else ())}
    pairs = [pair for pair in contrast.PAIRS if affected & {pair[0], pair[1]}]
    value = [colours.with_clinic(theme, given).colour(name, other) for other in SCHEMES]
    for shade in contrast.shades(value[at]):
        value[at] = shade
        if _passes(colours.with_clinic(theme, {**given, name: tuple(value)}).scheme(scheme), pairs):
            return shade
    return None


def contrast_problems(theme: Palette, given: dict) -> list[str]:
    """A line for each pair of colours below AA, in either scheme, naming the pair, where it is
    drawn, its ratio, the threshold and a colour that passes."""
    palette = colours.with_clinic(theme, given)
    problems = []
    for scheme in SCHEMES:
        values = palette.scheme(scheme)
        for fore, back, least, where in contrast.PAIRS:
            found = contrast.ratio(values[fore], values[back])
            if found >= least:
                continue
            # the clinic's colour of the two (or the one a colour follows), else the foreground
            change = next((name for name in (_source(fore, given), _source(back, given))
                           if name in given), fore)
            origin = f"settings: {SETTING} colours" if change in given else f"theme/{colours.FILE}"
            shade = suggestion(theme, given, change, scheme)
            if shade is None:
                fix = f"no {change} of the same hue passes: choose another colour"
            else:
                darker = contrast.luminance(shade) < contrast.luminance(values[change])
                way = "darker" if darker else "lighter"
                fix = (f"try {change} {shade} in the {scheme} scheme (the same hue, {way}), which "
                       "passes everywhere it is drawn")
            problems.append(
                f"{origin}: {fore} {values[fore]} on {back} {values[back]} ({where}, {scheme} "
                f"scheme) has a contrast of {math.floor(found * 100) / 100}:1, below WCAG AA's "
                f"{least}:1; {fix}")
    return problems
