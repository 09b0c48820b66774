"""`[value: KEY]` prints a number from the data file, so prose never restates one by hand.

KEY is one of:
- `FIGURE`: an id in the data file's [figures] table (`sigtermans-ketamine-effects` -> 76);
- `PROTOCOL.FIELD`: a protocol's numeric field (`schwartzman-2009.dose_max` -> 0.35), with
  dots and list positions reaching inside (`nhs-highland.caps.1.mg_per_h` -> 15);
- `PROTOCOL.cap`: the protocol's lowest cap in mg/h (the one the calculator holds to: the
  same as `data.Protocol.cap`; `nhs-highland.cap` -> 15).
The number is printed as the calculators print one in the page's language (0.35, 25, 5760);
the author writes the unit around it. Code spans and code blocks are left alone; the Summary may
use it too.
"""

from calculators import data
from calculators.formats import plain
from markdown import util
from markdown.inlinepatterns import InlineProcessor

from .errors import AuthoringError

VALUE = r"\[value:\s*([^\]]*?)\s*\]"


class ValueInlineProcessor(InlineProcessor):
    def __init__(self, extension):
        super().__init__(VALUE)
        self.extension = extension

    def handleMatch(self, match, text):
        try:
            number = lookup(match[1])
        except LookupError as problem:
            raise AuthoringError(
                self.extension.path, self.extension.line_of(match[0]), problem.args[0]
            ) from None
        return util.AtomicString(plain(number, self.extension.lang)), match.start(0), match.end(0)


def lookup(key):
    """The number KEY names; a LookupError says what is wrong and which keys there are."""
    protocol_id, dot, path = key.partition(".")
    if not dot:
        if key not in data.figures():
            raise LookupError(
                f"unknown value {key!r}; write PROTOCOL.FIELD (protocols: "
                f"{', '.join(data.protocols())}) or a figure id: {', '.join(data.figures())}"
            )
        return data.figures()[key]["value"]
    if protocol_id not in data.protocols():
        raise LookupError(
            f"unknown value {key!r}: no protocol {protocol_id!r}; protocols: "
            f"{', '.join(data.protocols())}"
        )
    protocol = data.load()["protocols"][protocol_id]
    if path == "cap" and data.protocols()[protocol_id].cap is not None:
        return data.protocols()[protocol_id].cap.mg_per_h
    leaf = protocol
    for part in path.split("."):
        if isinstance(leaf, list) and part.isdigit() and int(part) < len(leaf):
            leaf = leaf[int(part)]
        else:
            leaf = leaf.get(part) if isinstance(leaf, dict) else None
    if not is_number(leaf):
        problem = "unknown value" if leaf is None else "not a number:"
        fields = (["cap"] if "caps" in protocol else []) + list(numeric_paths(protocol))
        raise LookupError(
            f"{problem} {key!r}; {protocol_id}'s numeric fields are: {', '.join(fields)}"
        )
    return leaf


def is_number(leaf):
    return isinstance(leaf, (int, float)) and not isinstance(leaf, bool)


def numeric_paths(entry, prefix=""):
    """Dotted paths to every number inside a protocol entry, in the file's order."""
    if is_number(entry):
        yield prefix
    elif isinstance(entry, (dict, list)):
        items = entry.items() if isinstance(entry, dict) else enumerate(entry)
        for key, child in items:
            yield from numeric_paths(child, f"{prefix}.{key}" if prefix else str(key))
