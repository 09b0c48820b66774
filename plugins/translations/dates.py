"""A day in the words of the site's catalogue (its month names), never the system's locale."""

import datetime

from plugins.site_words import N_

MONTHS = (N_("month.january"), N_("month.february"), N_("month.march"), N_("month.april"),
          N_("month.may"), N_("month.june"), N_("month.july"), N_("month.august"),
          N_("month.september"), N_("month.october"), N_("month.november"),
          N_("month.december"))


def day_in_words(day: datetime.date, site_say) -> str:
    """`day` as the catalogue of `site_say` (a build's site words) writes it: 7 December 2026."""
    return site_say("date.day-month-year", day=day.day, month=site_say(MONTHS[day.month - 1]),
                    year=day.year)
