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
from calculators.messages import N_, say
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
BASIS_WORDS = {"actual": "actual weight", "ideal": "ideal weight", "adjusted": "adjusted weight"}
BASIS_SHORT = {"actual": "Actual", "ideal": "Ideal (Devine)", "adjusted": "Adjusted"}
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

    def shown(self, kg: float) -> str:
        """A weight in kg, with pounds when the reader gave pounds."""
        text = f"{formats.weight(kg)} kg"
        if self.unit == "lb":
            text += f" ({formats.weight(kg / data.load()['units']['kg_per_lb'])} lb)"
        return text


def compute(fields: Mapping[str, str], lang: str = "en") -> Result:
    """Work out the illustration from raw form text; bad input gives field errors, never raises."""
    read = schema.Reader(inputs, fields, lang)
    adult = read.get("adult")
    if adult == "no" and not read.has_error("adult"):
        title, _ = data.article("who-is-not-a-candidate")
        read.fail("adult", "under-18", f"{data.load()['scope']['under_18']} See “{title}”.")
    protocol = _protocol(read)
    unit = read.get("unit")
    actual = read.get("weight", scale=data.load()["units"]["kg_per_lb"] if unit == "lb" else 1)
    daily = _daily_amount(read, protocol)
    height, sex, basis = read.get("height_cm"), read.get("sex"), read.get("basis")
    if protocol is not None and protocol.shape == "rate-per-kg":
        _basis_needs(read, basis, height, sex)
    if read.errors:
        return render.failure(name, read)
    notes: list[str] = []
    weights = _weights(actual, unit, height, sex, notes)
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
        **_FIGURES[protocol.shape](protocol, weights, basis, daily, notes),
    }
    if read.raw("daily_mg") and protocol.shape != "daily-amount":
        notes.append(f"The amount a day is used only for a regimen published as a range of "
                     f"amounts a day; {protocol.name} is not, so it is not used.")
    values["notes"] = notes + list(protocol.notes)
    devine_ref = [data.load()["devine"]["reference"]] if weights.ideal is not None else []
    ref_ids = schema.citation_ids([], protocol.reference, *devine_ref)
    return Result(values, [], {}, _html(values, protocol, weights, ref_ids), ref_ids)


def _protocol(read: schema.Reader) -> Protocol | None:
    """The regimen chosen; an entry of the tables that is not offered says why, and where to
    read about it."""
    known = data.protocols().get(read.raw("protocol"))
    if known and not known.offered:
        title, _ = data.article(known.read)
        read.fail("protocol", "not-illustrated", f"The calculator does not illustrate {known.name}: "
                              f"{known.why_not_offered}. Read about it in “{title}”.")
        return None
    pid = read.get("protocol")
    return None if read.has_error("protocol") else data.offered_protocols()[pid]


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
    source = data.references()[protocol.reference].short
    read.fail("daily_mg", "outside-the-regimen", f"{formats.plain(amount)} mg a day is outside what {protocol.name} "
                          f"gave: {_range(protocol)} a day ({source}). Choose an amount inside "
                          "that range, or leave it blank.")
    return None


def _range(protocol: Protocol) -> str:
    return f"{formats.plain(protocol.dose_min)} to {formats.plain(protocol.dose_max)} mg"


def _basis_needs(read: schema.Reader, basis: str, height: float | None, sex: str) -> None:
    """Per-kg figures by ideal or adjusted weight need a height the formula covers, and a sex."""
    if basis == "actual":
        return
    words = BASIS_WORDS[basis]
    if not read.has_error("height_cm"):
        if height is None:
            read.fail("height_cm", "needed-for-the-basis", f"Enter the height in cm to work out figures by {words}.")
        elif height < data.load()["devine"]["from_height_cm"]:
            read.fail("height_cm", "below-the-formula", f"The Devine ideal-weight formula does not apply below "
                                   f"{_devine_start()}; use the actual weight instead.")
    if sex == "" and not read.has_error("sex"):
        read.fail("sex", "needed-for-the-basis", f"Choose female or male to work out figures by {words}.")


def ideal_weight(height_cm: float, sex: str) -> float | None:
    """Devine ideal body weight in kg, or None below the height the formula starts at."""
    devine = data.load()["devine"]
    if height_cm < devine["from_height_cm"]:
        return None
    base = devine["male_base_kg"] if sex == "male" else devine["female_base_kg"]
    return base + devine["kg_per_cm"] * (height_cm - devine["from_height_cm"])


def adjusted_weight(actual_kg: float, ideal_kg: float) -> float:
    return ideal_kg + data.load()["adjusted_weight"]["factor"] * (actual_kg - ideal_kg)


def _weights(actual, unit, height, sex, notes: list[str]) -> Weights:
    """The person's weights, with a note where height and sex are missing or do not apply."""
    scope, devine = data.load()["scope"], data.load()["devine"]
    if height is None or not sex:
        if height is not None or sex:
            notes.append("Give both height and sex to see the ideal and adjusted weights.")
        elif actual > scope["heavy_kg"]:
            notes.append(scope["heavy_without_height"])
        return Weights(actual, unit, height, sex)
    ideal = ideal_weight(height, sex)
    if ideal is None:
        notes.append(f"Ideal body weight is not defined below "
                     f"{formats.plain(devine['from_height_cm'])} cm (the Devine formula), so only "
                     "the actual weight is shown.")
        return Weights(actual, unit, height, sex)
    return Weights(actual, unit, height, sex, ideal, adjusted_weight(actual, ideal))


def _per_kg_rate(protocol: Protocol, kg: float) -> tuple[float, bool]:
    """The regimen's rate for a weight, never above its own cap: (mg/h, whether capped)."""
    rate = protocol.dose_max * kg
    cap = protocol.cap.mg_per_h
    return (float(cap), True) if rate > cap else (rate, False)


def _rate_per_kg(protocol: Protocol, weights: Weights, basis: str, daily, notes) -> dict:
    """Schwartzman-shaped: mg/kg/h x the dosing weight, capped, for the published length."""
    chosen = weights.by(basis)
    if chosen > weights.actual:
        notes.append(
            f"The {BASIS_WORDS[basis]} ({weights.shown(chosen)}) is above the actual weight "
            f"({weights.shown(weights.actual)}). A per-kg figure is never worked out from a weight "
            "above what the person weighs, so the actual weight is used.")
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
        notes.append(f"{formats.plain(protocol.dose_max)} mg/kg/h for "
                     f"{weights.shown(chosen)} would pass the regimen's own cap, so the rate is "
                     f"the cap ({protocol.cap.text}).")
    _far_above_ideal(weights, notes)
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


def _far_above_ideal(weights: Weights, notes: list[str]) -> None:
    """Say why the figures by ideal and adjusted weight stand beside the actual one."""
    if weights.ideal is None:
        return
    low, _ = data.load()["adjusted_weight"]["conventional_excess_percent"]
    excess = (weights.actual / weights.ideal - 1) * 100
    if excess >= low:
        notes.append(
            f"The actual weight is {excess:.0f}% above the ideal weight. No ketamine-specific "
            "rule says which weight a per-kg regimen should use, so the figures by ideal and "
            "adjusted weight are shown beside the actual one; the regimen's cap holds for all. "
            + data.load()["adjusted_weight"]["convention"])


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


def _daily(protocol: Protocol, weights: Weights, basis: str, daily, notes) -> dict:
    """Goldberg-shaped: the published amount a day (or the one chosen inside it); no rate."""
    low, high = (daily, daily) if daily is not None else (protocol.dose_min, protocol.dose_max)
    _fixed_amount_note(protocol, basis, notes)
    return {**_fixed(protocol, weights, low, high), "most_mg_per_h": None, "minutes": None,
            "minutes_more_than": None, "daily_mg": daily, "amount_is_least": False}


def _first_infusion(protocol: Protocol, weights: Weights, basis: str, daily, notes) -> dict:
    """ASRA-shaped: at least an amount over more than a length; it gives no rate."""
    _fixed_amount_note(protocol, basis, notes)
    return {**_fixed(protocol, weights, protocol.dose, protocol.dose), "most_mg_per_h": None,
            "minutes": None, "minutes_more_than": protocol.minutes_min, "amount_is_least": True,
            "daily_mg": None}


def _fixed_amount_note(protocol: Protocol, basis: str, notes: list[str]) -> None:
    if basis != "actual":
        notes.append(f"{protocol.name} gives a fixed amount, not an amount per kg, so no "
                     "dosing weight is used; the weight is only set beside the amount.")


_FIGURES = {"rate-per-kg": _rate_per_kg, "daily-amount": _daily, "first-infusion": _first_infusion}


def _per_kg_text(low: float, high: float) -> str:
    shown = [formats.plain(float(f"{value:.3g}")) for value in (low, high)]
    return f"{shown[0]} mg/kg" if shown[0] == shown[1] else f"{shown[0]} to {shown[1]} mg/kg"


def _mg(low: float, high: float) -> str:
    if low == high:
        return f"{formats.amount(low)} mg"
    return f"{formats.amount(low)} to {formats.amount(high)} mg"


def _rows(values: dict, protocol: Protocol, weights: Weights) -> list[tuple[str, str]]:
    """The figures of the result, as (term, detail): the same for the page and the terminal."""
    amount = formats.amount
    rows = [("Regimen", f"{protocol.title} ({protocol.condition}; {protocol.study})"),
            ("As published", f"{protocol.dose_text}; {protocol.course}")]
    session = _mg(values["session_mg_low"], values["session_mg_high"])
    shape = values["shape"]
    if shape == "rate-per-kg":
        rows += [
            ("Weight used", f"{weights.shown(values['dosing_weight_kg'])} "
                            f"({BASIS_WORDS[values['basis_used']]})"),
            ("The trial's top rate at this weight", f"{amount(values['rate_mg_per_h'])} mg/h"
             + (" (the regimen's cap)" if values["capped"] else "")),
            (f"Over one {_hours(values['minutes'])} session", session),
        ]
    else:
        least = "at least " if values["amount_is_least"] else ""
        compared = (f"at {weights.shown(weights.actual)}, {least}"
                    f"{_per_kg_text(values['mg_per_kg_actual_low'], values['mg_per_kg_actual_high'])}"
                    " (to compare only: this regimen is not given per kg)")
        if shape == "daily-amount":
            chosen = values["daily_mg"] is not None
            rows += [("Amount a day in the study", session + (
                        f", chosen inside {_range(protocol)}" if chosen else ", as published")),
                     ("Rate", "not published (the source gives no infusion length)")]
        else:
            rows += [("First infusion", f"at least {session}, over more than "
                                        f"{_hours(values['minutes_more_than'])}"),
                     ("Rate", "not given (the regimen names only a least amount and a least time)")]
        rows.append(("Set beside the weight", compared))
    rows.append(("Course", f"{protocol.sessions_count} session"
                           f"{'' if protocol.sessions_count == 1 else 's'} "
                           f"({protocol.course}), as published"))
    return rows


def _hours(minutes: float) -> str:
    """A length in words: 2 h, 4 h, 2 h 30 min (whole minutes)."""
    whole, rest = divmod(round(minutes), 60)
    if not whole:
        return f"{rest} min"
    return f"{whole} h" + (f" {rest} min" if rest else "")


def _formula(values: dict) -> str:
    amount, weight, plain = formats.amount, formats.weight, formats.plain
    shape = values["shape"]
    if shape == "rate-per-kg":
        kg, rate = values["dosing_weight_kg"], values["rate_mg_per_h"]
        first = f"{plain(values['mg_per_kg_per_h'])} mg/kg/h × {weight(kg)} kg"
        first += (f" passes the cap, so {amount(rate)} mg/h" if values["capped"]
                  else f" = {amount(rate)} mg/h")
        return (f"{first}; {amount(rate)} mg/h × {plain(values['minutes'])} min ÷ 60 = "
                f"{amount(values['session_mg_low'])} mg.")
    steps = [f"{amount(mg)} mg ÷ {weight(values['actual_weight_kg'])} kg = "
             f"{plain(float(f'{mg / values['actual_weight_kg']:.3g}'))} mg/kg"
             for mg in dict.fromkeys((values["session_mg_low"], values["session_mg_high"]))]
    least = "the least amount it recommends; " if values["amount_is_least"] else ""
    return "; ".join(steps) + f" ({least}a comparison, not a dose per kg)."


def _weights_table(values: dict, weights: Weights) -> str:
    """Per-kg figures by each weight the person has, side by side (never above actual)."""
    if len(values["by_weight"]) < 2:
        return ""
    head = "".join(f'<th scope="col">{label}</th>' for label in
                   ("By", "Weight", "Rate", "In one session"))
    body = "".join(
        f'<tr><th scope="row">{escape(BASIS_SHORT[row["basis"]])}</th>'
        f"<td>{escape(weights.shown(row['weight_kg']))}</td>"
        f"<td>{formats.amount(row['rate_mg_per_h'])} mg/h{' (cap)' if row['capped'] else ''}</td>"
        f"<td>{formats.amount(row['session_mg'])} mg</td></tr>"
        for row in values["by_weight"]
    )
    return ('<table class="calculator-weights"><caption>The same regimen by each weight'
            f"</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def _html(values: dict, protocol: Protocol, weights: Weights, ref_ids: list[str]) -> str:
    listing = "".join(f"<div><dt>{escape(term)}</dt><dd>{escape(detail)}</dd></div>"
                      for term, detail in _rows(values, protocol, weights))
    return (
        '<div class="calculator-result">'
        f'<dl class="calculator-values">{listing}</dl>'
        f"{_weights_table(values, weights)}"
        f'<p class="calculator-formula">Arithmetic: {escape(_formula(values))}</p>'
        f"{render.note_list(values['notes'])}"
        f"{render.reference_list(ref_ids)}"
        "</div>"
    )


def text(result: Result, lang: str = "en") -> list[str]:
    """The result as lines for a terminal: the same figures as the page."""
    v = result.values
    protocol = data.protocols()[v["protocol"]]
    weights = Weights(v["actual_weight_kg"], v["weight_unit"])
    lines = [say("framing"), ""]
    lines += [f"{term}: {detail}" for term, detail in _rows(v, protocol, weights)]
    lines += [f"By {BASIS_WORDS[row['basis']]} ({weights.shown(row['weight_kg'])}): "
              f"{formats.amount(row['rate_mg_per_h'])} mg/h, "
              f"{formats.amount(row['session_mg'])} mg in one session"
              for row in v["by_weight"] if len(v["by_weight"]) > 1]
    lines.append(f"Arithmetic: {_formula(v)}")
    return lines + [""] + render.text_tail(result, "")
