"""Dose calculator: what one published chronic-pain regimen gave a person of one weight.

It illustrates regimens as they were published, and nothing else: the reader picks a regimen
and gives a weight. There is no free dose, no free length and no bag strength, so no figure can
pass the regimen's own cap or session total. Every number comes from the data file; this module
only does the arithmetic, by the regimen's `shape`:
- "rate-per-kg" (Schwartzman 2009): mg/h = mg/kg/h x kg, never above the regimen's own cap; a
  session gives that rate for the published length;
- "daily-amount" (Goldberg 2005): the published amount a day, or a choice inside that range; no
  rate, since none was published;
- "first-infusion" (ASRA 2018): a fixed amount over more than a published length, set beside
  the weight (mg per kg, for comparison), never multiplied by it.
A per-kg figure is never worked out from a weight above the person's actual weight.
"""

import dataclasses
from collections.abc import Mapping

from calculators import data, formats, render, schema
from calculators.data import Protocol
from calculators.render import escape
from calculators.fields import Choice, Number
from calculators.messages import N_, say, say_n
from calculators.schema import Result

name = "dose"
title = N_("dose.title")
summary = N_("dose.summary")

ADULT = (("", N_("dose.adult.choose")), ("yes", N_("dose.adult.yes")), ("no", N_("dose.adult.no")))
UNITS = (("kg", N_("unit.kg")), ("lb", N_("unit.lb")))
SEXES = (("", N_("dose.sex.not-given")), ("female", N_("dose.sex.female")),
         ("male", N_("dose.sex.male")))
BASES = (
    ("actual", N_("dose.basis.actual")),
    ("ideal", N_("dose.basis.ideal")),
    ("adjusted", N_("dose.basis.adjusted")),
)
# A weight as a per-kg figure's basis, inside a sentence ("figures by ideal weight").
BASIS_WORDS = {"actual": N_("dose.basis-words.actual"), "ideal": N_("dose.basis-words.ideal"),
               "adjusted": N_("dose.basis-words.adjusted")}
# The same, as the head of a row of the weights table.
BASIS_SHORT = {"actual": N_("dose.basis-short.actual"), "ideal": N_("dose.basis-short.ideal"),
               "adjusted": N_("dose.basis-short.adjusted")}
# What every result of this calculator is not: shown under the result, on paper and in embeds.
limitations = (N_("dose.limitations.illustration"), N_("dose.limitations.pump"),
               N_("dose.limitations.clinician"))


def _devine_start(lang: str = "en") -> str:
    """The height the Devine formula starts at, in cm and inches."""
    height = data.load()["devine"]["from_height_cm"]
    inches = height / data.load()["units"]["cm_per_inch"]
    return say("dose.devine-start", lang, cm=formats.plain(height), inches=formats.plain(inches))


def _protocol_titles(lang: str) -> dict[str, str]:
    return {pid: p.title for pid, p in data.offered_protocols().items()}


def _ranged() -> list[Protocol]:
    """The regimens published as a range of amounts a day (the reader may choose inside)."""
    return [p for p in data.offered_protocols().values() if p.shape == "daily-amount"]


def _weight_words(lang: str) -> dict[str, str]:
    """The weight's bounds in pounds too, their reasons and the article to read."""
    limits, scope_words = data.limits(), data.load()["scope"]
    low, high = limits["weight_kg"]
    per_lb = data.load()["units"]["kg_per_lb"]
    between = say("dose.weight.between", lang, min=formats.plain(low), max=formats.plain(high),
                  min_lb=f"{low / per_lb:.0f}", max_lb=f"{high / per_lb:.0f}")
    see, _ = data.article(limits["weight_kg_low_see"])
    return {"between": between, "see": see,
            "low_reason": scope_words[limits["weight_kg_low_reason"]],
            "high_reason": limits["weight_kg_high_reason"]}


def _inputs() -> tuple:
    limits = data.limits()
    example = data.load()["worked_example"]
    low, high = limits["weight_kg"]
    return (
        Choice(name="adult", label=N_("dose.adult.label"), default="yes", choices=ADULT,
               required=True, preset=False, help=N_("dose.adult.help"),
               missing=N_("dose.adult.missing"), invalid=N_("dose.adult.invalid")),
        Choice(name="protocol", label=N_("dose.protocol.label"), default=example["protocol"],
               choices=tuple((pid, pid) for pid in data.offered_protocols()),
               option_words=_protocol_titles, required=True, help=N_("dose.protocol.help"),
               missing=N_("dose.protocol.missing"), metavar="ID",
               invalid=N_("dose.protocol.invalid")),
        Number(
            name="weight", label=N_("dose.weight.label"), min=low, max=high, step=0.1,
            default=formats.plain(example["weight_kg"]), required=True,
            help=N_("dose.weight.help"), invalid=N_("dose.weight.invalid"),
            too_low=N_("dose.weight.too-low"), too_high=N_("dose.weight.too-high"),
            words=_weight_words,
        ),
        Choice(name="unit", label=N_("dose.unit.label"), default="kg", choices=UNITS,
               help=N_("dose.unit.help"), invalid=N_("dose.unit.invalid"),
               words=lambda lang: {"kg_per_lb": data.load()["units"]["kg_per_lb"]}),
        Number(name="daily_mg", label=N_("dose.daily-mg.label"), unit=N_("unit.mg"), step=1,
               help=N_("dose.daily-mg.help"), invalid=N_("dose.daily-mg.invalid"),
               words=lambda lang: {"ranges": "; ".join(
                   f"{p.name}: {p.dose_text.split(';')[0]}" for p in _ranged())}),
        Number(
            name="height_cm", label=N_("dose.height.label"), unit=N_("unit.cm"),
            min=limits["height_cm"][0], max=limits["height_cm"][1], step=0.1,
            help=N_("dose.height.help"), invalid=N_("dose.height.invalid"),
            too_low=N_("dose.height.outside"), too_high=N_("dose.height.outside"),
            words=lambda lang: {"devine_start": _devine_start(lang),
                                "reason": data.limits()["height_cm_reason"]},
        ),
        Choice(name="sex", label=N_("dose.sex.label"), default="", choices=SEXES,
               help=N_("dose.sex.help"), invalid=N_("dose.sex.invalid")),
        Choice(name="basis", label=N_("dose.basis.label"), default="actual", choices=BASES,
               help=N_("dose.basis.help"), invalid=N_("dose.basis.invalid")),
    )


inputs = _inputs()
embeddable = True  # other sites may embed it (/embed/NAME/)
embed_height = 2300  # px: an embed's height before its loader sizes it (about its height 640 px wide)
actions = ()


def default_fields(today=None) -> dict[str, str]:
    """The worked example the form shows before the reader changes anything (`today` unused)."""
    return schema.worked_example(inputs)


@dataclasses.dataclass(frozen=True)
class Weights:
    """The person's weights in kg: actual, and ideal and adjusted when height and sex give them."""

    actual: float
    unit: str
    height_cm: float | None = None
    sex: str = ""
    ideal: float | None = None
    adjusted: float | None = None

    def by(self, basis: str) -> float | None:
        return {"actual": self.actual, "ideal": self.ideal, "adjusted": self.adjusted}[basis]

    def shown(self, kg: float, lang: str) -> str:
        """A weight in kg, with pounds when the reader gave pounds."""
        if self.unit == "lb":
            return say("weight.kg-lb", lang, kg=formats.weight(kg),
                       lb=formats.weight(kg / data.load()["units"]["kg_per_lb"]))
        return say("weight.kg", lang, kg=formats.weight(kg))


def compute(fields: Mapping[str, str], lang: str = "en") -> Result:
    """Work out the illustration from raw form text; bad input gives field errors, never raises."""
    read = schema.Reader(inputs, fields, lang)
    adult = read.get("adult")
    if adult == "no" and not read.has_error("adult"):
        article, _ = data.article("who-is-not-a-candidate", lang)
        read.fail("adult", "under-18", read.say("dose.adult.under-18", article=article,
                                                reason=data.load(lang)["scope"]["under_18"]))
    protocol = _protocol(read)
    unit = read.get("unit")
    actual = read.get("weight", scale=data.load()["units"]["kg_per_lb"] if unit == "lb" else 1)
    daily = _daily_amount(read, protocol)
    height, sex, basis = read.get("height_cm"), read.get("sex"), read.get("basis")
    if protocol is not None and protocol.shape == "rate-per-kg":
        _basis_needs(read, basis, height, sex)
    if read.errors:
        return render.failure(name, read)
    notes: list[Note] = []
    weights = _weights(actual, unit, height, sex, notes, lang)
    values = {
        "protocol": protocol.id,
        "protocol_title": protocol.title,
        "shape": protocol.shape,
        "adult": True,
        "weight_unit": unit,
        "actual_weight_kg": actual,
        "height_cm": height,
        "sex": sex or None,
        "ideal_weight_kg": weights.ideal,
        "adjusted_weight_kg": weights.adjusted,
        "basis": basis,
        "sessions_count": protocol.sessions_count,
        **_FIGURES[protocol.shape](protocol, weights, basis, daily, notes, lang),
    }
    if read.raw("daily_mg") and protocol.shape != "daily-amount":
        notes.append(_said(N_("dose.note.daily-not-used"), lang, regimen=protocol.name))
    notes += [(f"data:protocols.{protocol.id}.notes.{index}", note)
              for index, note in enumerate(protocol.notes)]
    values["notes"] = [words for _, words in notes]
    values["note_codes"] = [code for code, _ in notes]
    devine_ref = [data.load()["devine"]["reference"]] if weights.ideal is not None else []
    ref_ids = schema.citation_ids([], protocol.reference, *devine_ref)
    return Result(values, [], {}, _html(values, protocol, weights, ref_ids, lang), ref_ids)


# A note of the result: (its code, its words). A note from the data file has a code naming
# where it comes from ("data:scope.heavy_without_height"), since the catalogue does not hold it.
Note = tuple[str, str]


def _said(code: str, lang: str, **values: object) -> Note:
    """A note from the catalogue: its code and its words in `lang`."""
    return code, say(code, lang, **values)


def _basis_words(basis: str, lang: str) -> str:
    """A basis ("ideal") as words inside a sentence ("ideal weight")."""
    return say(BASIS_WORDS[basis], lang)


def _protocol(read: schema.Reader) -> Protocol | None:
    """The regimen chosen; an entry of the tables that is not offered says why, and where to
    read about it."""
    known = data.protocols(read.lang).get(read.raw("protocol"))
    if known and not known.offered:
        article, _ = data.article(known.read, read.lang)
        read.fail("protocol", "not-illustrated", read.say(
            "dose.protocol.not-illustrated", regimen=known.name, why=known.why_not_offered,
            article=article))
        return None
    pid = read.get("protocol")
    return None if read.has_error("protocol") else data.offered_protocols(read.lang)[pid]


def _daily_amount(read: schema.Reader, protocol: Protocol | None) -> float | None:
    """An amount a day inside the chosen regimen's own published range (blank: the range). Read
    only for a regimen published as a range of amounts a day; another says it is not used."""
    if protocol is None or protocol.shape != "daily-amount":
        return None
    amount = read.get("daily_mg")
    if amount is None:
        return None
    if protocol.dose_min <= amount <= protocol.dose_max:
        return amount
    read.fail("daily_mg", "outside-the-regimen", read.say(
        "dose.daily-mg.outside-the-regimen", amount=formats.plain(amount), regimen=protocol.name,
        range=_range(protocol, read.lang), source=data.references()[protocol.reference].short))
    return None


def _range(protocol: Protocol, lang: str) -> str:
    """The regimen's published range of amounts a day."""
    return say("dose.mg.range", lang, low=formats.plain(protocol.dose_min),
               high=formats.plain(protocol.dose_max))


def _basis_needs(read: schema.Reader, basis: str, height: float | None, sex: str) -> None:
    """Per-kg figures by ideal or adjusted weight need a height the formula covers, and a sex."""
    if basis == "actual":
        return
    words = _basis_words(basis, read.lang)
    if not read.has_error("height_cm"):
        if height is None:
            read.fail("height_cm", "needed-for-the-basis",
                      read.say("dose.height.needed-for-the-basis", basis=words))
        elif height < data.load()["devine"]["from_height_cm"]:
            read.fail("height_cm", "below-the-formula", read.say(
                "dose.height.below-the-formula", devine_start=_devine_start(read.lang)))
    if sex == "" and not read.has_error("sex"):
        read.fail("sex", "needed-for-the-basis",
                  read.say("dose.sex.needed-for-the-basis", basis=words))


def ideal_weight(height_cm: float, sex: str) -> float | None:
    """Devine ideal body weight in kg, or None below the height the formula starts at."""
    devine = data.load()["devine"]
    if height_cm < devine["from_height_cm"]:
        return None
    base = devine["male_base_kg"] if sex == "male" else devine["female_base_kg"]
    return base + devine["kg_per_cm"] * (height_cm - devine["from_height_cm"])


def adjusted_weight(actual_kg: float, ideal_kg: float) -> float:
    return ideal_kg + data.load()["adjusted_weight"]["factor"] * (actual_kg - ideal_kg)


def _weights(actual, unit, height, sex, notes: list[Note], lang: str) -> Weights:
    """The person's weights, with a note where height and sex are missing or do not apply."""
    scope, devine = data.load(lang)["scope"], data.load()["devine"]
    if height is None or not sex:
        if height is not None or sex:
            notes.append(_said(N_("dose.note.height-and-sex"), lang))
        elif actual > scope["heavy_kg"]:
            notes.append(("data:scope.heavy_without_height", scope["heavy_without_height"]))
        return Weights(actual, unit, height, sex)
    ideal = ideal_weight(height, sex)
    if ideal is None:
        notes.append(_said(N_("dose.note.no-ideal-below"), lang,
                           cm=formats.plain(devine["from_height_cm"])))
        return Weights(actual, unit, height, sex)
    return Weights(actual, unit, height, sex, ideal, adjusted_weight(actual, ideal))


def _per_kg_rate(protocol: Protocol, kg: float) -> tuple[float, bool]:
    """The regimen's rate for a weight, never above its own cap: (mg/h, whether capped)."""
    rate = protocol.dose_max * kg
    cap = protocol.cap.mg_per_h
    return (float(cap), True) if rate > cap else (rate, False)


def _rate_per_kg(protocol: Protocol, weights: Weights, basis: str, daily, notes, lang) -> dict:
    """Schwartzman-shaped: mg/kg/h x the dosing weight, capped, for the published length."""
    chosen = weights.by(basis)
    if chosen > weights.actual:
        notes.append(_said(N_("dose.note.above-actual"), lang, basis=_basis_words(basis, lang),
                           weight=weights.shown(chosen, lang),
                           actual=weights.shown(weights.actual, lang)))
        basis, chosen = "actual", weights.actual
    rate, capped = _per_kg_rate(protocol, chosen)
    session = rate * protocol.minutes / 60
    by_weight = []
    for each in ("actual", "ideal", "adjusted"):
        kg = weights.by(each)
        if kg is not None and kg <= weights.actual:
            each_rate, each_capped = _per_kg_rate(protocol, kg)
            by_weight.append({"basis": each, "weight_kg": kg, "rate_mg_per_h": each_rate,
                              "session_mg": each_rate * protocol.minutes / 60,
                              "capped": each_capped})
    if capped:
        notes.append(_said(N_("dose.note.capped"), lang, per_kg=formats.plain(protocol.dose_max),
                           weight=weights.shown(chosen, lang), cap=protocol.cap.text))
    _far_above_ideal(weights, notes, lang)
    return {
        "basis_used": basis,
        "dosing_weight_kg": chosen,
        "mg_per_kg_per_h": protocol.dose_max,
        "rate_mg_per_h": rate,
        "most_mg_per_h": rate,
        "capped": capped,
        "cap_mg_per_h": protocol.cap.mg_per_h,
        "minutes": protocol.minutes,
        "minutes_more_than": None,
        "session_mg_low": session,
        "session_mg_high": session,
        "mg_per_kg_actual_low": None,
        "mg_per_kg_actual_high": None,
        "amount_is_least": False,
        "daily_mg": None,
        "by_weight": by_weight,
    }


def _far_above_ideal(weights: Weights, notes: list[Note], lang: str) -> None:
    """Say why the figures by ideal and adjusted weight stand beside the actual one."""
    if weights.ideal is None:
        return
    low, _ = data.load()["adjusted_weight"]["conventional_excess_percent"]
    excess = (weights.actual / weights.ideal - 1) * 100
    if excess >= low:
        notes.append(_said(N_("dose.note.far-above-ideal"), lang,
                           percent=formats.plain(round(excess)),
                           convention=data.load(lang)["adjusted_weight"]["convention"]))


def _fixed(protocol: Protocol, weights: Weights, low: float, high: float) -> dict:
    """What a fixed-amount regimen shares: no dosing weight, and mg per kg only to compare."""
    return {
        "basis_used": None,
        "dosing_weight_kg": None,
        "mg_per_kg_per_h": None,
        "rate_mg_per_h": None,
        "capped": False,
        "cap_mg_per_h": None,
        "session_mg_low": low,
        "session_mg_high": high,
        "mg_per_kg_actual_low": low / weights.actual,
        "mg_per_kg_actual_high": high / weights.actual,
        "by_weight": [],
    }


def _daily(protocol: Protocol, weights: Weights, basis: str, daily, notes, lang) -> dict:
    """Goldberg-shaped: the published amount a day (or the one chosen inside it); no rate."""
    low, high = (daily, daily) if daily is not None else (protocol.dose_min, protocol.dose_max)
    _fixed_amount_note(protocol, basis, notes, lang)
    return {**_fixed(protocol, weights, low, high), "most_mg_per_h": None, "minutes": None,
            "minutes_more_than": None, "daily_mg": daily, "amount_is_least": False}


def _first_infusion(protocol: Protocol, weights: Weights, basis: str, daily, notes, lang) -> dict:
    """ASRA-shaped: at least an amount over more than a length; it gives no rate."""
    _fixed_amount_note(protocol, basis, notes, lang)
    return {**_fixed(protocol, weights, protocol.dose, protocol.dose), "most_mg_per_h": None,
            "minutes": None, "minutes_more_than": protocol.minutes_min, "amount_is_least": True,
            "daily_mg": None}


def _fixed_amount_note(protocol: Protocol, basis: str, notes: list[Note], lang: str) -> None:
    if basis != "actual":
        notes.append(_said(N_("dose.note.fixed-amount"), lang, regimen=protocol.name))


_FIGURES = {"rate-per-kg": _rate_per_kg, "daily-amount": _daily, "first-infusion": _first_infusion}


def _per_kg_text(low: float, high: float, lang: str) -> str:
    """Milligrams per kg of actual weight, to three significant figures (to compare only)."""
    shown = [_significant(value) for value in (low, high)]
    if shown[0] == shown[1]:
        return say("dose.mg-per-kg", lang, amount=shown[0])
    return say("dose.mg-per-kg.range", lang, low=shown[0], high=shown[1])


def _mg(low: float, high: float, lang: str) -> str:
    if low == high:
        return say("dose.mg", lang, amount=formats.amount(low))
    return say("dose.mg.range", lang, low=formats.amount(low), high=formats.amount(high))


def _mg_per_h(rate: float, capped: bool, capped_code: str, lang: str) -> str:
    """A rate in mg/h; `capped_code` says it when the regimen's cap gave it."""
    return say(capped_code if capped else "dose.mg-per-h", lang, rate=formats.amount(rate))


def _rows(values: dict, protocol: Protocol, weights: Weights, lang: str) -> list[tuple[str, str]]:
    """The figures of the result, as (term, detail): the same for the page and the terminal."""
    rows = [(say("dose.row.regimen", lang),
             say("dose.row.regimen.detail", lang, title=protocol.title,
                 condition=protocol.condition, study=protocol.study)),
            (say("dose.row.as-published", lang),
             say("dose.row.as-published.detail", lang, dose=protocol.dose_text,
                 course=protocol.course))]
    session = _mg(values["session_mg_low"], values["session_mg_high"], lang)
    shape = values["shape"]
    if shape == "rate-per-kg":
        rows += [
            (say("dose.row.weight-used", lang),
             say("dose.row.weight-used.detail", lang,
                 weight=weights.shown(values["dosing_weight_kg"], lang),
                 basis=_basis_words(values["basis_used"], lang))),
            (say("dose.row.top-rate", lang),
             _mg_per_h(values["rate_mg_per_h"], values["capped"], N_("dose.row.top-rate.capped"),
                       lang)),
            (say("dose.row.session", lang, length=_hours(values["minutes"], lang)), session),
        ]
    else:
        if shape == "daily-amount":
            chosen = values["daily_mg"] is not None
            rows += [(say("dose.row.daily", lang),
                      say("dose.row.daily.chosen", lang, amount=session,
                          range=_range(protocol, lang)) if chosen
                      else say("dose.row.daily.published", lang, amount=session)),
                     (say("dose.row.rate", lang), say("dose.row.rate.not-published", lang))]
        else:
            rows += [(say("dose.row.first-infusion", lang),
                      say("dose.row.first-infusion.detail", lang, amount=session,
                          length=_hours(values["minutes_more_than"], lang))),
                     (say("dose.row.rate", lang), say("dose.row.rate.not-given", lang))]
        compared = (N_("dose.row.beside.least") if values["amount_is_least"]
                    else N_("dose.row.beside.detail"))
        rows.append((say("dose.row.beside", lang), say(
            compared, lang, weight=weights.shown(weights.actual, lang),
            per_kg=_per_kg_text(values["mg_per_kg_actual_low"], values["mg_per_kg_actual_high"],
                                lang))))
    rows.append((say("dose.row.course", lang),
                 say_n("dose.row.course.detail", "dose.row.course.detail.plural",
                       protocol.sessions_count, lang, course=protocol.course)))
    return rows


def _hours(minutes: float, lang: str) -> str:
    """A length in words: 2 h, 4 h, 2 h 30 min (whole minutes)."""
    hours, rest = divmod(round(minutes), 60)
    if not hours:
        return say("dose.length.minutes", lang, minutes=rest)
    if not rest:
        return say("dose.length.hours", lang, hours=hours)
    return say("dose.length.hours-minutes", lang, hours=hours, minutes=rest)


def _formula(values: dict, lang: str) -> str:
    """The arithmetic behind the figures, in one sentence."""
    amount, weight, plain = formats.amount, formats.weight, formats.plain
    if values["shape"] == "rate-per-kg":
        code = N_("dose.formula.rate-capped") if values["capped"] else N_("dose.formula.rate")
        return say(code, lang,
                   per_kg=plain(values["mg_per_kg_per_h"]),
                   weight=weight(values["dosing_weight_kg"]),
                   rate=amount(values["rate_mg_per_h"]), minutes=plain(values["minutes"]),
                   session=amount(values["session_mg_low"]))
    kg = values["actual_weight_kg"]
    low, high = values["session_mg_low"], values["session_mg_high"]
    if low != high:  # a daily amount's published range
        return say("dose.formula.per-kg-range", lang, weight=weight(kg), low=amount(low),
                   high=amount(high), low_per_kg=_significant(low / kg),
                   high_per_kg=_significant(high / kg))
    # One amount: chosen inside a range, or the least a first infusion recommends.
    code = (N_("dose.formula.per-kg-least") if values["amount_is_least"]
            else N_("dose.formula.per-kg"))
    return say(code, lang, weight=weight(kg), amount=amount(low), per_kg=_significant(low / kg))


def _significant(value: float) -> str:
    """A number to three significant figures, written plainly."""
    return formats.plain(float(f"{value:.3g}"))


def _weights_table(values: dict, weights: Weights, lang: str) -> str:
    """Per-kg figures by each weight the person has, side by side (never above actual)."""
    if len(values["by_weight"]) < 2:
        return ""
    head = "".join(f'<th scope="col">{escape(say(code, lang))}</th>' for code in
                   (N_("dose.table.by"), N_("dose.table.weight"), N_("dose.table.rate"),
                    N_("dose.table.session")))
    body = "".join(_table_row(row, weights, lang) for row in values["by_weight"])
    return (f'<table class="calculator-weights"><caption>{escape(say("dose.table.caption", lang))}'
            f"</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def _table_row(row: dict, weights: Weights, lang: str) -> str:
    """One weight's row of the table: its basis, the weight, the rate and one session."""
    basis = BASIS_SHORT[row["basis"]]
    cells = (weights.shown(row["weight_kg"], lang),
             _mg_per_h(row["rate_mg_per_h"], row["capped"], N_("dose.table.rate-capped"), lang),
             _mg(row["session_mg"], row["session_mg"], lang))
    return (f'<tr><th scope="row">{escape(say(basis, lang))}</th>'
            + "".join(f"<td>{escape(cell)}</td>" for cell in cells) + "</tr>")


def _html(values: dict, protocol: Protocol, weights: Weights, ref_ids: list[str],
          lang: str) -> str:
    listing = "".join(f"<div><dt>{escape(term)}</dt><dd>{escape(detail)}</dd></div>"
                      for term, detail in _rows(values, protocol, weights, lang))
    arithmetic = say("dose.arithmetic", lang, formula=_formula(values, lang))
    return (
        '<div class="calculator-result">'
        f'<dl class="calculator-values">{listing}</dl>'
        f"{_weights_table(values, weights, lang)}"
        f'<p class="calculator-formula">{escape(arithmetic)}</p>'
        f"{render.note_list(values['notes'])}"
        f"{render.reference_list(ref_ids, lang)}"
        "</div>"
    )


def text(result: Result, lang: str = "en") -> list[str]:
    """The result as lines for a terminal: the same figures as the page."""
    v = result.values
    protocol = data.protocols(lang)[v["protocol"]]
    weights = Weights(v["actual_weight_kg"], v["weight_unit"])
    lines = [say("framing", lang), ""]
    lines += [say("dose.text.row", lang, term=term, detail=detail)
              for term, detail in _rows(v, protocol, weights, lang)]
    lines += [say("dose.text.by-weight", lang, basis=_basis_words(row["basis"], lang),
                  weight=weights.shown(row["weight_kg"], lang),
                  rate=formats.amount(row["rate_mg_per_h"]),
                  session=formats.amount(row["session_mg"]))
              for row in v["by_weight"] if len(v["by_weight"]) > 1]
    lines.append(say("dose.arithmetic", lang, formula=_formula(v, lang)))
    return lines + [""] + render.text_tail(result, "", lang)
