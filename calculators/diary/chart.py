"""The diary drawn as an SVG: the PEG score by day with the infusion days marked, then hours
slept, then mood and sleep quality, one day a column along a shared axis of dates.

Drawn with attributes only (no inline style, so a strict Content-Security-Policy allows it), as
`calculators.timeline` is; the theme may restyle the classes. Lines differ by dash and mark as
well as colour, so a black-and-white printout tells them apart. A value not recorded leaves a gap
(a line is never drawn across it). The picture repeats the view's table of days, so it is hidden
from screen readers, with a title and a description for everyone else.
"""

import datetime

from calculators.diary.entries import HOURS_IN_A_DAY, SCALE
from calculators.formats import month_short
from calculators.messages import N_, say
from calculators.render import escape

WIDTH, LEFT, RIGHT = 340, 24, 6  # the drawing, room for the scale's figures, and the last mark
MARKS = 8  # room for the infusion days' marks, at the top
TITLE = 15  # room for a panel's title above it
# The panels, top to bottom, and their heights
HEIGHTS = {"peg": 84, "sleep_hours": 40, "moods": 60}
AXIS = 26  # room for the dates
SLEEP_TOP = 12  # hours: the sleep panel's top, raised to the most hours recorded
INK, GRID, FAINT_INK = "#1d2a33", "#d5dee2", "#4a5a66"
INFUSION_FILL = "#f3dfc1"
PEG_COLOUR, SLEEP_COLOUR, MOOD_COLOUR, QUALITY_COLOUR = "#0b5563", "#5b3f8c", "#a86400", "#1d2a33"
LABEL_ROOM = 40  # the width a date's label needs
STEPS = (1, 2, 7, 14, 28, 56, 91, 182, 364)  # days between labelled dates, the fewest that fit
TITLES = {"peg": N_("diary.chart.peg"), "sleep_hours": N_("diary.chart.sleep"),
          "moods": N_("diary.chart.moods")}
# The lines of the last panel: a measure, its colour, its dashes and its marks
LINES = (("mood", MOOD_COLOUR, "", "circle"), ("sleep_quality", QUALITY_COLOUR, "4 2", "square"))


def svg(days: list[dict], title: str, description: str, lang: str) -> str:
    """The chart of `days` (the summary's "days", in date order; "" for none). `title` and
    `description` are the picture's words for those who cannot see it."""
    if not days:
        return ""
    first = datetime.date.fromisoformat(days[0]["date"])
    count = (datetime.date.fromisoformat(days[-1]["date"]) - first).days + 1
    column = (WIDTH - LEFT - RIGHT) / count
    tops, top = {}, MARKS
    for panel, height in HEIGHTS.items():
        tops[panel] = top + TITLE
        top += TITLE + height
    most_slept = max(day["sleep_hours"] or 0 for day in days)
    scales = {"peg": SCALE[1], "sleep_hours": min(max(SLEEP_TOP, most_slept), HOURS_IN_A_DAY),
              "moods": SCALE[1]}

    def x(iso: str) -> float:
        return LEFT + ((datetime.date.fromisoformat(iso) - first).days + 0.5) * column

    def y(panel: str, value: float) -> float:
        return tops[panel] + HEIGHTS[panel] * (1 - value / scales[panel])

    def points(measure: str, panel: str) -> list[tuple[float, float | None]]:
        return [(x(day["date"]), None if day[measure] is None else y(panel, day[measure]))
                for day in days]

    parts = [f"<title>{escape(title)}</title><desc>{escape(description)}</desc>"]
    parts += [_infusion(x(day["date"]), column, top) for day in days if day["infusion"]]
    parts += [_panel(tops[panel], HEIGHTS[panel], scales[panel], say(code, lang))
              for panel, code in TITLES.items()]
    parts.append(_line(points("peg", "peg"), days, PEG_COLOUR, "diary-chart-peg", "", "circle",
                       column))
    floor = tops["sleep_hours"] + HEIGHTS["sleep_hours"]
    parts += [_bar(x(day["date"]), y("sleep_hours", day["sleep_hours"]), floor, column)
              for day in days if day["sleep_hours"]]
    for measure, colour, dash, mark in LINES:
        parts.append(_line(points(measure, "moods"), days, colour,
                           f"diary-chart-{measure.replace('_', '-')}", dash, mark, column))
    parts.append(_dates(first, count, x, top, lang))
    return (f'<svg class="diary-chart" viewBox="0 0 {WIDTH} {top + AXIS}" width="100%" '
            f'preserveAspectRatio="xMinYMin meet" font-size="11" fill="{INK}" '
            'aria-hidden="true" focusable="false">'
            f'{"".join(parts)}</svg>')


def _bar(middle: float, top: float, floor: float, column: float) -> str:
    """Hours slept: a bar up from the panel's floor."""
    width = max(min(column * 0.6, 8), 1)
    return (f'<rect class="diary-chart-sleep" x="{middle - width / 2:.1f}" y="{top:.1f}" '
            f'width="{width:.1f}" height="{floor - top:.1f}" fill="{SLEEP_COLOUR}"></rect>')


def _infusion(middle: float, column: float, bottom: int) -> str:
    """An infusion day: a shaded column through every panel, and a mark at the top."""
    width = max(column, 2)
    return (f'<rect class="diary-chart-infusion" x="{middle - width / 2:.1f}" y="{MARKS}" '
            f'width="{width:.1f}" height="{bottom - MARKS}" fill="{INFUSION_FILL}"></rect>'
            f'<path class="diary-chart-infusion-mark" d="M{middle - 3:.1f} 1 h6 l-3 6 z" '
            f'fill="{INK}"></path>')


def _panel(top: int, height: int, scale: float, title: str) -> str:
    """A panel's title, its bottom and top lines, and their figures."""
    lines = "".join(
        f'<line class="diary-chart-grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}" '
        f'stroke="{GRID}"></line><text class="diary-chart-scale" x="{LEFT - 3}" y="{y + 3}" '
        f'text-anchor="end">{figure}</text>'
        for y, figure in ((top, _whole(scale)), (top + height, "0")))
    return (f'<text class="diary-chart-title" x="{LEFT}" y="{top - 3}">{escape(title)}</text>'
            + lines)


def _whole(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _line(points: list[tuple[float, float | None]], days: list[dict], colour: str,
          css: str, dash: str, mark: str, column: float) -> str:
    """Marks at the values, joined where the days are next to each other (a day not recorded,
    or recorded without the value, leaves a gap)."""
    size = max(min(column / 3, 2.5), 1)
    segments, current, previous = [], [], None
    for (x, y), day in zip(points, days, strict=True):
        today = datetime.date.fromisoformat(day["date"])
        if y is None or previous is None or (today - previous).days != 1:
            if len(current) > 1:
                segments.append(current)
            current = []
        if y is not None:
            current.append((x, y))
        previous = today if y is not None else None
    if len(current) > 1:
        segments.append(current)
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    drawn = [f'<polyline class="{css}" points="'
             + " ".join(f"{x:.1f},{y:.1f}" for x, y in segment)
             + f'" fill="none" stroke="{colour}" stroke-width="1.5"{dashed}></polyline>'
             for segment in segments]
    for x, y in (point for point in points if point[1] is not None):
        if mark == "circle":
            drawn.append(f'<circle class="{css}" cx="{x:.1f}" cy="{y:.1f}" r="{size:.1f}" '
                         f'fill="{colour}"></circle>')
        else:
            drawn.append(f'<rect class="{css}" x="{x - size:.1f}" y="{y - size:.1f}" '
                         f'width="{2 * size:.1f}" height="{2 * size:.1f}" fill="{colour}"></rect>')
    return "".join(drawn)


def _dates(first: datetime.date, count: int, x, bottom: int, lang: str) -> str:
    """The axis: a tick and a date at the first day, then every few days as room allows."""
    column = (WIDTH - LEFT - RIGHT) / count
    step = next((step for step in STEPS if step * column >= LABEL_ROOM),
                max(1, int(LABEL_ROOM / column) + 1))
    parts = [f'<line class="diary-chart-axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{bottom}" '
             f'y2="{bottom}" stroke="{FAINT_INK}"></line>']
    for offset in range(0, count, step):
        day = first + datetime.timedelta(days=offset)
        at = x(day.isoformat())
        shown = say("diary.chart.date", lang, day=day.day, month=month_short(day.month, lang))
        year = (f'<tspan x="{at:.1f}" dy="11">{day.year}</tspan>'
                if offset == 0 or (day - datetime.timedelta(days=step)).year != day.year else "")
        # (a label near either end runs inwards, so it stays inside the picture)
        anchor = ("start" if at < LEFT + LABEL_ROOM / 2 else
                  "end" if at > WIDTH - RIGHT - LABEL_ROOM / 2 else "middle")
        parts.append(
            f'<line class="diary-chart-tick" x1="{at:.1f}" x2="{at:.1f}" y1="{bottom}" '
            f'y2="{bottom + 4}" stroke="{FAINT_INK}"></line>'
            f'<text class="diary-chart-date" x="{at:.1f}" y="{bottom + 13}" '
            f'text-anchor="{anchor}">{escape(shown)}{year}</text>')
    return "".join(parts)
