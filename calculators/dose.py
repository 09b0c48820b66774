"""Dose calculator: a published protocol's dose worked out for one weight (an illustration).

Every clinical number comes from the data file; this module only does the arithmetic:
mg/h = mg/kg/h x kg; mL/h = mg/h / (mg/mL); a dose over T minutes: mg = mg/kg x kg,
rate = mg x 60 / T.

Rules that keep the illustration safe:
- the dose is never worked out from a weight above the actual weight (it says so);
- a weight, dose or length outside what the site illustrates is refused with its reason
  (`scope`); a dose beyond one protocol's line but within published practice is a warning;
- only an upper line, a cap or a minimum crossed is a warning; where the dose sits among the
  published lines is shown as neutral information.
"""

import math
from collections.abc import Mapping

from calculators import data, render, schema, scope
from calculators.render import escape
from calculators.data import Cap, Line, Protocol
from calculators.schema import Input, Result, Warning

name = "dose"
title = "Ketamine infusion dose (an illustration)"
summary = "work out a published protocol's dose for one weight"

UNITS = (("kg", "kg"), ("lb", "lb"))
SEXES = (("", "Not given"), ("female", "Female"), ("male", "Male"))
BASES = (
    ("actual", "Actual weight"),
    ("ideal", "Ideal body weight (Devine)"),
    ("adjusted", "Adjusted body weight"),
)
BASIS_WORDS = {"actual": "actual weight", "ideal": "ideal weight", "adjusted": "adjusted weight"}
# Quantities a published line can be about, and how they read.
QUANTITY_UNITS = {"mg/kg/h": "mg/kg/h", "mg/h": "mg/h", "mg/kg": "mg/kg", "mg": "mg", "minutes": "min"}
PER_KG = ("mg/kg/h", "mg/kg")
PUMP = "arithmetic for illustration, never for programming a pump"


def _usual_dose(protocol: Protocol) -> str:
    unit = protocol.dose_unit
    if protocol.dose is not None:
        return f"{render.plain(protocol.dose)} {unit}"
    low, high = render.plain(protocol.dose_min), render.plain(protocol.dose_max)
    return f"{low} {unit}, the lower end of the published {low}-{high} {unit}"


def _devine_start() -> str:
    """The height the Devine formula starts at, in cm and inches."""
    height = data.load()["devine"]["from_height_cm"]
    inches = height / data.load()["units"]["cm_per_inch"]
    return f"{render.plain(height)} cm ({render.plain(inches)} in)"


def _protocol_choices() -> tuple[tuple[str, str], ...]:
    return tuple(
        (pid, f"{p.title} ({_usual_dose(p)})") for pid, p in data.offered_protocols().items()
    )


def _concentration_choices() -> tuple[tuple[str, str], ...]:
    bags = data.load()["bags"]
    return tuple(
        (render.plain(c), f"{render.plain(c)} mg/mL ({made_up})")
        for c, made_up in zip(bags["concentrations_mg_per_ml"], bags["descriptions"], strict=True)
    )


def _inputs() -> tuple[Input, ...]:
    limits, scope_words = data.limits(), data.load()["scope"]
    example = data.load()["worked_example"]
    per_lb = data.load()["units"]["kg_per_lb"]
    low, high = limits["weight_kg"]
    between = (f"This page illustrates weights between {render.plain(low)} and "
               f"{render.plain(high)} kg (about {low / per_lb:.0f} to {high / per_lb:.0f} lb).")
    see, _ = data.article(limits["weight_kg_low_see"])
    shortest, longest = scope.length_bounds()
    return (
        Input(
            "weight", "Weight", "number", "", low, high, 0.1,
            default=render.plain(example["weight_kg"]), required=True,
            help="Body weight, in the weight unit chosen. No weight is ever assumed: the form "
            "opens on a worked example. This site illustrates adult protocols only.",
            invalid="Enter the weight as a number, for example 70.",
            too_low=f"{between} {scope_words[limits['weight_kg_low_reason']]} See “{see}”.",
            too_high=f"{between} {limits['weight_kg_high_reason']}",
        ),
        Input("unit", "Weight unit", "select", default="kg", choices=UNITS,
              help=f"Kilograms or pounds (1 lb = {per_lb} kg, exactly).",
              invalid="Choose kg or lb for the weight unit."),
        Input(
            "height_cm", "Height", "number", "cm", *limits["height_cm"], 0.1,
            help="Optional. With sex, it gives the ideal (Devine) and adjusted body weights, "
            f"which are defined from {_devine_start()}.",
            invalid="Enter the height in centimetres as a number, for example 170.",
            too_low=f"Height must be between {{min}} and {{max}} cm. {limits['height_cm_reason']}",
            too_high=f"Height must be between {{min}} and {{max}} cm. {limits['height_cm_reason']}",
        ),
        Input("sex", "Sex, for the ideal-weight formula", "select", default="", choices=SEXES,
              help="Optional; needed with height for the ideal and adjusted weights.",
              invalid="Choose female or male, or leave sex blank."),
        Input("basis", "Dose by", "select", default="actual", choices=BASES,
              help="Which weight a per-kg dose is worked out from. No ketamine-specific rule "
              "says which to use, and a weight above the actual weight is never used.",
              invalid="Choose actual, ideal or adjusted weight."),
        Input("protocol", "Published protocol", "select", default=example["protocol"],
              choices=_protocol_choices(), required=True,
              help="The dose, length and limits come from this published protocol.",
              missing="Choose a published protocol from the list.",
              metavar="ID",
              invalid="That protocol is not one the calculator offers; choose one from the list."),
        Input("dose", "A different dose to compare", "number", "", 0, None, 0.01,
              help="Optional. Leave blank for the protocol's published dose. A number is a "
              "different dose to compare, in the protocol's unit (mg/kg/h, mg/h or mg/kg).",
              too_low="The dose must be more than 0; leave it blank for the protocol's dose."),
        Input("minutes", "Length", "number", "min", shortest.value, longest.value, 1,
              help="Leave blank for the protocol's usual length.",
              invalid="Enter the length in minutes as a number, for example 40.",
              too_low=scope.below("{value} min", shortest, "min"),
              too_high=scope.beyond("{value} min", longest, "min")),
        Input("concentration", "Bag strength", "select", "mg/mL", default="1",
              choices=_concentration_choices(),
              help="Milligrams of ketamine in each millilitre of the bag.",
              invalid="Choose a bag strength from the list "
              f"({', '.join(value for value, _ in _concentration_choices())} mg/mL)."),
    )


inputs = _inputs()
actions = ()


def default_fields(today=None) -> dict[str, str]:
    """The worked example the form shows before the reader changes anything (`today` unused)."""
    return schema.worked_example(inputs)


def read_weight(read: schema.Reader) -> tuple[str, float | None]:
    """The weight unit, and the weight in kg (pounds converted exactly)."""
    unit = read.choice("unit")
    return unit, read.number("weight", data.load()["units"]["kg_per_lb"] if unit == "lb" else 1)


def compute(fields: Mapping[str, str]) -> Result:
    """Work out the illustration from raw form text; bad input gives field errors, never raises."""
    read = schema.Reader(inputs, fields)
    unit, actual_kg = read_weight(read)
    height = read.number("height_cm")
    sex = read.choice("sex")
    basis = read.choice("basis")
    protocol = _protocol(read)
    concentration = float(read.choice("concentration"))
    dose = _dose(read, protocol)
    minutes = _minutes(read, protocol)
    if protocol is None or protocol.dose_unit in PER_KG:
        _basis_needs(read, basis, height, sex)
    if not read.errors:
        result = _work_out(actual_kg, unit, height, sex, basis, protocol, dose, minutes,
                           concentration)
        total, ceiling = result.values["total_mg"], scope.total_ceiling()
        if total is None or not _above(total, ceiling.value):
            return result
        # Every line held on its own, yet together they give more than any published infusion.
        field = next(f for f in ("minutes", "dose", "weight") if read.raw(f) or f == "weight")
        read.fail(field, scope.beyond(f"{render.amount(total)} mg in total", ceiling, "mg")
                  + " Choose a shorter length or a lower dose.")
    return Result({}, [], read.errors, render.error_summary(name, inputs, read.errors), [])


def _minutes(read: schema.Reader, protocol: Protocol | None) -> float | None:
    """A length within the published lengths of the protocol's kind (a continuous infusion, or
    a dose given over minutes)."""
    minutes = read.number("minutes")
    if minutes is None or protocol is None:
        return minutes
    shortest, longest = scope.length_bounds(protocol.kind)
    if _below(minutes, shortest.value):
        read.fail("minutes", scope.below(f"{render.plain(minutes)} min", shortest, "min"))
    elif _above(minutes, longest.value):
        read.fail("minutes", scope.beyond(f"{render.plain(minutes)} min", longest, "min"))
    else:
        return minutes
    return None


def _protocol(read: schema.Reader) -> dict | None:
    """The offered protocol chosen; an entry that exists but is not offered says why."""
    known = data.protocols().get(read.raw("protocol"))
    if known and not known.offered:
        read.fail("protocol", f"That protocol is not one the calculator offers "
                              f"({known.why_not_offered}); choose one from the list.")
        return None
    pid = read.choice("protocol")
    return None if read.has_error("protocol") else data.offered_protocols()[pid]


def _dose(read: schema.Reader, protocol: Protocol | None) -> float | None:
    """A different dose to compare, refused above the highest published figure in its unit."""
    raw = read.raw("dose")
    unit = protocol.dose_unit if protocol else None
    if raw != "" and schema.decimal(raw) is None:
        in_unit = f" in {unit}" if unit else ""
        read.fail("dose", f"Enter the dose as a number{in_unit}, or leave it blank for the "
                          "protocol's dose.")
        return None
    value = read.number("dose")
    if value == 0:
        read.fail("dose", read.inputs["dose"].too_low)
    elif value is not None and unit and _above(value, (ceiling := scope.dose_ceiling(unit)).value):
        read.fail("dose", scope.beyond(f"{render.plain(value)} {unit}", ceiling, unit))
    else:
        return value
    return None


def _basis_needs(read: schema.Reader, basis: str, height: float | None, sex: str) -> None:
    """A per-kg dose by ideal or adjusted weight needs a height the formula covers, and a sex."""
    if basis == "actual":
        return
    words = BASIS_WORDS[basis]
    if not read.has_error("height_cm"):
        if height is None:
            read.fail("height_cm", f"Enter the height in cm to dose by {words}.")
        elif height < data.load()["devine"]["from_height_cm"]:
            read.fail("height_cm", f"The Devine ideal-weight formula does not apply below "
                                   f"{_devine_start()}; dose by actual weight instead.")
    if sex == "" and not read.has_error("sex"):
        read.fail("sex", f"Choose female or male to dose by {words}.")


def ideal_weight(height_cm: float, sex: str) -> float | None:
    """Devine ideal body weight in kg, or None below the height the formula starts at."""
    devine = data.load()["devine"]
    if height_cm < devine["from_height_cm"]:
        return None
    base = devine["male_base_kg"] if sex == "male" else devine["female_base_kg"]
    return base + devine["kg_per_cm"] * (height_cm - devine["from_height_cm"])


def adjusted_weight(actual_kg: float, ideal_kg: float) -> float:
    return ideal_kg + data.load()["adjusted_weight"]["factor"] * (actual_kg - ideal_kg)


def _cap(protocol: Protocol, actual_kg: float) -> Cap | None:
    """The protocol's own maximum rate that applies at this weight (the lowest), if any."""
    caps = [cap for cap in protocol.caps if cap.applies(actual_kg)]
    return min(caps, key=lambda cap: cap.mg_per_h, default=None)


def _weights(actual_kg, height, sex, basis, per_kg: bool, notes: list[str]):
    """(ideal, adjusted, dosing weight, the basis used): never a dosing weight above actual."""
    ideal = adjusted = None
    devine = data.load()["devine"]
    if height is not None and sex:
        ideal = ideal_weight(height, sex)
        if ideal is None:
            notes.append(
                f"Ideal body weight is not defined below {render.plain(devine['from_height_cm'])} cm "
                "(the Devine formula), so only the actual weight is shown."
            )
        else:
            adjusted = adjusted_weight(actual_kg, ideal)
    elif height is not None or sex:
        notes.append("Give both height and sex to see the ideal and adjusted weights.")
    if not per_kg:
        if basis != "actual":
            notes.append("A fixed rate in mg/h does not depend on a dosing weight; the actual "
                         "weight only picks which of the protocol's maximums applies.")
        return ideal, adjusted, actual_kg, "actual"
    chosen = {"actual": actual_kg, "ideal": ideal, "adjusted": adjusted}[basis]
    if basis == "adjusted":
        notes.append(data.load()["adjusted_weight"]["convention"])
        low, high = data.load()["adjusted_weight"]["conventional_excess_percent"]
        excess = (actual_kg / ideal - 1) * 100
        if excess < low:
            notes.append(
                f"Adjusted weight is conventionally used when the actual weight exceeds the ideal "
                f"by {low}-{high}%; here it is {excess:+.0f}%."
            )
    if chosen > actual_kg:
        notes.append(
            f"The {BASIS_WORDS[basis]} ({render.weight(chosen)} kg) is above the actual weight "
            f"({render.weight(actual_kg)} kg). A dose is never worked out from a weight above "
            "what the person weighs, because it would give more per kg of their body than the "
            "protocol states, so the actual weight is used."
        )
        return ideal, adjusted, actual_kg, "actual"
    return ideal, adjusted, chosen, basis


def _length(protocol: Protocol, minutes, rate, notes: list[str]):
    """(minutes or None, where it came from), with a note saying how it was chosen."""
    if minutes is not None:
        return minutes, "custom"
    if protocol.minutes is not None:
        shown = f"{render.plain(protocol.minutes)} min"
        said = "" if protocol.length_text == shown else f" ({protocol.length_text})"
        notes.append(f"Length: {shown}, as published{said}.")
        return protocol.minutes, "protocol"
    first = protocol.first_infusion
    longest = scope.length_bounds(protocol.kind)[1]
    if first and rate and math.ceil(first.mg * 60 / rate) > longest.value:
        notes.append(
            f"The source gives no fixed length; it suggests a first infusion of {first.text}. "
            f"At {render.amount(rate)} mg/h that would take longer than any published infusion, "
            "so no length or total is shown: enter a length to see them."
        )
        return None, "not-given"
    if first and rate:
        takes = math.ceil(first.mg * 60 / rate)
        minutes = max(takes, first.minutes)
        notes.append(
            f"The source gives no fixed length; it suggests a first infusion of "
            f"{first.text}. At {render.amount(rate)} mg/h, "
            f"{render.plain(first.mg)} mg takes {hours(takes)}, so the length shown is "
            f"{hours(minutes)}."
        )
        return minutes, "first-infusion"
    if protocol.minutes_min is not None:
        notes.append(
            f"No usual length is published; the lower end of the published "
            f"{protocol.length_text} ({render.plain(protocol.minutes_min)} min) is used."
        )
        return protocol.minutes_min, "protocol-range-lower-end"
    needs = "rate" if protocol.kind == "over-minutes" else "total amount"
    notes.append(f"Our sources give no length for this protocol, so no {needs} is shown: "
                 "enter a length to see one.")
    return None, "not-given"


def hours(minutes: float) -> str:
    """A length in words: 2 h 18 min, 4 h, 40 min (whole minutes)."""
    whole, rest = divmod(round(minutes), 60)
    if not whole:
        return f"{rest} min"
    return f"{whole} h" + (f" {rest} min" if rest else "")


def _work_out(actual_kg, unit, height, sex, basis, protocol, dose, minutes, concentration):
    notes: list[str] = []
    refs = data.references()
    dose_unit, kind = protocol.dose_unit, protocol.kind
    per_kg = dose_unit in PER_KG
    ideal, adjusted, dosing_kg, basis_used = _weights(actual_kg, height, sex, basis, per_kg, notes)

    source = refs[protocol.reference].short
    if dose is None:
        if protocol.dose is not None:
            dose, dose_source = protocol.dose, "protocol"
            notes.append(f"Dose: {render.plain(dose)} {dose_unit}, {protocol.dose_note} ({source}).")
        else:
            dose, dose_source = protocol.dose_min, "protocol-range-lower-end"
            notes.append(
                f"No typical dose is published; the lower end of the published range "
                f"({render.plain(protocol.dose_min)}-{render.plain(protocol.dose_max)} "
                f"{dose_unit}, {source}) is used."
            )
    else:
        dose_source = "custom"

    cap, capped = None, False
    if kind == "continuous":
        rate = uncapped = dose * dosing_kg if dose_unit == "mg/kg/h" else dose
        cap = _cap(protocol, actual_kg)
        if cap is not None and rate > cap.mg_per_h:
            rate, capped = float(cap.mg_per_h), True
        minutes, minutes_source = _length(protocol, minutes, rate, notes)
        total = rate * minutes / 60 if minutes is not None else None
    else:
        total = dose * dosing_kg if per_kg else dose
        minutes, minutes_source = _length(protocol, minutes, None, notes)
        rate = uncapped = total * 60 / minutes if minutes is not None else None
    notes.extend(protocol.notes)
    bag = protocol.bag_mg_per_ml
    if bag is not None and bag != concentration:
        notes.append(f"This source's own bag holds {render.plain(bag)} mg/mL; the mL figures "
                     f"above are for the {render.plain(concentration)} mg/mL bag chosen.")

    # Per kg, the dose as asked for (before any cap, which is warned about on its own).
    quantities = {
        "mg/kg/h": _per(uncapped, dosing_kg), "mg/h": rate, "mg/kg": _per(total, dosing_kg),
        "mg": total, "minutes": minutes,
    }
    warnings: list[Warning] = []
    if capped:
        warnings.append(Warning(
            "protocol-cap",
            f"{amount_text(uncapped, 'mg/h')} is above this protocol's maximum "
            f"({cap.text}); the rate shown is capped at {amount_text(rate, 'mg/h')}.",
            protocol.reference,
        ))
    lines = compared_lines(protocol)
    for line in lines:
        warning = check_line(line, quantities, actual_kg)
        if warning:
            warnings.append(warning)

    values = {
        "protocol": protocol.id,
        "protocol_title": protocol.title,
        "dose": dose,
        "dose_unit": dose_unit,
        "dose_source": dose_source,
        "minutes": minutes,
        "minutes_source": minutes_source,
        "weight_unit": unit,
        "actual_weight_kg": actual_kg,
        "height_cm": height,
        "sex": sex or None,
        "ideal_weight_kg": ideal,
        "adjusted_weight_kg": adjusted,
        "basis": basis,
        "basis_used": basis_used,
        "dosing_weight_kg": dosing_kg,
        "concentration_mg_per_ml": concentration,
        "rate_mg_per_h": rate,
        "rate_ml_per_h": _per(rate, concentration),
        "total_mg": total,
        "volume_ml": _per(total, concentration),
        "capped": capped,
        "cap_mg_per_h": cap.mg_per_h if cap else None,
        "uncapped_rate_mg_per_h": uncapped,
        "dose_per_kg_actual": _per(uncapped if kind == "continuous" else total, actual_kg),
        "position": position(dose_unit if per_kg else "mg/h", quantities, lines, actual_kg),
        "notes": notes,
    }
    devine_ref = [data.load()["devine"]["reference"]] if ideal is not None else []
    ref_ids = schema.citation_ids(
        warnings, protocol.reference, *devine_ref, *(p["reference"] for p in values["position"])
    )
    return Result(values, warnings, {}, _html(values, protocol, warnings, ref_ids), ref_ids)


def _per(amount: float | None, by: float) -> float | None:
    return None if amount is None else amount / by


def compared_lines(protocol: Protocol) -> list[Line]:
    """The protocol's own lines (its dose, caps, length and extra lines), then the general
    published lines for its use and kind from other references."""
    ref = protocol.reference
    own = []
    if protocol.dose_max is not None:
        low = protocol.dose_min if protocol.dose_min != protocol.dose_max else None
        own.append(Line("protocol-dose", protocol.dose_unit, "this protocol's published dose",
                        ref, low=low, high=protocol.dose_max, bound_text=protocol.dose_text))
    own += [Line("protocol-cap", "mg/h", "this protocol's maximum rate", ref, high=cap.mg_per_h,
                 bound_text=cap.text, weight_above_kg=cap.weight_above_kg,
                 weight_at_most_kg=cap.weight_at_most_kg) for cap in protocol.caps]
    if protocol.minutes_max is not None:
        own.append(Line("protocol-length", "minutes", "this protocol's published length", ref,
                        high=protocol.minutes_max))
    if protocol.kind == "over-minutes" and protocol.minutes_min is not None:
        # Given over fewer minutes, the same dose runs faster: falling short of it is a warning.
        own.append(Line("protocol-length-short", "minutes", "this protocol's published length",
                        ref, low=protocol.minutes_min))
    general = [
        line for line in data.lines()
        if line.kind == protocol.kind and line.use == protocol.use and line.reference != ref
    ]
    return own + list(protocol.lines) + general


def amount_text(value: float, quantity: str) -> str:
    """A value of a quantity, as shown in a message."""
    shown_unit = QUANTITY_UNITS[quantity]
    if quantity in ("mg/h", "mg"):
        return f"{render.amount(value)} {shown_unit}"
    if quantity == "minutes":
        return f"{render.plain(value)} {shown_unit}"
    return f"{render.plain(float(f'{value:.3g}'))} {shown_unit}"


def _below(value: float, bound: float) -> bool:
    return value < bound - 1e-9 * max(1.0, abs(bound))


def _above(value: float, bound: float) -> bool:
    return value > bound + 1e-9 * max(1.0, abs(bound))


def bound_text(line: Line) -> str:
    """A line's bound in words: 0.5 to 2 mg/kg/h, at most 1 mg/kg/h, at least 80 mg."""
    unit = QUANTITY_UNITS[line.quantity]
    low, high = line.low, line.high
    if line.bound_text:
        return line.bound_text
    if low is not None and high is not None:
        return f"{render.plain(low)} to {render.plain(high)} {unit}"
    if high is not None:
        return f"at most {render.plain(high)} {unit}"
    return f"at least {render.plain(low)} {unit}"


def check_line(line: Line, quantities: dict, actual_kg: float) -> Warning | None:
    """A warning when the value crosses an upper line, or falls short of a minimum (a line with
    no top). Per kg, the dose is per kg of the dosing weight, which is never above the actual
    weight: so it is never less than the dose per kg of actual weight, and a per-kg line held
    here holds per kg of actual weight too."""
    quantity = line.quantity
    value = quantities[quantity]
    if not line.applies(actual_kg) or value is None:
        return None
    low, high = line.low, line.high
    if high is not None and _above(value, high):
        direction = "above"
    elif high is None and low is not None and _below(value, low):
        direction = "below"
    else:
        return None
    return Warning(
        line.code,
        f"{amount_text(value, quantity)} is {direction} {line.label} ({bound_text(line)}).",
        line.reference,
    )


def position(quantity: str, quantities: dict, lines: list[Line], actual_kg: float) -> list[dict]:
    """Where the dose sits among the published lines on its own quantity: information only."""
    value = quantities[quantity]
    if value is None:
        return []
    placed = []
    for line in lines:
        if line.quantity != quantity or not line.applies(actual_kg):
            continue
        low, high = line.low, line.high
        if low is not None and _below(value, low):
            where = "below"
        elif high is not None and _above(value, high):
            where = "above"
        elif high is not None and not _below(value, high):
            where = "at"
        else:
            where = "within"
        placed.append({"label": line.label, "bound": bound_text(line), "where": where,
                       "low": low, "high": high, "reference": line.reference})
    return placed


def _kg(values: dict, value: float) -> str:
    """A weight in kg, with pounds when the reader gave pounds."""
    shown = f"{render.weight(value)} kg"
    if values["weight_unit"] == "lb":
        shown += f" ({render.weight(value / data.load()['units']['kg_per_lb'])} lb)"
    return shown


def _weights_side_by_side(values: dict) -> list[tuple[str, str]]:
    if values["ideal_weight_kg"] is None:
        return []
    return [(label, _kg(values, values[key])) for label, key in (
        ("Actual", "actual_weight_kg"), ("Ideal (Devine)", "ideal_weight_kg"),
        ("Adjusted", "adjusted_weight_kg"))]


def _rows(values: dict, missing: str) -> list[tuple[str, str]]:
    """The figures of the result, as (term, detail): the same for the page and the terminal."""
    amount, plain = render.amount, render.plain
    unit, rate, total, minutes = (values[key] for key in (
        "dose_unit", "rate_mg_per_h", "total_mg", "minutes"))
    conc = plain(values["concentration_mg_per_ml"])
    rate_text = missing
    if rate is not None:
        rate_text = f"{amount(rate)} mg/h; {amount(values['rate_ml_per_h'])} mL/h at {conc} mg/mL ({PUMP})"
        if values["capped"]:
            rate_text += f"; capped, {amount(values['uncapped_rate_mg_per_h'])} mg/h before the cap"
    dosing = (f"{_kg(values, values['dosing_weight_kg'])} ({BASIS_WORDS[values['basis_used']]})"
              if unit in PER_KG else
              f"not used: a fixed rate in mg/h (actual weight {_kg(values, values['actual_weight_kg'])})")
    return [
        ("Protocol", values["protocol_title"]),
        ("Dosing weight", dosing),
        ("Dose", f"{plain(values['dose'])} {unit}"
         + (" (a different dose to compare)" if values["dose_source"] == "custom" else "")),
        ("Length", missing if minutes is None else f"{plain(minutes)} min"
         + (f" ({hours(minutes)})" if minutes >= 60 else "")),
        ("Rate", rate_text),
        ("Total", missing if total is None else f"{amount(total)} mg, {amount(values['volume_ml'])} mL"),
    ]


def _html(values: dict, protocol: Protocol, warnings: list[Warning], ref_ids: list[str]) -> str:
    weights = ""
    if side_by_side := _weights_side_by_side(values):
        head = "".join(f'<th scope="col">{escape(label)}</th>' for label, _ in side_by_side)
        body = "".join(f"<td>{escape(shown)}</td>" for _, shown in side_by_side)
        weights = (
            '<table class="calculator-weights"><caption>Body weights side by side</caption>'
            f"<thead><tr>{head}</tr></thead><tbody><tr>{body}</tr></tbody></table>"
        )
    listing = "".join(
        f"<div><dt>{escape(term)}</dt><dd>{escape(detail)}</dd></div>"
        for term, detail in _rows(values, "not worked out: enter a length")
    )
    return (
        '<div class="calculator-result">'
        f"{weights}"
        f'<dl class="calculator-values">{listing}</dl>'
        f'<p class="calculator-formula">Formula: {escape(_formula(values, protocol))}</p>'
        f"{render.note_list(values['notes'])}"
        f"{render.warning_list(warnings, 'Compared with published lines')}"
        f"{_position_html(values)}"
        f"{render.reference_list(ref_ids)}"
        "</div>"
    )


def _position_html(values: dict) -> str:
    quantity = values["dose_unit"] if values["dose_unit"] in PER_KG else "mg/h"
    value = {"mg/kg/h": _per(values["uncapped_rate_mg_per_h"], values["dosing_weight_kg"]),
             "mg/kg": _per(values["total_mg"], values["dosing_weight_kg"]),
             "mg/h": values["rate_mg_per_h"]}[quantity]
    if value is None:
        return ""
    return render.position(values["position"], value, amount_text(value, quantity))


def _formula(values: dict, protocol: Protocol) -> str:
    amount, weight, plain = render.amount, render.weight, render.plain
    conc = plain(values["concentration_mg_per_ml"])
    dose, unit, minutes = values["dose"], values["dose_unit"], values["minutes"]
    rate, total = values["rate_mg_per_h"], values["total_mg"]
    steps = []
    if protocol.kind == "over-minutes":
        steps.append(f"{plain(dose)} mg/kg × {weight(values['dosing_weight_kg'])} kg = {amount(total)} mg")
        if minutes is not None:
            steps.append(f"{amount(total)} mg × 60 ÷ {plain(minutes)} min = {amount(rate)} mg/h")
    else:
        start = (f"{plain(dose)} mg/kg/h × {weight(values['dosing_weight_kg'])} kg = "
                 f"{amount(values['uncapped_rate_mg_per_h'])} mg/h"
                 if unit == "mg/kg/h" else f"{amount(values['uncapped_rate_mg_per_h'])} mg/h")
        if values["capped"]:
            start += f", capped at {amount(rate)} mg/h"
        if unit == "mg/kg/h" or values["capped"]:  # a fixed rate needs no step of its own
            steps.append(start)
        if minutes is not None:
            steps.append(f"{amount(rate)} mg/h × {plain(minutes)} min ÷ 60 = {amount(total)} mg")
    if total is not None:
        steps.append(f"{amount(total)} mg ÷ {conc} mg/mL = {amount(values['volume_ml'])} mL")
    if rate is not None:
        steps.append(f"{amount(rate)} mg/h ÷ {conc} mg/mL = {amount(values['rate_ml_per_h'])} mL/h")
    return "; ".join(steps) + "."


def text(result: Result) -> list[str]:
    """The result as lines for a terminal: the same figures as the page."""
    v = result.values
    lines = [render.FRAMING, ""]
    if side_by_side := _weights_side_by_side(v):
        lines.append("Weights: " + ", ".join(f"{label} {shown}" for label, shown in side_by_side))
    lines += [f"{term}: {detail}" for term, detail in _rows(v, "not worked out: give --minutes")]
    lines.append(f"Formula: {_formula(v, data.protocols()[v['protocol']])}")
    lines += [f"Where it sits: {p['where']} {p['label']} ({p['bound']})" for p in v["position"]]
    return lines + [""] + render.text_tail(result, "Compared with published lines")
