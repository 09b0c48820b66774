"""Command line: python -m calculators protocols|dose|schedule ... (the only module with I/O).

Every option is taken as text and checked by the calculator, so a bad value gets the
calculator's own message. Exit 0 with the result; exit 2 with a line per problem on stderr.
"""

import argparse
import datetime
import json
import sys

import calculators
from calculators import data, render
from calculators.dose import BASIS_WORDS, PUMP
from calculators.schedule import long_date
from calculators.tables import dose_range

FRAMING = render.FRAMING
ALL_WEEKDAYS = "mon,tue,wed,thu,fri"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m calculators",
        description="Illustrative ketamine dose and schedule calculators. " + FRAMING,
    )
    commands = parser.add_subparsers(dest="command", required=True)

    protocols = commands.add_parser("protocols", help="list the published protocols")
    protocols.add_argument("--json", action="store_true", help="print one JSON object")

    dose = commands.add_parser("dose", help="work out a published protocol's dose")
    dose.add_argument("--weight", metavar="W", help="body weight (required)")
    dose.add_argument("--unit", metavar="kg|lb")
    dose.add_argument("--height-cm", metavar="H")
    dose.add_argument("--sex", metavar="female|male")
    dose.add_argument("--basis", metavar="actual|ideal|adjusted")
    dose.add_argument("--protocol", metavar="ID", help="a protocol id (required; see protocols)")
    dose.add_argument("--dose", metavar="D", help="your own dose, in the protocol's unit")
    dose.add_argument("--minutes", metavar="M")
    dose.add_argument("--concentration", metavar="C", help="bag strength in mg/mL: 1 or 2")
    dose.add_argument("--json", action="store_true", help="print one JSON object")

    plan = commands.add_parser("schedule", help="plan dated infusions from a clinic's schedule")
    plan.add_argument("--start", metavar="YYYY-MM-DD", help="start date (required)")
    plan.add_argument("--loading", metavar="N")
    plan.add_argument("--titration", metavar="N", help="adjustment infusions")
    plan.add_argument("--maintenance-weeks", metavar="N")
    plan.add_argument("--months", metavar="N")
    plan.add_argument("--open-days", metavar="mon,tue,wed,thu,fri", default=ALL_WEEKDAYS)
    plan.add_argument("--json", action="store_true", help="print one JSON object")
    plan.add_argument("--ics", metavar="FILE", help="also write the plan as an iCalendar file")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "protocols":
        return _protocols(args.json)
    calc = calculators.get(args.command)
    options = vars(args)
    fields = {f.name: options[f.name] for f in calc.inputs if options.get(f.name) is not None}
    result = calc.compute(fields)
    if not result.ok:
        for field, message in result.errors.items():
            print(f"{field}: {message}", file=sys.stderr)
        return 2
    if args.command == "schedule" and args.ics:
        now = datetime.datetime.now(datetime.UTC)
        try:
            with open(args.ics, "w", encoding="utf-8", newline="") as file:
                file.write(calculators.schedule_ics(fields, now))
        except OSError as error:
            print(f"ics: cannot write {args.ics}: {error.strerror}", file=sys.stderr)
            return 2
    if args.json:
        print(json.dumps({
            **result.values,
            "warnings": result.to_dict()["warnings"],
            "references": result.references,
        }, indent=2))
    else:
        lines = _dose_text(result) if args.command == "dose" else _schedule_text(result)
        if args.command == "schedule" and args.ics:
            lines.append(f"Calendar written to {args.ics}.")
        print("\n".join(lines))
    return 0


def _protocols(as_json: bool) -> int:
    protocols = list(data.protocols().values())
    if as_json:
        print(json.dumps({"protocols": protocols}, indent=2))
        return 0
    lines = [FRAMING, ""]
    for protocol in protocols:
        offered = "in the dose calculator" if protocol["offered"] else "reference only"
        lines += [
            f"{protocol['id']}  ({offered})",
            f"  {protocol['title']}; {protocol['condition']}; {protocol['route']}",
            f"  dose: {protocol['dose_text']}; published range: {dose_range(protocol)}",
            f"  length: {protocol['length_text']}; course: {protocol['course']}",
        ]
    print("\n".join(lines))
    return 0


def _shared_text(result: calculators.Result, warnings_title: str) -> list[str]:
    refs = data.references()
    lines = [f"Note: {note}" for note in result.values["notes"]]
    if result.warnings:
        lines.append(f"{warnings_title}:")
        lines += [f"  - {w.message} ({refs[w.reference]['short']})" for w in result.warnings]
    lines.append("References:")
    for ref_id in result.references:
        doi = f" doi:{refs[ref_id]['doi']}" if "doi" in refs[ref_id] else ""
        lines.append(f"  [{ref_id}] {refs[ref_id]['citation']}{doi}")
    return lines


def _dose_text(result: calculators.Result) -> list[str]:
    v = result.values
    amount, weight, plain = render.amount, render.weight, render.plain
    conc = plain(v["concentration_mg_per_ml"])
    missing = "not worked out: give --minutes"
    lines = [FRAMING, "", f"Protocol: {v['protocol_title']} ({v['protocol']})"]
    if v["ideal_weight_kg"] is not None:
        lines.append(f"Weights: actual {weight(v['actual_weight_kg'])} kg, "
                     f"ideal {weight(v['ideal_weight_kg'])} kg, "
                     f"adjusted {weight(v['adjusted_weight_kg'])} kg")
    length = missing if v["minutes"] is None else f"{plain(v['minutes'])} min"
    rate = missing if v["rate_mg_per_h"] is None else (
        f"{amount(v['rate_mg_per_h'])} mg/h = {amount(v['rate_ml_per_h'])} mL/h at {conc} mg/mL"
        + (" (capped)" if v["capped"] else "") + f" ({PUMP})")
    total = missing if v["total_mg"] is None else (
        f"{amount(v['total_mg'])} mg = {amount(v['volume_ml'])} mL")
    lines += [
        f"Dosing weight: {weight(v['dosing_weight_kg'])} kg ({BASIS_WORDS[v['basis_used']]})",
        f"Dose: {plain(v['dose'])} {v['dose_unit']}"
        + (" (a different dose to compare)" if v["dose_source"] == "custom" else ""),
        f"Length: {length}",
        f"Rate: {rate}",
        f"Total: {total}",
    ]
    for place in v["position"]:
        lines.append(f"Where it sits: {place['where']} {place['label']} ({place['bound']})")
    return lines + [""] + _shared_text(result, "Compared with published lines")


def _schedule_text(result: calculators.Result) -> list[str]:
    v = result.values
    lines = [FRAMING, "", f"Plan from {v['start']} to {v['horizon_end']}:"]
    for number, session in enumerate(v["sessions"], start=1):
        day = datetime.date.fromisoformat(session["date"])
        lines.append(f"  {number:>2}. {session['date']}  {long_date(day)}  {session['phase']}")
        if number == v["review_after"]:
            lines.append(f"      {v['review']}")
    lines.append("")
    return lines + _shared_text(result, "Compared with the clinic schedule")


if __name__ == "__main__":
    sys.exit(main())
