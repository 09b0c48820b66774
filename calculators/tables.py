"""Article tables rendered from the data file, so no article states the numbers itself; their
words are the data file's and the catalogue's, in the article's language."""

from collections.abc import Callable

from calculators import data
from calculators.formats import plain
from calculators.messages import DEFAULT, N_, say
from calculators.render import escape

NAMES = ("protocols", "schedule", "considerations", "interactions", "side-effects")

Cite = Callable[[list[str]], str]


# Each table's column heads, by code
PROTOCOL_HEADS = (N_("table.protocols.protocol"), N_("table.protocols.condition"),
                  N_("table.protocols.route"), N_("table.protocols.dose"),
                  N_("table.protocols.range"), N_("table.protocols.length"),
                  N_("table.protocols.maximum-rate"), N_("table.protocols.course"),
                  N_("table.protocols.reference"))
SCHEDULE_HEADS = (N_("table.schedule.stage"), N_("table.schedule.frequency"),
                  N_("table.schedule.purpose"))
# The considerations' two tables (the data file's [groups] tables): heads and caption, by code
CONSIDERATION_WORDS = {
    "considerations": ((N_("table.considerations.condition"), N_("table.considerations.means"),
                        N_("table.considerations.source")), N_("table.considerations.caption")),
    "interactions": ((N_("table.interactions.medicine"), N_("table.interactions.means"),
                      N_("table.interactions.source")), N_("table.interactions.caption")),
}


def render(name: str, cite: Cite, lang: str = DEFAULT) -> str:
    """An HTML table in `lang`; `cite(ids)` gives the (trusted) HTML for a citation cell."""
    if name == "side-effects":
        return _side_effects(cite, lang)
    if name in CONSIDERATION_WORDS:
        return _considerations(name, cite, lang)
    return {"protocols": _protocols, "schedule": _schedule}[name](cite, lang)


def _table(caption_html: str, head_codes: tuple[str, ...], rows: list[tuple[str, ...]],
           lang: str) -> str:
    """Rows hold HTML: the first cell becomes the row header; every other cell is labelled with
    its column's header (`data-label`, shown where a narrow screen makes each row a card)."""
    head = tuple(say(code, lang) for code in head_codes)
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


# A dose unit of the data file that holds words, by the code that says it in a language (the
# others are symbols, written alike in every language)
UNIT_WORDS = {"mg a day": N_("table.unit.mg-a-day")}


def dose_range(protocol: data.Protocol, lang: str = DEFAULT) -> str:
    """The protocol's own published dose range, in words."""
    low, high, unit = protocol.dose_min, protocol.dose_max, protocol.dose_unit
    unit = say(UNIT_WORDS[unit], lang) if unit in UNIT_WORDS else unit
    if low is not None and high is not None and low != high:
        return say("table.range.between", lang, low=plain(low, lang), high=plain(high, lang),
                   unit=unit)
    if protocol.shape == "first-infusion":
        return say("table.range.at-least", lang, dose=plain(protocol.dose, lang), unit=unit)
    if high is not None and low is None:
        return say("table.range.up-to", lang, high=plain(high, lang), unit=unit)
    if low is not None:
        return say("table.range.single", lang)
    if not protocol.regimen:
        return say("table.range.not-a-regimen", lang)
    return say("table.range.not-given", lang)


def _protocols(cite: Cite, lang: str) -> str:
    rows = []
    for protocol in data.protocols(lang).values():
        caps = "; ".join(cap.text for cap in protocol.caps) or say("table.caps.none", lang)
        rows.append((
            escape(protocol.title),
            escape(say("table.protocols.condition-study", lang, condition=protocol.condition,
                       study=protocol.study)),
            escape(protocol.route),
            escape(protocol.dose_text),
            escape(dose_range(protocol, lang)),
            escape(protocol.length_text),
            escape(caps),
            escape(protocol.course),
            cite([protocol.reference]),
        ))
    caption = say("table.protocols.caption", lang,
                  s_ketamine=data.load(lang)["scope"]["s_ketamine"])
    return _table(escape(caption), PROTOCOL_HEADS, rows, lang)


def _schedule(cite: Cite, lang: str) -> str:
    plan = data.schedule(lang)
    rows = [
        (escape(phase.stage), escape(phase.frequency), escape(phase.purpose))
        for phase in plan.phases
    ]
    caption = say("table.schedule.caption", lang, evidence=plan.evidence, no_trial=plan.no_trial)
    return _table(f"{escape(caption)} {cite([plan.reference])}", SCHEDULE_HEADS, rows, lang)


SIDE_EFFECT_HEADS = (N_("table.side-effects.effect"), N_("table.side-effects.often"),
                     N_("table.side-effects.know"))


def _side_effects(cite: Cite, lang: str) -> str:
    """The side effects with how often studies found them: the same list a diary offers."""
    def cell(parts: tuple[tuple[str, str], ...]) -> str:
        return "; ".join(escape(words) + (f" {cite([ref_id])}" if ref_id else "")
                         for words, ref_id in parts)

    rows = [(escape(effect.condition), cell(effect.often), cell(effect.know))
            for effect in data.side_effects(lang).values()]
    return _table(escape(say("table.side-effects.caption", lang)), SIDE_EFFECT_HEADS, rows, lang)


def _considerations(table: str, cite: Cite, lang: str) -> str:
    """The rows of every consideration that belongs in `table`, in the data file's order: the
    same rows the question list's questions cite, so the two can never disagree."""
    heads, caption = CONSIDERATION_WORDS[table]
    rows = [
        (escape(row.condition), escape(row.means),
         "; ".join(f"{escape(words)} {cite([ref_id])}" for words, ref_id in row.sources))
        for consideration in data.considerations(lang).values() if consideration.table == table
        for row in consideration.rows
    ]
    return _table(escape(say(caption, lang)), heads, rows, lang)
