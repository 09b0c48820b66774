"""Command line: python -m calculators protocols|dose|schedule|...|diary (the only module with I/O).

Each calculator's options are generated from its declared inputs (the flag is the input's
name with "-" for "_"; the help is its label, unit, help and choices) and its download actions
(`--ics FILE`). Every option is taken as text and checked by the calculator, so a bad value gets
the calculator's own message. Exit 0 with the result; exit 2 with a line per problem on stderr.
`diary --summary FILE` reads a diary file (`calculators.diary.files`) and prints its summary.
`--lang` (before or after the command) chooses the language of every word, argparse's own too.
"""

import argparse
import contextlib
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
# argparse's own words a reader meets (its usage line, headings, help and errors), as it says
# them through its module's gettext `_`, by the catalogue code that says them in a language
ARGPARSE_WORDS = {
    "usage: ": N_("cli.argparse.usage"),
    "positional arguments": N_("cli.argparse.positional"),
    "options": N_("cli.argparse.options"),
    "show this help message and exit": N_("cli.argparse.help"),
    "the following arguments are required: %s": N_("cli.argparse.required"),
    "unrecognized arguments: %s": N_("cli.argparse.unrecognized"),
    "expected one argument": N_("cli.argparse.expected-one"),
    "invalid choice: %(value)r (choose from %(choices)s)": N_("cli.argparse.invalid-choice"),
    "argument %(argument_name)s: %(message)s": N_("cli.argparse.argument"),
    "ambiguous option: %(option)s could match %(matches)s": N_("cli.argparse.ambiguous"),
    "ignored explicit argument %r": N_("cli.argparse.ignored"),
    "%(prog)s: error: %(message)s\n": N_("cli.argparse.error"),
}


@contextlib.contextmanager
def _argparse_says(lang: str):
    """argparse's words in `lang` while the command line is read (put back after)."""
    english = argparse._
    argparse._ = lambda text: (say(ARGPARSE_WORDS[text], lang) if text in ARGPARSE_WORDS
                               else english(text))
    try:
        yield
    finally:
        argparse._ = english


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
    _commands_lang(protocols, lang)
    protocols.add_argument("--json", action="store_true", help=say("cli.json", lang))
    for name in calculators.names():
        calc = calculators.get(name)
        command = commands.add_parser(
            name, help=say(calc.summary, lang),
            description=say("cli.calculator", lang, title=say(calc.title, lang),
                            framing=say(schema.framing(calc), lang)))
        _commands_lang(command, lang)
        for field in calc.inputs:
            command.add_argument(field.flag, metavar=field.cli_value, help=_help(field, lang))
        for action in calc.actions:
            if action.kind == "download":
                file = say("cli.file", lang)
                command.add_argument(f"--{action.export}", metavar=file, help=say(
                    "cli.download", lang, file=file, action=say(action.label, lang)
                ).replace("%", "%%"))
        command.add_argument("--json", action="store_true", help=say("cli.json", lang))
    diary = commands.add_parser("diary", help=say("cli.diary", lang), description=say(
        "cli.diary.description", lang, framing=say("diary.framing", lang)))
    _commands_lang(diary, lang)
    diary.add_argument("--summary", metavar=say("cli.file", lang), required=True,
                       help=say("cli.diary.summary", lang))
    diary.add_argument("--notes", action="store_true", help=say("cli.diary.notes", lang))
    diary.add_argument("--json", action="store_true", help=say("cli.json", lang))
    return parser


def _commands_lang(command: argparse.ArgumentParser, lang: str) -> None:
    """`--lang` after the command too (`dose --lang es`): read first by `_language`."""
    command.add_argument("--lang", choices=messages.LANGUAGES, default=argparse.SUPPRESS,
                         help=say("cli.lang", lang))


def main(argv: list[str] | None = None) -> int:
    lang = _language(argv)
    with _argparse_says(lang):
        args = _parser(lang).parse_args(argv)
    if args.command == "protocols":
        return _protocols(args.json, lang)
    if args.command == "diary":
        return _diary(args.summary, args.json, args.notes, lang)
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
    protocols = list(data.protocols(lang).values())
    if as_json:
        shown = [{key: value for key, value in dataclasses.asdict(p).items()
                  if value not in (None, "", [], ())} for p in protocols]
        print(json.dumps({"protocols": shown}, indent=2))
        return 0
    lines = [say("framing", lang), data.load(lang)["scope"]["s_ketamine"], ""]
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


def _diary(path: str, as_json: bool, notes: bool, lang: str) -> int:
    """The summary of the diary file at `path`, or exit 2 with what is wrong with it."""
    from calculators.diary import files, summary, view, words

    try:
        with open(path, encoding="utf-8", newline="") as file:
            text = file.read()
    except UnicodeDecodeError:
        print(say("cli.diary.not-text", lang, path=path), file=sys.stderr)
        return 2
    except OSError as error:
        print(say("cli.diary.cannot-read", lang, path=path, reason=error.strerror or error),
              file=sys.stderr)
        return 2
    entries, problem = files.parse(text, lang)
    if problem:
        print(f"{path}: {problem.message}", file=sys.stderr)
        return 2
    values = summary.summarise(entries)
    limitations = [say(code, lang) for code in words.LIMITATIONS]
    if as_json:
        print(json.dumps({
            **values,
            "summary": words.sentence(values, lang),
            "questions": [question for question, _ in words.questions(values, lang)],
            "references": words.references(values, lang),
            "framing": say("diary.framing", lang),
            "limitations": limitations,
        }, indent=2))
    else:
        limits = ["", say("cli.limitations", lang), *(f"  - {line}" for line in limitations)]
        print("\n".join(view.text(values, lang, notes) + limits))
    return 0


if __name__ == "__main__":
    sys.exit(main())
