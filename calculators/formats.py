"""How the calculators write numbers, weights, amounts and dates: one place for each, shared by
the results, the messages, the timeline and the command line."""

import datetime

DAYS_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def plain(value: float) -> str:
    """A number as a person would write it: 0.35, 22, 5760."""
    shown = f"{value:.6g}"
    if "e" in shown:
        shown = f"{value:.12f}".rstrip("0").rstrip(".")
    return shown


def amount(value: float) -> str:
    """An amount (mg, mg/h): one or two decimal places (two significant figures for
    an amount too small for that, so it never shows as 0.0)."""
    if value and round(value, 1) == 0:
        return plain(float(f"{value:.2g}"))
    shown = f"{value:.2f}"
    return shown[:-1] if shown.endswith("0") else shown


def weight(value: float) -> str:
    return f"{value:.1f}"


def long_date(day: datetime.date) -> str:
    """Mon 1 Mar 2027."""
    return f"{DAYS_SHORT[day.weekday()]} {day.day} {MONTHS_SHORT[day.month - 1]} {day.year}"
