"""Article tables rendered from the data file, so no article states the numbers itself."""

from collections.abc import Callable

from calculators import data
from calculators.formats import plain
from calculators.render import escape

NAMES = ("protocols", "schedule")

Cite = Callable[[list[str]], str]


def render(name: str, cite: Cite) -> str:
    """An HTML table; `cite(ids)` gives the (trusted) HTML for a citation cell."""
    return {"protocols": _protocols, "schedule": _schedule}[name](cite)


def _table(caption_html: str, head: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """Rows hold HTML: the first cell becomes the row header; every other cell is labelled with
    its column's header (`data-label`, shown where a narrow screen makes each row a card)."""
    head_html = "".join(f'<th scope="col">{escape(label)}</th>' for label in head)
    body = "".join(
        f'<tr><th scope="row">{row[0]}</th>'
        + "".join(f'<td data-label="{escape(label)}">{cell}</td>'
                  for label, cell in zip(head[1:], row[1:]))
        + "</tr>"
        for row in rows
    )
    return (
        f'<table class="data-table"><caption>{caption_html}</caption>'
        f"<thead><tr>{head_html}</tr></thead><tbody>{body}</tbody></table>"
    )


def dose_range(protocol: dict) -> str:
    """The protocol's own published dose range, in words."""
    low, high, unit = protocol.dose_min, protocol.dose_max, protocol.dose_unit
    if low is not None and high is not None and low != high:
        return f"{plain(low)}–{plain(high)} {unit}"
    if protocol.shape == "first-infusion":
        return f"at least {plain(protocol.dose)} {unit}"
    if high is not None and low is None:
        return f"up to {plain(high)} {unit}"
    if low is not None:
        return "a single published figure"
    if not protocol.regimen:
        return "not one regimen: a summary or a definition, quoted as written"
    return "not given"


def _protocols(cite: Cite) -> str:
    rows = []
    for protocol in data.protocols().values():
        caps = "; ".join(cap.text for cap in protocol.caps) or "none given"
        rows.append((
            escape(protocol.title),
            escape(f"{protocol.condition} ({protocol.study})"),
            escape(protocol.route),
            escape(protocol.dose_text),
            escape(dose_range(protocol)),
            escape(protocol.length_text),
            escape(caps),
            escape(protocol.course),
            cite([protocol.reference]),
        ))
    return _table(
        escape(f"Published ketamine dosing protocols. {data.load()['scope']['s_ketamine']}"),
        ("Protocol", "Condition", "Route", "Dose", "Published range", "Length",
         "Maximum rate", "Course", "Reference"),
        rows,
    )


def _schedule(cite: Cite) -> str:
    plan = data.schedule()
    rows = [
        (escape(phase.stage), escape(phase.frequency), escape(phase.purpose))
        for phase in plan.phases
    ]
    caption = (
        f"{escape('Stages of a clinic’s infusion schedule. ' + plan.evidence + ' ' + plan.no_trial)} "
        f"{cite([plan.reference])}"
    )
    return _table(caption, ("Stage", "Typical frequency", "Purpose"), rows)
