"""How the calculators write numbers, weights, amounts and dates in a language: one place for
each, shared by the results, the messages, the timeline, the tables and the command line.

A language's decimal separator, its short day and month names and the order of a date's parts
are words of its catalogue (`messages`), so the wheel carries them with the other words and the
browser loads no locale library (Babel's locale data would outweigh the calculators).
"""

import datetime

from calculators.messages import DEFAULT, N_, say

# The codes of the short day names, Monday first (as `datetime.date.weekday()` counts), and of
# the short month names, January first
DAY_CODES = (N_("day.mon.short"), N_("day.tue.short"), N_("day.wed.short"), N_("day.thu.short"),
             N_("day.fri.short"), N_("day.sat.short"), N_("day.sun.short"))
MONTH_CODES = (N_("month.jan.short"), N_("month.feb.short"), N_("month.mar.short"),
               N_("month.apr.short"), N_("month.may.short"), N_("month.jun.short"),
               N_("month.jul.short"), N_("month.aug.short"), N_("month.sep.short"),
               N_("month.oct.short"), N_("month.nov.short"), N_("month.dec.short"))


def plain(value: float, lang: str = DEFAULT) -> str:
    """A number as a person would write it: 0.35, 22, 5760."""
    shown = f"{value:.6g}"
    if "e" in shown:
        shown = f"{value:.12f}".rstrip("0").rstrip(".")
    return _decimal(shown, lang)


def amount(value: float, lang: str = DEFAULT) -> str:
    """An amount (mg, mg/h): one or two decimal places (two significant figures for
    an amount too small for that, so it never shows as 0.0)."""
    if value and round(value, 1) == 0:
        return plain(float(f"{value:.2g}"), lang)
    shown = f"{value:.2f}"
    return _decimal(shown[:-1] if shown.endswith("0") else shown, lang)


def weight(value: float, lang: str = DEFAULT) -> str:
    return _decimal(f"{value:.1f}", lang)


def _decimal(shown: str, lang: str) -> str:
    """A number Python wrote (with a point) as `lang` writes it: 24.5, or 24,5."""
    return shown.replace(".", say("number.decimal-separator", lang))


def day_short(day: datetime.date, lang: str = DEFAULT) -> str:
    """The day of the week's short name: Mon."""
    return say(DAY_CODES[day.weekday()], lang)


def month_short(month: int, lang: str = DEFAULT) -> str:
    """A month's short name (1 is January): Mar."""
    return say(MONTH_CODES[month - 1], lang)


def months_short(lang: str = DEFAULT) -> tuple[str, ...]:
    """The twelve short month names, January first."""
    return tuple(say(code, lang) for code in MONTH_CODES)


def long_date(day: datetime.date, lang: str = DEFAULT) -> str:
    """A date with its day of the week, in the language's order: Mon 1 Mar 2027."""
    return say("date.long", lang, weekday=day_short(day, lang), day=day.day,
               month=month_short(day.month, lang), year=day.year)
