"""Dose calculator: a published protocol's dose worked out for one weight (an illustration).

Every clinical number comes from the data file; this module only does the arithmetic:
mg/h = mg/kg/h x kg; mL/h = mg/h / (mg/mL); a dose over T minutes: mg = mg/kg x kg,
rate = mg x 60 / T.
"""

from collections.abc import Mapping

from calculators import data, render, schema
from calculators.render import escape
from calculators.schema import Input, Result, Warning

name = "dose"
title = "Ketamine infusion dose (an illustration)"

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


def _usual_dose(protocol: dict) -> str:
    unit = protocol["dose_unit"]
    if "dose" in protocol:
        return f"{render.plain(protocol['dose'])} {unit}"
    low, high = render.plain(protocol["dose_min"]), render.plain(protocol["dose_max"])
    return f"{low} {unit}, the lower end of the published {low}-{high} {unit}"


def _devine_start() -> str:
    """The height the Devine formula starts at, in cm and inches."""
    height = data.load()["devine"]["from_height_cm"]
    inches = height / data.load()["units"]["cm_per_inch"]
    return f"{render.plain(height)} cm ({render.plain(inches)} in)"


def _protocol_choices() -> tuple[tuple[str, str], ...]:
    return tuple(
        (pid, f"{p['title']} ({_usual_dose(p)})") for pid, p in data.offered_protocols().items()
    )


def _concentration_choices() -> tuple[tuple[str, str], ...]:
    bags = data.load()["bags"]
    return tuple(
        (render.plain(c), f"{render.plain(c)} mg/mL ({made_up})")
        for c, made_up in zip(bags["concentrations_mg_per_ml"], bags["descriptions"], strict=True)
    )


def _inputs() -> tuple[Input, ...]:
    limits = data.limits()
    example = data.load()["worked_example"]
    devine = data.load()["devine"]
    return (
        Input(
            "weight", "Weight", "number", "", *limits["weight_kg"], 0.1,
            default=render.plain(example["weight_kg"]), required=True,
            help="Body weight, in the unit chosen below. There is no default: "
            "a dose needs a real weight.",
        ),
        Input("unit", "Weight unit", "select", default="kg", choices=UNITS,
              help=f"Kilograms or pounds (1 lb = {data.load()['units']['kg_per_lb']} kg, exactly)."),
        Input(
            "height_cm", "Height", "number", "cm", *limits["height_cm"], 0.1,
            help="Optional. With sex, it gives the ideal (Devine) and adjusted body weights, "
            f"which are defined from {_devine_start()}.",
        ),
        Input("sex", "Sex, for the ideal-weight formula", "select", default="", choices=SEXES,
              help="Optional; needed with height for the ideal and adjusted weights."),
        Input("basis", "Dose by", "select", default="actual", choices=BASES,
              help="Which weight the dose is worked out from. No ketamine-specific rule "
              "says which to use."),
        Input("protocol", "Published protocol", "select", default=example["protocol"],
              choices=_protocol_choices(), required=True,
              help="The dose, length and limits come from this published protocol."),
        Input("dose", "Dose", "number", "", 0, None, 0.01,
              help="Leave blank for the protocol's usual dose. A number is your own dose in the "
              "protocol's unit (mg/kg/h, mg/h or mg/kg), compared with the published lines."),
        Input("minutes", "Length", "number", "min", *limits["minutes"], 1,
              help="Leave blank for the protocol's usual length."),
        Input("concentration", "Bag strength", "select", "mg/mL", default="1",
              choices=_concentration_choices(),
              help="Milligrams of ketamine in each millilitre of the bag."),
    )


inputs = _inputs()


def default_fields(today=None) -> dict[str, str]:
    """The worked example the form shows before the reader changes anything (`today` unused)."""
    return {field.name: field.default for field in inputs}


def compute(fields: Mapping[str, str]) -> Result:
    """Work out the illustration from raw form text; bad input gives field errors, never raises."""
    fields = fields if isinstance(fields, Mapping) else {}
    errors: dict[str, str] = {}
    reader = _Reader(fields, errors)
    unit = reader.choice("unit", UNITS, "Choose kg or lb for the weight unit.")
    actual_kg = reader.weight(unit)
    height = reader.height()
    sex = reader.choice("sex", SEXES, "Choose female or male, or leave sex blank.")
    basis = reader.choice("basis", BASES, "Choose actual, ideal or adjusted weight.")
    protocol = reader.protocol()
    concentration = reader.concentration()
    dose = reader.dose(protocol)
    minutes = reader.minutes(protocol)
    reader.basis_needs(basis, height, sex)
    if errors:
        ordered = {f.name: errors[f.name] for f in inputs if f.name in errors}
        return Result({}, [], ordered, render.error_summary(name, inputs, ordered), [])
    return _work_out(actual_kg, unit, height, sex, basis, protocol, dose, minutes, concentration)


class _Reader:
    """Reads and checks each raw field, recording a specific message per problem."""

    def __init__(self, fields: Mapping, errors: dict[str, str]):
        self.fields, self.errors = fields, errors
        self.limits = data.limits()

    def text(self, field: str) -> str:
        return schema.text(self.fields, field)

    def choice(self, field: str, choices, message: str) -> str:
        raw = self.text(field)
        default = next(f.default for f in inputs if f.name == field)
        if raw == "":
            return default
        if raw not in {value for value, _ in choices}:
            self.errors[field] = message
            return default
        return raw

    def weight(self, unit: str) -> float | None:
        value = schema.decimal(self.text("weight"))
        if value is None:
            self.errors["weight"] = "Enter the weight as a number, for example 70."
            return None
        kg = value * data.load()["units"]["kg_per_lb"] if unit == "lb" else value
        low, high = self.limits["weight_kg"]
        if not low <= kg <= high:
            per_lb = data.load()["units"]["kg_per_lb"]
            self.errors["weight"] = (
                f"Weight must be between {render.plain(low)} and {render.plain(high)} kg "
                f"(about {low / per_lb:.1f} to {high / per_lb:.1f} lb)."
            )
            return None
        return kg

    def height(self) -> float | None:
        raw = self.text("height_cm")
        if raw == "":
            return None
        value = schema.decimal(raw)
        low, high = self.limits["height_cm"]
        if value is None:
            self.errors["height_cm"] = "Enter the height in centimetres as a number, for example 170."
        elif not low <= value <= high:
            self.errors["height_cm"] = (
                f"Height must be between {render.plain(low)} and {render.plain(high)} cm."
            )
        else:
            return value
        return None

    def protocol(self) -> dict | None:
        raw = self.text("protocol")
        offered = data.offered_protocols()
        if raw == "":
            self.errors["protocol"] = "Choose a published protocol from the list."
        elif raw not in offered:
            self.errors["protocol"] = (
                "That protocol is not one the calculator offers; choose one from the list."
            )
        else:
            return offered[raw]
        return None

    def concentration(self) -> float | None:
        raw = self.text("concentration") or next(f.default for f in inputs if f.name == "concentration")
        choices = {float(value): value for value, _ in _concentration_choices()}
        value = schema.decimal(raw)
        if value is None or value not in choices:
            shown = " or ".join(choices.values())
            self.errors["concentration"] = f"Choose a bag strength of {shown} mg/mL."
            return None
        return value

    def dose(self, protocol: dict | None) -> float | None:
        raw = self.text("dose")
        if raw == "":
            return None
        value = schema.decimal(raw)
        unit = protocol["dose_unit"] if protocol else None
        if value is None:
            in_unit = f" in {unit}" if unit else ""
            self.errors["dose"] = (
                f"Enter the dose as a number{in_unit}, or leave it blank for the protocol's dose."
            )
        elif value <= 0:
            self.errors["dose"] = "The dose must be more than 0; leave it blank for the protocol's dose."
        elif unit and value > self.limits["dose_max"][unit]:
            high = render.plain(self.limits["dose_max"][unit])
            self.errors["dose"] = f"A dose above {high} {unit} is not a dose this page can show."
        else:
            return value
        return None

    def minutes(self, protocol: dict | None) -> float | None:
        raw = self.text("minutes")
        low, high = self.limits["minutes"]
        if raw == "":
            if protocol and "minutes" not in protocol and "minutes_min" not in protocol:
                self.errors["minutes"] = (
                    "This protocol gives no infusion length; enter the length in minutes."
                )
            return None
        value = schema.decimal(raw)
        if value is None:
            self.errors["minutes"] = "Enter the length in minutes as a number, for example 40."
        elif not low <= value <= high:
            self.errors["minutes"] = (
                f"The length must be between {render.plain(low)} and {render.plain(high)} minutes."
            )
        else:
            return value
        return None

    def basis_needs(self, basis: str, height: float | None, sex: str) -> None:
        if basis == "actual":
            return
        devine = data.load()["devine"]
        words = BASIS_WORDS[basis]
        if "height_cm" not in self.errors:
            if height is None:
                self.errors["height_cm"] = f"Enter the height in cm to dose by {words}."
            elif height < devine["from_height_cm"]:
                self.errors["height_cm"] = (
                    f"The Devine ideal-weight formula does not apply below {_devine_start()}; "
                    "dose by actual weight instead."
                )
        if sex == "" and "sex" not in self.errors:
            self.errors["sex"] = f"Choose female or male to dose by {words}."


def ideal_weight(height_cm: float, sex: str) -> float | None:
    """Devine ideal body weight in kg, or None below the height the formula starts at."""
    devine = data.load()["devine"]
    if height_cm < devine["from_height_cm"]:
        return None
    base = devine["male_base_kg"] if sex == "male" else devine["female_base_kg"]
    return base + devine["kg_per_cm"] * (height_cm - devine["from_height_cm"])


def adjusted_weight(actual_kg: float, ideal_kg: float) -> float:
    return ideal_kg + data.load()["adjusted_weight"]["factor"] * (actual_kg - ideal_kg)


def _cap(protocol: dict, actual_kg: float) -> dict | None:
    """The protocol's own maximum rate that applies at this weight (the lowest), if any."""
    applies = [
        cap for cap in protocol.get("caps", [])
        if actual_kg > cap.get("weight_above_kg", float("-inf"))
        and actual_kg <= cap.get("weight_at_most_kg", float("inf"))
    ]
    return min(applies, key=lambda cap: cap["mg_per_h"], default=None)


def _work_out(actual_kg, unit, height, sex, basis, protocol, dose, minutes, concentration):
    notes: list[str] = []
    refs = data.references()
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
    dosing_kg = {"actual": actual_kg, "ideal": ideal, "adjusted": adjusted}[basis]
    if basis == "adjusted":
        low, high = data.load()["adjusted_weight"]["conventional_excess_percent"]
        excess = (actual_kg / ideal - 1) * 100
        if excess < low:
            notes.append(
                f"Adjusted weight is conventionally used when the actual weight exceeds the ideal "
                f"by {low}-{high}%; here it is {excess:+.0f}%."
            )

    pid, dose_unit, kind = protocol["id"], protocol["dose_unit"], protocol["kind"]
    source = refs[protocol["reference"]]["short"]
    if dose is None:
        if "dose" in protocol:
            dose, dose_source = protocol["dose"], "protocol"
            notes.append(f"Dose: {render.plain(dose)} {dose_unit}, {protocol['dose_note']} ({source}).")
        else:
            dose, dose_source = protocol["dose_min"], "protocol-range-lower-end"
            notes.append(
                f"No typical dose is published; the lower end of the published range "
                f"({render.plain(protocol['dose_min'])}-{render.plain(protocol['dose_max'])} "
                f"{dose_unit}, {source}) is used."
            )
    else:
        dose_source = "custom"
    if minutes is None:
        if "minutes" in protocol:
            minutes, minutes_source = protocol["minutes"], "protocol"
            shown = f"{render.plain(minutes)} min"
            said = "" if protocol["length_text"] == shown else f" ({protocol['length_text']})"
            notes.append(f"Length: {shown}, as published{said}.")
        else:
            minutes, minutes_source = protocol["minutes_min"], "protocol-range-lower-end"
            notes.append(
                f"No usual length is published; the lower end of the published "
                f"{protocol['length_text']} ({render.plain(minutes)} min) is used."
            )
    else:
        minutes_source = "custom"
    notes.extend(protocol.get("notes", []))

    cap = None
    if kind == "continuous":
        rate = dose * dosing_kg if dose_unit == "mg/kg/h" else dose
        uncapped = rate
        cap = _cap(protocol, actual_kg)
        capped = cap is not None and rate > cap["mg_per_h"]
        if capped:
            rate = float(cap["mg_per_h"])
        total = rate * minutes / 60
    else:
        total = dose * dosing_kg
        rate = uncapped = total * 60 / minutes
        capped = False
    volume = total / concentration
    rate_ml = rate / concentration

    quantities = {
        "mg/kg/h": dose if dose_unit == "mg/kg/h" and not capped else rate / dosing_kg,
        "mg/h": rate,
        "mg/kg": dose if dose_unit == "mg/kg" else total / dosing_kg,
        "mg": total,
        "minutes": minutes,
    }
    warnings: list[Warning] = []
    if capped:
        warnings.append(Warning(
            "protocol-cap",
            f"{amount_text(uncapped, 'mg/h')} is above this protocol's maximum "
            f"({cap['text']}); the rate shown is capped at {amount_text(rate, 'mg/h')}.",
            protocol["reference"],
        ))
    warnings.extend(_own_range_warnings(protocol, dose, minutes))
    own_lines = [{**line, "reference": protocol["reference"]} for line in protocol.get("lines", [])]
    general = [
        line for line in data.lines()
        if line["kind"] == kind and line["use"] == protocol["use"]
        and line["reference"] != protocol["reference"]
    ]
    for line in own_lines + general:
        warning = check_line(line, quantities, actual_kg)
        if warning:
            warnings.append(warning)

    values = {
        "protocol": pid,
        "protocol_title": protocol["title"],
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
        "dosing_weight_kg": dosing_kg,
        "concentration_mg_per_ml": concentration,
        "rate_mg_per_h": rate,
        "rate_ml_per_h": rate_ml,
        "total_mg": total,
        "volume_ml": volume,
        "capped": capped,
        "cap_mg_per_h": cap["mg_per_h"] if cap else None,
        "uncapped_rate_mg_per_h": uncapped,
        "notes": notes,
    }
    ref_ids = schema.citation_ids(
        warnings, protocol["reference"], *([devine["reference"]] if ideal is not None else [])
    )
    return Result(values, warnings, {}, _html(values, protocol, warnings, ref_ids), ref_ids)


def amount_text(value: float, quantity: str) -> str:
    """A value of a quantity, as shown in a message."""
    shown_unit = QUANTITY_UNITS[quantity]
    if quantity in ("mg/h", "mg"):
        return f"{render.amount(value)} {shown_unit}"
    if quantity == "minutes":
        return f"{render.plain(value)} {shown_unit}"
    return f"{render.plain(float(f'{value:.3g}'))} {shown_unit}"


def _outside_low(value: float, bound: float) -> bool:
    return value < bound - 1e-9 * max(1.0, abs(bound))


def _outside_high(value: float, bound: float) -> bool:
    return value > bound + 1e-9 * max(1.0, abs(bound))


def check_line(line: dict, quantities: dict, actual_kg: float) -> Warning | None:
    """A warning when the value crosses a published line (which applies at this weight)."""
    if "weight_above_kg" in line and not actual_kg > line["weight_above_kg"]:
        return None
    if "weight_at_most_kg" in line and not actual_kg <= line["weight_at_most_kg"]:
        return None
    quantity = line["quantity"]
    value = quantities[quantity]
    shown_unit = QUANTITY_UNITS[quantity]
    low, high, more_than = line.get("low"), line.get("high"), line.get("more_than")
    if low is not None and high is not None:
        bound = f"{render.plain(low)} to {render.plain(high)} {shown_unit}"
    elif high is not None:
        bound = f"at most {render.plain(high)} {shown_unit}"
    elif low is not None:
        bound = f"at least {render.plain(low)} {shown_unit}"
    else:
        bound = f"more than {render.plain(more_than)} {shown_unit}"
    if low is not None and _outside_low(value, low):
        direction = "below"
    elif high is not None and _outside_high(value, high):
        direction = "above"
    elif more_than is not None and not _outside_high(value, more_than):
        direction = "not more than"
    else:
        return None
    return Warning(
        line["code"],
        f"{amount_text(value, quantity)} is {direction} {line['label']} ({bound}).",
        line["reference"],
    )


def _own_range_warnings(protocol: dict, dose: float, minutes: float) -> list[Warning]:
    warnings = []
    unit = protocol["dose_unit"]
    for code, value, low, high, shown_unit, what in (
        ("protocol-dose", dose, protocol.get("dose_min"), protocol.get("dose_max"), unit, "dose"),
        ("protocol-length", minutes, protocol.get("minutes_min"), protocol.get("minutes_max"),
         "min", "length"),
    ):
        if low is not None and high is not None and low == high:
            if _outside_low(value, low) or _outside_high(value, high):
                message = (f"{render.plain(value)} {shown_unit} differs from this protocol's "
                           f"published {what} ({render.plain(low)} {shown_unit}).")
            else:
                continue
        elif low is not None and _outside_low(value, low):
            message = (f"{render.plain(value)} {shown_unit} is below this protocol's published "
                       f"{what} range ({render.plain(low)} to {render.plain(high)} {shown_unit}).")
        elif high is not None and _outside_high(value, high):
            limit = (f"{render.plain(low)} to {render.plain(high)}" if low is not None
                     else f"up to {render.plain(high)}")
            message = (f"{render.plain(value)} {shown_unit} is above this protocol's published "
                       f"{what} ({limit} {shown_unit}).")
        else:
            continue
        warnings.append(Warning(code, message, protocol["reference"]))
    return warnings


def _html(values: dict, protocol: dict, warnings: list[Warning], ref_ids: list[str]) -> str:
    amount, weight, plain = render.amount, render.weight, render.plain
    per_lb = data.load()["units"]["kg_per_lb"]
    unit = values["dose_unit"]
    dosing_kg, rate, total = values["dosing_weight_kg"], values["rate_mg_per_h"], values["total_mg"]
    conc = plain(values["concentration_mg_per_ml"])

    def kg(value: float) -> str:
        shown = f"{weight(value)} kg"
        if values["weight_unit"] == "lb":
            shown += f" ({weight(value / per_lb)} lb)"
        return shown

    weights = ""
    if values["ideal_weight_kg"] is not None:
        cells = (
            ("Actual", values["actual_weight_kg"]),
            ("Ideal (Devine)", values["ideal_weight_kg"]),
            ("Adjusted", values["adjusted_weight_kg"]),
        )
        head = "".join(f'<th scope="col">{escape(label)}</th>' for label, _ in cells)
        body = "".join(f"<td>{escape(kg(value))}</td>" for _, value in cells)
        weights = (
            '<table class="calculator-weights"><caption>Body weights side by side</caption>'
            f"<thead><tr>{head}</tr></thead><tbody><tr>{body}</tr></tbody></table>"
        )

    rate_text = f"{amount(rate)} mg/h, {amount(values['rate_ml_per_h'])} mL/h at {conc} mg/mL"
    if values["capped"]:
        rate_text += f" (capped; {amount(values['uncapped_rate_mg_per_h'])} mg/h before the cap)"
    minutes = values["minutes"]
    rows = (
        ("Protocol", protocol["title"]),
        ("Dosing weight", f"{kg(dosing_kg)} ({BASIS_WORDS[values['basis']]})"),
        ("Dose", f"{plain(values['dose'])} {unit}"
         + (" (your own dose)" if values["dose_source"] == "custom" else "")),
        ("Length", f"{plain(minutes)} min ({plain(float(f'{minutes / 60:.3g}'))} h)"),
        ("Rate", rate_text),
        ("Total", f"{amount(total)} mg, {amount(values['volume_ml'])} mL"),
    )
    listing = "".join(
        f"<div><dt>{escape(term)}</dt><dd>{escape(detail)}</dd></div>" for term, detail in rows
    )

    ending = (f"{amount(total)} mg ÷ {conc} mg/mL = {amount(values['volume_ml'])} mL; "
              f"{amount(rate)} mg/h ÷ {conc} mg/mL = {amount(values['rate_ml_per_h'])} mL/h.")
    if protocol["kind"] == "over-minutes":
        formula = (f"{plain(values['dose'])} mg/kg × {weight(dosing_kg)} kg = {amount(total)} mg; "
                   f"{amount(total)} mg × 60 ÷ {plain(minutes)} min = {amount(rate)} mg/h; ")
    else:
        start = (f"{plain(values['dose'])} mg/kg/h × {weight(dosing_kg)} kg = "
                 f"{amount(values['uncapped_rate_mg_per_h'])} mg/h"
                 if unit == "mg/kg/h" else f"{amount(values['uncapped_rate_mg_per_h'])} mg/h")
        if values["capped"]:
            start += f", capped at {amount(rate)} mg/h"
        formula = f"{start}; {amount(rate)} mg/h × {plain(minutes)} min ÷ 60 = {amount(total)} mg; "
    formula += ending

    return (
        '<div class="calculator-result">'
        f"{weights}"
        f'<dl class="calculator-values">{listing}</dl>'
        f'<p class="calculator-formula">Formula: {escape(formula)}</p>'
        f"{render.note_list(values['notes'])}"
        f"{render.warning_list(warnings, 'Compared with published lines')}"
        f"{render.reference_list(ref_ids)}"
        "</div>"
    )
