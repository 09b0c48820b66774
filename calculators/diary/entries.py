"""One day of the diary: its fields and `read_entry`, which turns a form's text into an `Entry`.

The fields are declared with the calculators' field kinds (`calculators.fields`), so the page can
draw the form from `INPUTS` and every problem is tied to a field by a stable code. Only the date
is required; a value out of range is an error, never clamped. The three PEG items (Krebs 2009),
sleep quality and mood are whole numbers 0-10; hours slept a decimal 0-24.

The side effects offered are the data file's that a reader notices themselves (`noticed`). How
long each lasted is a field of its own, `lasted_<key>`, in hours (a decimal 0-24, optional): a
number, so the summary can add and compare durations, where a few choices ("minutes", "all
day") could not; and at most a day, since an entry is one day (an effect that goes on is ticked
again the next day). Hours for an effect that is not ticked are an error ("not-ticked"), never a
guess either way.
"""

import dataclasses
import datetime
import re
from collections.abc import Mapping

from calculators import data, schema
from calculators.fields import Choice, Date, Field, Number, Ticks, Whole
from calculators.messages import DEFAULT, N_
from calculators.render import escape

# Any year a reader could be keeping this diary in; a year outside is a typing slip.
YEARS = (2000, 2100)
NOTE_LENGTH = 2000  # characters: a few paragraphs, no more
HOURS_IN_A_DAY = 24
SCALE = (0, 10)  # the PEG's items, and sleep quality and mood on the same scale


@dataclasses.dataclass(frozen=True, kw_only=True)
class Text(Field):
    """Free text of at most `max_length` characters (line breaks kept, written as "\\n"); no
    control characters but line breaks and tabs, nothing that UTF-8 cannot hold."""

    max_length: int
    too_long: str = ""

    def placeholders(self, lang: str) -> dict[str, object]:
        return {"max": self.max_length, **super().placeholders(lang)}

    def read(self, reader) -> str:
        raw = reader.present(self.name)
        if raw is None:
            return ""
        text = raw.replace("\r\n", "\n").replace("\r", "\n")
        if len(text) > self.max_length:
            self.fail(reader, "too-long", self.too_long, length=len(text))
            return ""
        if _CONTROL.search(text) or not _encodable(text):
            self.fail(reader, "invalid", self.invalid)
            return ""
        return text

    def control(self, base: str, attributes: str, value: str, lang: str) -> str:
        return (f'<textarea {attributes} maxlength="{self.max_length}" rows="3">'
                f"{escape(value)}</textarea>")


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, which JSON can carry
        return False
    return True


def _score(name: str, label: str, help_code: str) -> Whole:
    """A 0-10 item, as the PEG's are."""
    return Whole(name=name, label=label, help=help_code, min=SCALE[0], max=SCALE[1], step=1,
                 invalid=N_("diary.score.invalid"), negative=N_("diary.score.outside"),
                 too_low=N_("diary.score.outside"), too_high=N_("diary.score.outside"))


def _noticed(lang: str = DEFAULT) -> dict[str, str]:
    """The side effects a reader notices themselves: key -> their short words, in order."""
    return {key: effect.short for key, effect in data.side_effects(lang).items() if effect.noticed}


EFFECTS = tuple(_noticed())


def _lasted(key: str) -> Number:
    return Number(name=f"lasted_{key}", label=N_("diary.lasted.label"), unit=N_("unit.hours"),
                  help=N_("diary.lasted.help"), min=0, max=HOURS_IN_A_DAY, step=0.25,
                  invalid=N_("diary.hours.invalid"), negative=N_("diary.hours.outside"),
                  too_low=N_("diary.hours.outside"), too_high=N_("diary.hours.outside"),
                  words=lambda lang: {"effect": _noticed(lang)[key]})


INFUSION = (("no", N_("diary.infusion.no")), ("yes", N_("diary.infusion.yes")))
PEG = ("pain", "enjoyment", "activity")

INPUTS = (
    Date(name="date", label=N_("diary.date.label"), help=N_("diary.date.help"), required=True,
         min=YEARS[0], max=YEARS[1], invalid=N_("diary.date.invalid"),
         missing=N_("diary.date.missing"), too_low=N_("diary.date.years"),
         too_high=N_("diary.date.years")),
    _score("pain", N_("diary.pain.label"), N_("diary.pain.help")),
    _score("enjoyment", N_("diary.enjoyment.label"), N_("diary.interference.help")),
    _score("activity", N_("diary.activity.label"), N_("diary.interference.help")),
    Number(name="sleep_hours", label=N_("diary.sleep-hours.label"), unit=N_("unit.hours"),
           help=N_("diary.sleep-hours.help"), min=0, max=HOURS_IN_A_DAY, step=0.25,
           invalid=N_("diary.hours.invalid"), negative=N_("diary.hours.outside"),
           too_low=N_("diary.hours.outside"), too_high=N_("diary.hours.outside")),
    _score("sleep_quality", N_("diary.sleep-quality.label"), N_("diary.sleep-quality.help")),
    _score("mood", N_("diary.mood.label"), N_("diary.mood.help")),
    Ticks(name="effects", label=N_("diary.effects.label"), help=N_("diary.effects.help"),
          invalid=N_("diary.effects.invalid"), metavar="KEY[,KEY...]",
          choices=tuple((key, key) for key in EFFECTS), option_words=_noticed),
    *(_lasted(key) for key in EFFECTS),
    Choice(name="infusion", label=N_("diary.infusion.label"), help=N_("diary.infusion.help"),
           choices=INFUSION, default="no", preset=False, invalid=N_("diary.infusion.invalid")),
    Text(name="note", label=N_("diary.note.label"), help=N_("diary.note.help"),
         max_length=NOTE_LENGTH, too_long=N_("diary.note.too-long"),
         invalid=N_("diary.note.invalid")),
)
FIELDS = {field.name: field for field in INPUTS}
# The values kept as they are read (the rest are the effects, their hours and the infusion)
PLAIN = ("pain", "enjoyment", "activity", "sleep_hours", "sleep_quality", "mood", "note")


@dataclasses.dataclass(frozen=True)
class Entry:
    """One day as the reader recorded it; None where a value was left blank. `lasted` holds
    (effect, hours) for each ticked effect whose hours were given, in `EFFECTS` order."""

    date: datetime.date
    pain: int | None = None
    enjoyment: int | None = None
    activity: int | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    mood: int | None = None
    effects: tuple[str, ...] = ()
    lasted: tuple[tuple[str, float], ...] = ()
    infusion: bool = False
    note: str = ""

    @property
    def peg(self) -> float | None:
        """The day's PEG score: the mean of its three items, when all three are given."""
        items = [getattr(self, name) for name in PEG]
        return None if None in items else sum(items) / len(items)

    def stored(self) -> dict:
        """The entry as the diary's files and the page keep it (JSON; see `files`)."""
        return {"date": self.date.isoformat(),
                **{name: getattr(self, name) for name in PLAIN if name != "note"},
                "effects": list(self.effects), "lasted": dict(self.lasted),
                "infusion": self.infusion, "note": self.note}

    def fields(self) -> dict[str, str]:
        """The entry as form text, one value a field (`read_entry` reads it back the same)."""
        hours = dict(self.lasted)
        return {"date": self.date.isoformat(),
                **{name: text_of(getattr(self, name)) for name in PLAIN},
                "effects": ",".join(self.effects),
                **{f"lasted_{key}": text_of(hours.get(key)) for key in EFFECTS},
                "infusion": "yes" if self.infusion else "no"}


def read_entry(fields: Mapping[str, str],
               lang: str = DEFAULT) -> tuple[Entry | None, schema.Reader]:
    """The entry that a form's text (field name -> text) gives, or None; the reader holds the
    problems (`errors`, `codes`) and how a value was read (`notes`). Never raises."""
    read = schema.Reader(INPUTS, fields, lang)
    date = read.get("date")
    plain = {name: read.get(name) for name in PLAIN}
    effects = read.get("effects")
    lasted = []
    for key in EFFECTS:
        hours = read.get(f"lasted_{key}")
        if hours is None:
            continue
        if key in effects:
            lasted.append((key, hours + 0.0))  # (+ 0.0: a typed "-0" is kept as 0)
        elif not read.has_error("effects"):
            FIELDS[f"lasted_{key}"].fail(read, "not-ticked", N_("diary.lasted.not-ticked"))
    infusion = read.get("infusion") == "yes"
    if read.errors:
        return None, read
    if plain["sleep_hours"] is not None:
        plain["sleep_hours"] += 0.0
    return Entry(date, effects=effects, lasted=tuple(lasted), infusion=infusion, **plain), read


def text_of(value: object) -> str:
    """A value of a stored entry (JSON) as a field's text: blank for none, "yes" or "no" for a
    truth value, a list comma-joined, a number in plain digits that read back as the same number
    (the fields take no exponent)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return ",".join(value)
    if isinstance(value, float):
        shown = repr(value)
        if "e" in shown:
            mantissa, exponent = shown.split("e")
            shown = f"{value:.{max(len(mantissa.partition('.')[2]) - int(exponent), 0)}f}"
        return shown.removesuffix(".0")
    return str(value)


def stored_fields(stored: Mapping) -> tuple[dict[str, str], list[str]]:
    """A stored entry (see `Entry.stored`) as form text, and the keys it holds that an entry
    has not (in the file's order); `lasted` becomes the `lasted_<key>` fields."""
    fields, unknown = {}, []
    for key, value in stored.items():
        if key == "lasted" and isinstance(value, Mapping):
            for effect, hours in value.items():
                name = f"lasted_{effect}"
                if name in FIELDS:
                    fields[name] = text_of(hours)
                else:
                    unknown.append(name)
        elif key in FIELDS and not key.startswith("lasted_"):
            fields[key] = text_of(value)
        else:
            unknown.append(str(key))
    return fields, unknown
