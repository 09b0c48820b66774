"""The dose calculator's words: its notes, and its figures as rows, a formula and a table, on the
page and in a terminal, said in the reader's language from the catalogue (`messages`).

Whole sentences live in the catalogue, with named placeholders; here only the choice of which to
say, and the numbers (`formats`) that fill them.
"""

import functools

from calculators import data, formats, render
from calculators.data import Protocol
from calculators.messages import N_, say, say_n
from calculators.render import escape
from calculators.tools._dose_figures import ByWeight, Figures
from calculators.weights import Weights, devine_start_cm

# A weight as a per-kg figure's basis, inside a sentence ("figures by ideal weight").
BASIS_WORDS = {"actual": N_("dose.basis-words.actual"), "ideal": N_("dose.basis-words.ideal"),
               "adjusted": N_("dose.basis-words.adjusted")}
# The same, as the head of a row of the weights table.
BASIS_SHORT = {"actual": N_("dose.basis-short.actual"), "ideal": N_("dose.basis-short.ideal"),
               "adjusted": N_("dose.basis-short.adjusted")}

# A note of the result: (its code, its words). A note from the data file has a code naming
# where it comes from ("data:scope.heavy_without_height"), since the catalogue does not hold it.
Note = tuple[str, str]


def basis_words(basis: str, lang: str) -> str:
    """A basis ("ideal") as words inside a sentence ("ideal weight")."""
    return say(BASIS_WORDS[basis], lang)


def published_range(protocol: Protocol, lang: str) -> str:
    """The regimen's published range of amounts a day."""
    return say("dose.mg.range", lang, low=formats.plain(protocol.dose_min, lang),
               high=formats.plain(protocol.dose_max, lang))


def notes(protocol: Protocol, weights: Weights, figures: Figures, basis: str, daily_typed: bool,
          lang: str) -> list[Note]:
    """What a reader must know beside the figures, in order: about the weights, about the
    figures of the regimen's shape, an amount a day typed for a regimen without one, and the
    regimen's own notes (`basis`: the one asked for)."""
    said = _weight_notes(weights, lang)
    if protocol.shape == "rate-per-kg":
        said += _per_kg_notes(protocol, weights, figures, basis, lang)
    elif basis != "actual":
        said.append(_said(N_("dose.note.fixed-amount"), lang, regimen=protocol.name))
    if daily_typed and protocol.shape != "daily-amount":
        said.append(_said(N_("dose.note.daily-not-used"), lang, regimen=protocol.name))
    return said + [(f"data:protocols.{protocol.id}.notes.{index}", note)
                   for index, note in enumerate(protocol.notes)]


def _said(code: str, lang: str, **values: object) -> Note:
    """A note from the catalogue: its code and its words in `lang`."""
    return code, say(code, lang, **values)


def _weight_notes(weights: Weights, lang: str) -> list[Note]:
    """Where height and sex are missing or do not apply."""
    given = (weights.height_cm is not None, bool(weights.sex))
    scope = data.load(lang)["scope"]
    if any(given) and not all(given):
        return [_said(N_("dose.note.height-and-sex"), lang)]
    if not any(given):
        heavy = weights.actual > scope["heavy_kg"]
        return [("data:scope.heavy_without_height", scope["heavy_without_height"])] if heavy else []
    if weights.ideal is None:
        return [_said(N_("dose.note.no-ideal-below"), lang,
                      cm=formats.plain(devine_start_cm(), lang))]
    return []


def _per_kg_notes(protocol: Protocol, weights: Weights, figures: Figures, basis: str,
                  lang: str) -> list[Note]:
    """A weight asked for above the actual one, a rate the cap gave, and why the figures by
    ideal and adjusted weight stand beside the actual one."""
    said = []
    if figures.basis_used != basis:
        said.append(_said(N_("dose.note.above-actual"), lang, basis=basis_words(basis, lang),
                          weight=weights.shown(weights.by(basis), lang),
                          actual=weights.shown(weights.actual, lang)))
    if figures.capped:
        said.append(_said(N_("dose.note.capped"), lang, per_kg=formats.plain(protocol.dose_max, lang),
                          weight=weights.shown(figures.dosing_weight_kg, lang),
                          cap=protocol.cap.text))
    excess = weights.above_ideal_percent()
    low, _ = data.load()["adjusted_weight"]["conventional_excess_percent"]
    if excess is not None and excess >= low:
        said.append(_said(N_("dose.note.far-above-ideal"), lang,
                          percent=formats.plain(round(excess), lang),
                          convention=data.load(lang)["adjusted_weight"]["convention"]))
    return said


def _significant(value: float, lang: str) -> str:
    """A number to three significant figures, written plainly."""
    return formats.plain(float(f"{value:.3g}"), lang)


def _per_kg_text(low: float, high: float, lang: str) -> str:
    """Milligrams per kg of actual weight, to three significant figures (to compare only)."""
    shown = [_significant(value, lang) for value in (low, high)]
    if shown[0] == shown[1]:
        return say("dose.mg-per-kg", lang, amount=shown[0])
    return say("dose.mg-per-kg.range", lang, low=shown[0], high=shown[1])


def _mg(low: float, high: float, lang: str) -> str:
    if low == high:
        return say("dose.mg", lang, amount=formats.amount(low, lang))
    return say("dose.mg.range", lang, low=formats.amount(low, lang),
               high=formats.amount(high, lang))


def _mg_per_h(rate: float, capped: bool, capped_code: str, lang: str) -> str:
    """A rate in mg/h; `capped_code` says it when the regimen's cap gave it."""
    code = capped_code if capped else N_("dose.mg-per-h")
    return say(code, lang, rate=formats.amount(rate, lang))


def _hours(minutes: float, lang: str) -> str:
    """A length in words: 2 h, 4 h, 2 h 30 min (whole minutes)."""
    hours, rest = divmod(round(minutes), 60)
    if not hours:
        return say("dose.length.minutes", lang, minutes=rest)
    if not rest:
        return say("dose.length.hours", lang, hours=hours)
    return say("dose.length.hours-minutes", lang, hours=hours, minutes=rest)


def rows(protocol: Protocol, weights: Weights, figures: Figures,
         lang: str) -> list[tuple[str, str]]:
    """The figures of the result, as (term, detail): the same for the page and the terminal."""
    session = _mg(figures.session_mg_low, figures.session_mg_high, lang)
    return [
        (say("dose.row.regimen", lang),
         say("dose.row.regimen.detail", lang, title=protocol.title, condition=protocol.condition,
             study=protocol.study)),
        (say("dose.row.as-published", lang),
         say("dose.row.as-published.detail", lang, dose=protocol.dose_text,
             course=protocol.course)),
        *_SHAPE_ROWS[protocol.shape](protocol, weights, figures, session, lang),
        (say("dose.row.course", lang),
         say_n("dose.row.course.detail", "dose.row.course.detail.plural",
               protocol.sessions_count, lang, course=protocol.course)),
    ]


def _rate_rows(protocol: Protocol, weights: Weights, figures: Figures, session: str,
               lang: str) -> list[tuple[str, str]]:
    """A per-kg regimen: the weight used, the rate at it, one session."""
    return [
        (say("dose.row.weight-used", lang),
         say("dose.row.weight-used.detail", lang,
             weight=weights.shown(figures.dosing_weight_kg, lang),
             basis=basis_words(figures.basis_used, lang))),
        (say("dose.row.top-rate", lang),
         _mg_per_h(figures.rate_mg_per_h, figures.capped, N_("dose.row.top-rate.capped"), lang)),
        (say("dose.row.session", lang, length=_hours(figures.minutes, lang)), session),
    ]


def _daily_rows(protocol: Protocol, weights: Weights, figures: Figures, session: str,
                lang: str) -> list[tuple[str, str]]:
    """A daily amount: as published or chosen inside its range, and no rate."""
    amount = (say("dose.row.daily.chosen", lang, amount=session,
                  range=published_range(protocol, lang)) if figures.daily_mg is not None
              else say("dose.row.daily.published", lang, amount=session))
    return [(say("dose.row.daily", lang), amount),
            (say("dose.row.rate", lang), say("dose.row.rate.not-published", lang)),
            _beside(weights, figures, lang)]


def _first_infusion_rows(protocol: Protocol, weights: Weights, figures: Figures, session: str,
                         lang: str) -> list[tuple[str, str]]:
    """A first infusion: at least an amount over more than a length, and no rate."""
    return [(say("dose.row.first-infusion", lang),
             say("dose.row.first-infusion.detail", lang, amount=session,
                 length=_hours(figures.minutes_more_than, lang))),
            (say("dose.row.rate", lang), say("dose.row.rate.not-given", lang)),
            _beside(weights, figures, lang)]


def _beside(weights: Weights, figures: Figures, lang: str) -> tuple[str, str]:
    """A fixed amount set beside the actual weight, per kg, to compare only."""
    compared = (N_("dose.row.beside.least") if figures.amount_is_least
                else N_("dose.row.beside.detail"))
    return (say("dose.row.beside", lang),
            say(compared, lang, weight=weights.shown(weights.actual, lang),
                per_kg=_per_kg_text(figures.mg_per_kg_actual_low, figures.mg_per_kg_actual_high,
                                    lang)))


_SHAPE_ROWS = {"rate-per-kg": _rate_rows, "daily-amount": _daily_rows,
               "first-infusion": _first_infusion_rows}


def summary(protocol: Protocol, weights: Weights, figures: Figures, lang: str) -> str:
    """The result in one sentence (what the page's live region says): the regimen, the weight
    it used or was set beside, the rate or amount, and one session's amount; an illustration."""
    session = _mg(figures.session_mg_low, figures.session_mg_high, lang)
    if protocol.shape == "rate-per-kg":
        return say("dose.result-summary.rate", lang, regimen=protocol.name,
                   basis=basis_words(figures.basis_used, lang),
                   weight=weights.shown(figures.dosing_weight_kg, lang),
                   rate=_mg_per_h(figures.rate_mg_per_h, figures.capped,
                                  N_("dose.row.top-rate.capped"), lang),
                   session=session, length=_hours(figures.minutes, lang))
    weight = weights.shown(weights.actual, lang)
    if protocol.shape == "first-infusion":
        return say("dose.result-summary.first-infusion", lang, regimen=protocol.name,
                   amount=session, length=_hours(figures.minutes_more_than, lang), weight=weight)
    if figures.daily_mg is not None:
        return say("dose.result-summary.daily-chosen", lang, regimen=protocol.name,
                   amount=session, range=published_range(protocol, lang), weight=weight)
    return say("dose.result-summary.daily", lang, regimen=protocol.name, amount=session,
               weight=weight)


def formula(protocol: Protocol, weights: Weights, figures: Figures, lang: str) -> str:
    """The arithmetic behind the figures, in one sentence."""
    amount, weight, plain = (functools.partial(write, lang=lang)
                             for write in (formats.amount, formats.weight, formats.plain))
    if protocol.shape == "rate-per-kg":
        code = N_("dose.formula.rate-capped") if figures.capped else N_("dose.formula.rate")
        return say(code, lang, per_kg=plain(figures.mg_per_kg_per_h),
                   weight=weight(figures.dosing_weight_kg), rate=amount(figures.rate_mg_per_h),
                   minutes=plain(figures.minutes), session=amount(figures.session_mg_low))
    kg, low, high = weights.actual, figures.session_mg_low, figures.session_mg_high
    if low != high:  # a daily amount's published range
        return say("dose.formula.per-kg-range", lang, weight=weight(kg), low=amount(low),
                   high=amount(high), low_per_kg=_significant(low / kg, lang),
                   high_per_kg=_significant(high / kg, lang))
    # One amount: chosen inside a range, or the least a first infusion recommends.
    code = (N_("dose.formula.per-kg-least") if figures.amount_is_least
            else N_("dose.formula.per-kg"))
    return say(code, lang, weight=weight(kg), amount=amount(low), per_kg=_significant(low / kg, lang))


def _weights_table(weights: Weights, figures: Figures, lang: str) -> str:
    """Per-kg figures by each weight the person has, side by side (never above actual)."""
    if len(figures.by_weight) < 2:
        return ""
    head = "".join(f'<th scope="col">{escape(say(code, lang))}</th>' for code in
                   (N_("dose.table.by"), N_("dose.table.weight"), N_("dose.table.rate"),
                    N_("dose.table.session")))
    body = "".join(_table_row(row, weights, lang) for row in figures.by_weight)
    return (f'<table class="calculator-weights"><caption>{escape(say("dose.table.caption", lang))}'
            f"</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def _table_row(row: ByWeight, weights: Weights, lang: str) -> str:
    """One weight's row of the table: its basis, the weight, the rate and one session."""
    cells = (weights.shown(row.weight_kg, lang),
             _mg_per_h(row.rate_mg_per_h, row.capped, N_("dose.table.rate-capped"), lang),
             _mg(row.session_mg, row.session_mg, lang))
    return (f'<tr><th scope="row">{escape(say(BASIS_SHORT[row.basis], lang))}</th>'
            + "".join(f"<td>{escape(cell)}</td>" for cell in cells) + "</tr>")


def html(protocol: Protocol, weights: Weights, figures: Figures, note_words: list[str],
         ref_ids: list[str], lang: str) -> str:
    """The result on the page: the rows, the weights table, the arithmetic, the notes and the
    references."""
    listing = "".join(f"<div><dt>{escape(term)}</dt><dd>{escape(detail)}</dd></div>"
                      for term, detail in rows(protocol, weights, figures, lang))
    arithmetic = say("dose.arithmetic", lang, formula=formula(protocol, weights, figures, lang))
    return (
        '<div class="calculator-result">'
        f'<dl class="calculator-values">{listing}</dl>'
        f"{_weights_table(weights, figures, lang)}"
        f'<p class="calculator-formula">{escape(arithmetic)}</p>'
        f"{render.note_list(note_words)}"
        f"{render.reference_list(ref_ids, lang)}"
        "</div>"
    )


def lines(protocol: Protocol, weights: Weights, figures: Figures, lang: str) -> list[str]:
    """The figures as lines for a terminal: the rows, each weight's figures, the arithmetic."""
    said = [say("dose.text.row", lang, term=term, detail=detail)
            for term, detail in rows(protocol, weights, figures, lang)]
    if len(figures.by_weight) > 1:
        said += [say("dose.text.by-weight", lang, basis=basis_words(row.basis, lang),
                     weight=weights.shown(row.weight_kg, lang),
                     rate=formats.amount(row.rate_mg_per_h, lang),
                     session=formats.amount(row.session_mg, lang))
                 for row in figures.by_weight]
    formula_words = formula(protocol, weights, figures, lang)
    return said + [say("dose.arithmetic", lang, formula=formula_words)]
