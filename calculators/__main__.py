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
from calculators import data, messages, schema
from calculators.messages import N_, say
from calculators.tables import dose_range

# How the help introduces a field's values: one of them, or (a field that takes a list, such as
# the question list's ticks) any of them.
CHOICES_WORDS = {False: N_("cli.one-of"), True: N_("cli.any-of")}


def _help(field, lang: str) -> str:
    label, unit = field.say(field.label, lang), field.say(field.unit, lang)
    label = say("cli.label-in-unit", lang, label=label, unit=unit) if unit else label
    words = [label if label.endswith(("?", ".")) else say("cli.sentence", lang, words=label)]
    if field.help:
        words.append(field.say(field.help, lang))
    if field.metavar and field.choices:
        words.append(say(CHOICES_WORDS[field.several], lang, values=", ".join(
            value for value, _ in field.choices)))
    if field.required and not field.absent_default:
        words.append(say("cli.required", lang))
    elif field.default:
        words.append(say("cli.default", lang, default=field.default))
    return " ".join(words).replace("%", "%%")


def _language(argv: list[str] | None) -> str:
    """The language of the words (`--lang`, read before the parser is built in it)."""
    first = argparse.ArgumentParser(add_help=False)
    first.add_argument("--lang", choices=messages.LANGUAGES, default=messages.DEFAULT)
    known, _ = first.parse_known_args(argv)
    return known.lang


def _parser(lang: str) -> argparse.ArgumentParser:
    framing = say("framing", lang)
    parser = argparse.ArgumentParser(
        prog="python -m calculators",
        description=say("cli.description", lang, framing=framing),
    )
    parser.add_argument("--lang", choices=messages.LANGUAGES, default=messages.DEFAULT,
                        help=say("cli.lang", lang))
    commands = parser.add_subparsers(dest="command", required=True)
    protocols = commands.add_parser("protocols", help=say("cli.protocols", lang))
    protocols.add_argument("--json", action="store_true", help=say("cli.json", lang))
    for name in calculators.names():
        calc = calculators.get(name)
        command = commands.add_parser(
            name, help=say(calc.summary, lang),
            description=say("cli.calculator", lang, title=say(calc.title, lang),
                            framing=say(schema.framing(calc), lang)))
        for field in calc.inputs:
            command.add_argument(field.flag, metavar=field.cli_value, help=_help(field, lang))
        for action in calc.actions:
            if action.kind == "download":
                command.add_argument(f"--{action.export}", metavar="FILE", help=say(
                    "cli.download", lang, action=say(action.label, lang)).replace("%", "%%"))
        command.add_argument("--json", action="store_true", help=say("cli.json", lang))
    return parser


def main(argv: list[str] | None = None) -> int:
    lang = _language(argv)
    args = _parser(lang).parse_args(argv)
    if args.command == "protocols":
        return _protocols(args.json, lang)
    calc = calculators.get(args.command)
    options = vars(args)
    fields = {f.name: options[f.name] for f in calc.inputs if options.get(f.name) is not None}
    result = calc.compute(fields, lang)
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
                file.write(calc.export(action.export, fields,
                                       datetime.datetime.now(datetime.UTC), lang))
        except OSError as error:
            print(say("cli.cannot-write", lang, export=action.export, path=path,
                      reason=error.strerror), file=sys.stderr)
            return 2
        written.append(say("cli.written", lang, path=path, action=say(action.label, lang)))
    limitations = [say(line, lang) for line in calc.limitations]
    if args.json:
        print(json.dumps({
            **result.values,
            "warnings": result.to_dict()["warnings"],
            "references": result.references,
            "summary": result.summary,
            "framing": say(schema.framing(calc), lang),
            "limitations": limitations,
        }, indent=2))
    else:
        limits = ["", say("cli.limitations", lang), *(f"  - {line}" for line in limitations)]
        print("\n".join(calc.text(result, lang) + limits + written))
    return 0


def _protocols(as_json: bool, lang: str) -> int:
    protocols = list(data.protocols().values())
    if as_json:
        shown = [{key: value for key, value in dataclasses.asdict(p).items()
                  if value not in (None, "", [], ())} for p in protocols]
        print(json.dumps({"protocols": shown}, indent=2))
        return 0
    lines = [say("framing", lang), data.load()["scope"]["s_ketamine"], ""]
    for protocol in protocols:
        offered = say("cli.offered", lang) if protocol.offered else say("cli.reference-only", lang)
        lines += [
            f"{protocol.id}  ({offered})",
            f"  {protocol.title}; {protocol.condition}; {protocol.route}",
            "  " + say("cli.protocol-dose", lang, dose=protocol.dose_text,
                       range=dose_range(protocol, lang)),
            "  " + say("cli.protocol-length", lang, length=protocol.length_text,
                       course=protocol.course),
        ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
