"""Command line: python -m calculators protocols|dose|schedule|... (the only module with I/O).

Each calculator's options are generated from its declared inputs (the flag is the input's
name with "-" for "_"; the help is its label, unit, help and choices) and its download actions
(`--ics FILE`). Every option is taken as text and checked by the calculator, so a bad value gets
the calculator's own message. Exit 0 with the result; exit 2 with a line per problem on stderr.
"""

import argparse
import dataclasses
import datetime
import json
import sys

import calculators
from calculators import data
from calculators.messages import say
from calculators.tables import dose_range

FRAMING = say("framing")


def _help(field) -> str:
    label = field.label + (f", in {field.unit}" if field.unit else "")
    words = [label if label.endswith(("?", ".")) else label + "."]
    if field.help:
        words.append(field.help)
    if field.metavar and field.choices:
        words.append("One of: " + ", ".join(value for value, _ in field.choices) + ".")
    if field.required and not field.absent_default:
        words.append("Required.")
    elif field.default:
        words.append(f"Default: {field.default}.")
    return " ".join(words).replace("%", "%%")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m calculators",
        description="Illustrative ketamine dose and schedule calculators. " + FRAMING,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    protocols = commands.add_parser("protocols", help="list the published protocols")
    protocols.add_argument("--json", action="store_true", help="print one JSON object")
    for name in calculators.names():
        calc = calculators.get(name)
        command = commands.add_parser(name, help=calc.summary,
                                      description=f"{calc.title}. {FRAMING}")
        for field in calc.inputs:
            command.add_argument(field.flag, metavar=field.cli_value, help=_help(field))
        for action in calc.actions:
            if action.kind == "download":
                command.add_argument(f"--{action.export}", metavar="FILE",
                                     help=f"Also write the result to FILE: {action.label}.")
        command.add_argument("--json", action="store_true", help="print one JSON object")
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
    written = []
    for action in calc.actions:
        path = options.get(action.export) if action.kind == "download" else None
        if not path:
            continue
        try:
            with open(path, "w", encoding="utf-8", newline="") as file:
                file.write(calc.export(action.export, fields, datetime.datetime.now(datetime.UTC)))
        except OSError as error:
            print(f"{action.export}: cannot write {path}: {error.strerror}", file=sys.stderr)
            return 2
        written.append(f"Written to {path}: {action.label}.")
    if args.json:
        print(json.dumps({
            **result.values,
            "warnings": result.to_dict()["warnings"],
            "references": result.references,
            "framing": FRAMING,
            "limitations": list(calc.limitations),
        }, indent=2))
    else:
        limits = ["", say("cli.limitations"), *(f"  - {line}" for line in calc.limitations)]
        print("\n".join(calc.text(result) + limits + written))
    return 0


def _protocols(as_json: bool) -> int:
    protocols = list(data.protocols().values())
    if as_json:
        shown = [{key: value for key, value in dataclasses.asdict(p).items()
                  if value not in (None, "", [], ())} for p in protocols]
        print(json.dumps({"protocols": shown}, indent=2))
        return 0
    lines = [FRAMING, data.load()["scope"]["s_ketamine"], ""]
    for protocol in protocols:
        offered = "in the dose calculator" if protocol.offered else "reference only"
        lines += [
            f"{protocol.id}  ({offered})",
            f"  {protocol.title}; {protocol.condition}; {protocol.route}",
            f"  dose: {protocol.dose_text}; published range: {dose_range(protocol)}",
            f"  length: {protocol.length_text}; course: {protocol.course}",
        ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
