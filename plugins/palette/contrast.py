"""WCAG 2.2 contrast of every pair of colours the theme draws text or a control in, in both
schemes; for a pair below AA, a colour of the same hue, lighter or darker, that passes."""

import colorsys

from PIL import ImageColor

TEXT, NON_TEXT = 4.5, 3.0  # AA: 1.4.3 text (none of ours is large); 1.4.11 controls, focus, drawings

# (foreground, background, AA minimum, where site.css and embed.css draw it)
PAIRS = (
    ("ink", "paper", TEXT, "text"),
    ("ink", "tint", TEXT, "text in the notice, the contents and the clinic's box"),
    ("ink", "head", TEXT, "table headers"),
    ("ink", "panel", TEXT, "a calculator's text"),
    ("ink", "field", TEXT, "what a reader types"),
    ("ink", "warn-bg", TEXT, "a calculator's framing and warnings"),
    ("muted", "paper", TEXT, "quiet text: bylines, the lead, the footer"),
    ("muted", "panel", TEXT, "a field's help"),
    ("brand", "paper", TEXT, "headings and the site's name"),
    ("brand", "tint", TEXT, "the clinic's heading"),
    ("brand", "panel", TEXT, "a result's headings and the plan's first marks"),
    ("accent", "paper", TEXT, "links and the menu button"),
    ("accent", "tint", TEXT, "links in the clinic's box and the contents"),
    ("accent", "panel", TEXT, "links in a calculator"),
    ("accent", "warn-bg", TEXT, "links in a warning"),
    ("on-brand", "brand", TEXT, "buttons and the skip link"),
    ("on-brand", "brand-hover", TEXT, "a button under the pointer"),
    ("focus", "paper", NON_TEXT, "the focus ring"),
    ("focus", "tint", NON_TEXT, "the focus ring in the clinic's box"),
    ("focus", "panel", NON_TEXT, "the focus ring in a calculator"),
    ("field-line", "panel", NON_TEXT, "a field's border"),
    ("error", "panel", TEXT, "a field's error"),
    ("error", "paper", TEXT, "the diary's delete buttons"),
    ("error", "field", NON_TEXT, "a wrong field's border"),
    ("warn-line", "panel", NON_TEXT, "the plan's adjustment marks"),
    ("phase-maintenance", "panel", NON_TEXT, "the plan's maintenance marks"),
)


def luminance(colour: str) -> float:
    """WCAG's relative luminance of `colour` (#rgb or #rrggbb)."""
    channels = [value / 255 for value in ImageColor.getrgb(colour)[:3]]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(one: str, other: str) -> float:
    """WCAG's contrast ratio of two colours, 1 to 21."""
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def hex_colour(rgb) -> str:
    return "#" + "".join(f"{round(value * 255):02x}" for value in rgb)


def mix(colour: str, other: str, share: float) -> str:
    """`colour` moved `share` (0 to 1) of the way toward `other`."""
    ours, theirs = ImageColor.getrgb(colour)[:3], ImageColor.getrgb(other)[:3]
    return hex_colour([(a + (b - a) * share) / 255 for a, b in zip(ours, theirs)])


def shades(colour: str):
    """The colours of `colour`'s hue and saturation, nearest in lightness first (steps of 0.5%),
    darker before lighter at the same distance."""
    hue, lightness, saturation = colorsys.rgb_to_hls(*(v / 255 for v in ImageColor.getrgb(colour)[:3]))
    for step in range(1, 201):
        for lighter in (-step / 200, step / 200):
            if 0 <= lightness + lighter <= 1:
                yield hex_colour(colorsys.hls_to_rgb(hue, lightness + lighter, saturation))
