"""How numbers and dates are written: one module, whose words (the decimal separator, the day
and month names, a date's order) are the catalogue's, in the reader's language."""

import datetime

from calculators import formats, timeline
from calculators.messages import say
from calculators.tools import schedule

def test_numbers_take_the_decimal_separator_of_the_language(other):
    shown = [formats.plain(24.5), formats.amount(0.35), formats.weight(70), formats.amount(0.004)]
    assert shown == ["24.5", "0.35", "70.0", "0.004"]
    assert [formats.plain(24.5, other), formats.amount(0.35, other), formats.weight(70, other),
            formats.amount(0.004, other)] == ["24,5", "0,35", "70,0", "0,004"]
    assert formats.plain(5760, other) == "5760"


def test_a_long_date_takes_the_order_and_the_names_of_the_language(other):
    day = datetime.date(2027, 3, 1)
    assert formats.long_date(day, other) == "lun 1 de mar de 2027"
    assert formats.long_date(day) == say("date.long", weekday=say("day.mon.short"), day=1,
                                         month=say("month.mar.short"), year=2027)


def test_the_day_and_month_names_in_order():
    monday = datetime.date(2026, 1, 5)
    week = [formats.day_short(monday + datetime.timedelta(days=i)) for i in range(7)]
    assert week == [say(code) for code in formats.DAY_CODES] and len(set(week)) == 7
    # a day's short name has the code of its value in the schedule's Days field
    assert [code.split(".")[1] for code in formats.DAY_CODES] == [day for day, _ in schedule.DAYS]
    months = formats.months_short()
    assert months == tuple(formats.month_short(month) for month in range(1, 13))
    assert len(set(months)) == 12 and months[2] == say("month.mar.short")


def test_the_timeline_names_the_months_in_the_language(other):
    drawn = timeline.svg(datetime.date(2027, 3, 1), datetime.date(2027, 5, 1), {"loading": "L"},
                         [], [], "", "title", "description", other)
    assert ">mar<tspan" in drawn and ">abr<" in drawn
