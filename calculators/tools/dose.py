"""Dose calculator: what one published chronic-pain regimen gave a person of one weight.

It illustrates regimens as they were published, and nothing else: the reader picks a regimen
and gives a weight. There is no free dose, no free length and no bag strength, so no figure can
pass the regimen's own cap or session total. Every number comes from the data file; the
arithmetic goes by the regimen's `shape`:
- "rate-per-kg" (Schwartzman 2009): mg/h = mg/kg/h x kg, never above the regimen's own cap; a
  session gives that rate for the published length;
- "daily-amount" (Goldberg 2005): the published amount a day, or a choice inside that range; no
  rate, since none was published;
- "first-infusion" (ASRA 2018): a fixed amount over more than a published length, set beside
  the weight (mg per kg, for comparison), never multiplied by it.
A per-kg figure is never worked out from a weight above the person's actual weight.

This module is the calculator (its inputs, and `compute` and `text` tying the parts together);
the person's weights are `calculators.weights`, what it refuses `_dose_limits`, the arithmetic
`_dose_figures` and its words `_dose_view`.
"""

from collections.abc import Mapping

from calculators import data, formats, messages, render, schema, weights
from calculators.data import Protocol
from calculators.fields import Choice, Number
from calculators.messages import N_, say
from calculators.schema import Result
from calculators.tools import _dose_limits, _dose_view as view
from calculators.tools._dose_figures import Figures, work_out

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
# What every result of this calculator is not: shown under the result, on paper and in embeds.
limitations = (N_("dose.limitations.illustration"), N_("dose.limitations.pump"),
               N_("dose.limitations.clinician"))


def _protocol_titles(lang: str) -> dict[str, str]:
    return {pid: p.title for pid, p in data.offered_protocols(lang).items()}


def _ranged(lang: str) -> list[Protocol]:
    """The regimens published as a range of amounts a day (the reader may choose inside)."""
    return [p for p in data.offered_protocols(lang).values() if p.shape == "daily-amount"]


def _weight_words(lang: str) -> dict[str, str]:
    """The weight's bounds in pounds too, their reasons, the article to read, and the worked
    example's weight (what a number looks like)."""
    limits, scope_words = data.limits(lang), data.load(lang)["scope"]
    low, high = limits["weight_kg"]
    per_lb = weights.kg_per_lb()
    between = say("dose.weight.between", lang, min=formats.plain(low, lang),
                  max=formats.plain(high, lang), min_lb=f"{low / per_lb:.0f}",
                  max_lb=f"{high / per_lb:.0f}")
    see, _ = data.article(limits["weight_kg_low_see"], lang)
    example = formats.plain(data.load(lang)["worked_example"]["weight_kg"], lang)
    return {"between": between, "see": see, "example": example,
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
               words=lambda lang: {"kg_per_lb": weights.kg_per_lb()}),
        Number(name="daily_mg", label=N_("dose.daily-mg.label"), unit=N_("unit.mg"), step=1,
               help=N_("dose.daily-mg.help"), invalid=N_("dose.daily-mg.invalid"),
               words=lambda lang: {"ranges": "; ".join(
                   f"{p.name}: {p.dose_text.split(';')[0]}" for p in _ranged(lang))}),
        Number(
            name="height_cm", label=N_("dose.height.label"), unit=N_("unit.cm"),
            min=limits["height_cm"][0], max=limits["height_cm"][1], step=0.1,
            help=N_("dose.height.help"), invalid=N_("dose.height.invalid"),
            too_low=N_("dose.height.outside"), too_high=N_("dose.height.outside"),
            words=lambda lang: {"devine_start": weights.devine_start(lang),
                                "reason": data.limits(lang)["height_cm_reason"]},
        ),
        Choice(name="sex", label=N_("dose.sex.label"), default="", choices=SEXES,
               help=N_("dose.sex.help"), invalid=N_("dose.sex.invalid")),
        Choice(name="basis", label=N_("dose.basis.label"), default="actual", choices=BASES,
               help=N_("dose.basis.help"), invalid=N_("dose.basis.invalid")),
    )


inputs = _inputs()
embeddable = True  # other sites may embed it (/embed/NAME/)
embed_height = 1000  # px: an embed's height before its loader sizes it (its compact height 640 px wide, about 900)
actions = ()


def compute(fields: Mapping[str, str], lang: str = messages.DEFAULT) -> Result:
    """Work out the illustration from raw form text; bad input gives field errors, never raises."""
    read = schema.Reader(inputs, fields, lang)
    _dose_limits.adult(read)
    protocol = _dose_limits.regimen(read)
    unit = read.get("unit")
    actual = read.get("weight", scale=weights.kg_per_lb() if unit == "lb" else 1)
    daily = _dose_limits.daily_amount(read, protocol)
    height, sex, basis = read.get("height_cm"), read.get("sex"), read.get("basis")
    _dose_limits.basis_needs(read, protocol, basis, height, sex)
    if read.errors:
        return render.failure(name, read)
    person = weights.person(actual, unit, height, sex)
    figures = work_out(protocol, person, basis, daily)
    notes = read.notes + view.notes(protocol, person, figures, basis, bool(read.raw("daily_mg")),
                                    lang)
    values = {**_asked(protocol, person, basis), **figures.values(),
              "notes": [words for _, words in notes], "note_codes": [code for code, _ in notes]}
    devine_ref = [data.load()["devine"]["reference"]] if person.ideal is not None else []
    ref_ids = schema.citation_ids([], protocol.reference, *devine_ref)
    html = view.html(protocol, person, figures, values["notes"], ref_ids, lang)
    said = render.summary(view.summary(protocol, person, figures, lang), read)
    return Result(values, [], {}, html, ref_ids, summary=said)


def _asked(protocol: Protocol, person: weights.Weights, basis: str) -> dict:
    """The values that say what was asked: the regimen, and the person's weights."""
    return {"protocol": protocol.id, "protocol_title": protocol.title, "shape": protocol.shape,
            "adult": True, "weight_unit": person.unit, "actual_weight_kg": person.actual,
            "height_cm": person.height_cm, "sex": person.sex or None,
            "ideal_weight_kg": person.ideal, "adjusted_weight_kg": person.adjusted,
            "basis": basis, "sessions_count": protocol.sessions_count}


def _person(values: dict) -> weights.Weights:
    """The person's weights again from a result's values (`_asked`'s)."""
    return weights.Weights(values["actual_weight_kg"], values["weight_unit"], values["height_cm"],
                           values["sex"] or "", values["ideal_weight_kg"],
                           values["adjusted_weight_kg"])


def text(result: Result, lang: str = messages.DEFAULT) -> list[str]:
    """The result as lines for a terminal: the same figures as the page."""
    values = result.values
    protocol = data.protocols(lang)[values["protocol"]]
    lines = view.lines(protocol, _person(values), Figures.from_values(values), lang)
    return [say("framing", lang), "", *lines, "", *render.text_tail(result, "", lang)]
