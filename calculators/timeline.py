"""A plan drawn as an SVG timeline: one lane a phase, a mark an infusion, a dashed line a review,
months along the axis.

Drawn with attributes only (no inline style, so a strict Content-Security-Policy allows it); the
theme may restyle the classes. The picture repeats the plan's table, so it is hidden from screen
readers, with a title and a description for everyone else.
"""

import datetime

from calculators.formats import month_short
from calculators.render import escape

WIDTH, LEFT, RIGHT = 340, 92, 8  # the drawing, and room for the lane names and the last mark
LANE, TOP, AXIS = 22, 22, 28  # a lane's height, room for the review label, the month axis
MARK_WIDTH, MARK_HEIGHT = 3, 12
FAINT = 0.45  # the opacity of an infusion that happens only if the review finds a benefit
LABEL_ROOM = 26  # the width a month's name needs
COLOURS = {"loading": "#0b5563", "adjustment": "#a86400", "maintenance": "#5b3f8c"}


def svg(start: datetime.date, end: datetime.date, lanes: dict[str, str],
        marks: list[tuple[datetime.date, str, bool]],
        reviews: list[tuple[datetime.date, datetime.date | None]], review_label: str,
        title: str, description: str, lang: str) -> str:
    """The timeline: `lanes` maps a lane to its name; `marks` are infusions as (date, lane,
    conditional), a conditional one drawn fainter; `reviews` are (the infusion a review follows,
    the next infusion or None), each a dashed line between them, the first one labelled. Every
    word is given in the reader's language (`lang`, also the months')."""
    days = max((end - start).days, 1)

    def x(day: datetime.date) -> float:
        return LEFT + (day - start).days / days * (WIDTH - LEFT - RIGHT)

    rows = {lane: TOP + index * LANE for index, lane in enumerate(lanes)}
    height = TOP + len(lanes) * LANE + AXIS
    parts = [f"<title>{escape(title)}</title><desc>{escape(description)}</desc>"]
    for lane, lane_name in lanes.items():
        y = rows[lane]
        parts.append(
            f'<text class="timeline-lane" x="0" y="{y + MARK_HEIGHT - 2}">{escape(lane_name)}</text>'
            f'<line class="timeline-track" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y + MARK_HEIGHT / 2}" '
            f'y2="{y + MARK_HEIGHT / 2}" stroke="#c9d6da"></line>'
        )
    for day, lane, conditional in marks:
        faint = f' fill-opacity="{FAINT}"' if conditional else ""
        parts.append(
            f'<rect class="timeline-mark timeline-{escape(lane)}'
            f'{" timeline-conditional" if conditional else ""}" x="{x(day) - MARK_WIDTH / 2:.1f}" '
            f'y="{rows[lane]}" width="{MARK_WIDTH}" height="{MARK_HEIGHT}" '
            f'fill="{COLOURS.get(lane, "#1d2a33")}"{faint}></rect>'
        )
    for index, (after, following) in enumerate(reviews):
        middle = (x(after) + x(following)) / 2 if following else x(after) + MARK_WIDTH
        parts.append(
            f'<line class="timeline-review" x1="{middle:.1f}" x2="{middle:.1f}" y1="{TOP - 4}" '
            f'y2="{height - AXIS}" stroke="#1d2a33" stroke-dasharray="2 2"></line>'
        )
        if index == 0:
            parts.append(f'<text class="timeline-label" x="{middle:.1f}" y="{TOP - 8}">'
                         f"{escape(review_label)}</text>")
    parts.append(_months(start, end, x, height, lang))
    return (f'<svg class="calculator-timeline" viewBox="0 0 {WIDTH} {height}" width="100%" '
            f'preserveAspectRatio="xMinYMin meet" font-size="11" fill="#1d2a33" '
            'aria-hidden="true" focusable="false">'
            f'{"".join(parts)}</svg>')


def _months(start: datetime.date, end: datetime.date, x, height: int, lang: str) -> str:
    """The axis: a tick and a name at the first of each month (with the year in January)."""
    firsts = []
    month = datetime.date(start.year, start.month, 1)
    while month <= end:
        if month >= start:
            firsts.append(month)
        month = datetime.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    # Name every month while the names fit, else every second or third (each keeps its tick).
    spacing = (x(firsts[1]) - x(firsts[0])) if len(firsts) > 1 else WIDTH
    every = next(step for step in (1, 2, 3, 6) if spacing * step >= LABEL_ROOM or step == 6)
    ticks = []
    for index, month in enumerate(firsts):
        name = ""
        if index % every == 0:
            year = (f'<tspan x="{x(month):.1f}" dy="11">{month.year}</tspan>'
                    if index == 0 or month.month <= every else "")
            name = (f'<text class="timeline-label" x="{x(month):.1f}" y="{height - AXIS + 13}" '
                    f'text-anchor="middle">{escape(month_short(month.month, lang))}{year}</text>')
        ticks.append(
            f'<line class="timeline-tick" x1="{x(month):.1f}" x2="{x(month):.1f}" '
            f'y1="{height - AXIS}" y2="{height - AXIS + 4}" stroke="#4a5a66"></line>{name}'
        )
    axis = (f'<line class="timeline-axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{height - AXIS}" '
            f'y2="{height - AXIS}" stroke="#4a5a66"></line>')
    return axis + "".join(ticks)
