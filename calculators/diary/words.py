"""The summary's words, shared by its HTML and its text: figures as the reader's language writes
them, each window's name, the one-sentence summary, and the questions the reader may want to
take to their clinician. Plain words and no verdict: they say what was recorded, never whether
it is good or bad, and what they ask is asked, never told.
"""

import datetime

from calculators import data, formats
from calculators.messages import N_, say, say_n

PEG_REFERENCE = "krebs-2009"
# ASRA 2018: the clinician and the patient agree beforehand what change would count
AGREED_REFERENCE = "asra-2018"
MEASURES = {"sleep_hours": N_("diary.measure.sleep-hours"),
            "sleep_quality": N_("diary.measure.sleep-quality"), "mood": N_("diary.measure.mood")}
LIMITATIONS = (N_("diary.limitation.recorded"), N_("diary.limitation.peg-daily"),
               N_("diary.limitation.private"))


def figure(value: float | None, lang: str) -> str:
    """A mean or an amount of hours, to one decimal place at most; a dash for none."""
    if value is None:
        return say("diary.blank", lang)
    return formats.plain(round(value, 1) + 0.0, lang)  # (+ 0.0: never "-0")


def change(value: float | None, lang: str) -> str:
    """A change, signed: +1.3, -2, 0."""
    shown = figure(value, lang)
    return f"+{shown}" if value is not None and round(value, 1) > 0 else shown


def mean(measure: dict, lang: str) -> str:
    """A measure's mean with the days it is over: 6.3 (7 days); a dash for none."""
    if measure["mean"] is None:
        return say("diary.blank", lang)
    return say_n("diary.mean", "diary.mean.plural", measure["days"], lang,
                 mean=figure(measure["mean"], lang))


def day(iso: str, lang: str) -> str:
    return formats.long_date(datetime.date.fromisoformat(iso), lang)


def span(window: dict, lang: str) -> str:
    """A window's days: Mon 4 Jan 2027 to Sun 10 Jan 2027, or one day."""
    if window["from"] == window["to"]:
        return day(window["from"], lang)
    return say("diary.span", lang, start=day(window["from"], lang), end=day(window["to"], lang))


def baseline_name(values: dict, lang: str) -> str:
    window = values["baseline"]
    if window["from"] is None:
        return say("diary.window.baseline-none", lang)
    return say("diary.window.baseline", lang, span=span(window, lang))


def after_name(window: dict, lang: str) -> str:
    """An infusion's window: from its day to the day before the next (or the last day)."""
    if window["from"] == window["to"]:
        return say("diary.window.after-one-day", lang, date=day(window["from"], lang))
    return say("diary.window.after", lang, start=day(window["from"], lang),
               end=day(window["to"], lang))


def all_after_name(values: dict, lang: str) -> str:
    return say("diary.window.all", lang, span=span(values["after_all"], lang))


def period(values: dict, lang: str) -> str:
    """The diary's days: how many were recorded, of how many, from when to when."""
    if not values["days_recorded"]:
        return say("diary.period.empty", lang)
    days = say_n("diary.period", "diary.period.plural", values["days_in_period"], lang,
                 recorded=values["days_recorded"], missed=values["days_missed"],
                 start=day(values["first"], lang), end=day(values["last"], lang))
    count = len(values["infusion_days"])
    infusions = (say_n("diary.period.infusions", "diary.period.infusions.plural", count, lang)
                 if count else say("diary.period.no-infusion", lang))
    return say("result.summary.then", lang, first=days, then=infusions)


def effect_name(key: str, lang: str) -> str:
    effect = data.side_effects(lang).get(key)
    return effect.short if effect else key


def sentence(values: dict, lang: str) -> str:
    """The summary in one sentence (what the page's live region says)."""
    if not values["days_recorded"]:
        return say("diary.sentence.empty", lang)
    if values["days_recorded"] == 1:
        days = say("diary.sentence.one-day", lang, date=day(values["first"], lang))
    else:
        days = say_n("diary.sentence.days", "diary.sentence.days.plural", values["days_recorded"],
                     lang, start=day(values["first"], lang), end=day(values["last"], lang))
    before, after = values["baseline"]["peg"]["mean"], values["after_all"]["peg"]["mean"]
    if before is not None and after is not None:
        peg = say("diary.sentence.peg", lang, before=figure(before, lang),
                  after=figure(after, lang))
    elif before is not None:
        peg = say("diary.sentence.peg-before", lang, before=figure(before, lang))
    elif after is not None:
        peg = say("diary.sentence.peg-after", lang, after=figure(after, lang))
    else:
        peg = say("diary.sentence.no-peg", lang)
    return say("result.summary.then", lang, first=days, then=peg)


def questions(values: dict, lang: str) -> list[tuple[str, str]]:
    """What the reader may want to talk over with their clinician, as (question, reference id
    or ""): each asks, from what was recorded, and none judges it."""
    if not values["days_recorded"]:
        return []
    found = []
    before, after = values["baseline"]["peg"]["mean"], values["after_all"]["peg"]["mean"]
    if not values["infusion_days"]:
        found.append((say("diary.discuss.no-infusion", lang), ""))
    elif before is not None and after is not None:
        found.append((say("diary.discuss.peg", lang, before=figure(before, lang),
                          after=figure(after, lang)), AGREED_REFERENCE))
    elif after is not None:
        found.append((say("diary.discuss.no-baseline", lang), ""))
    if any(values["baseline"][m]["mean"] is not None and values["after_all"][m]["mean"] is not None
           for m in MEASURES):
        found.append((say("diary.discuss.sleep-mood", lang), ""))
    with_effects = sum(1 for row in values["days"] if row["effects"])
    if with_effects:
        found.append((say_n("diary.discuss.effects", "diary.discuss.effects.plural",
                            with_effects, lang), ""))
    if values["days_missed"]:
        found.append((say_n("diary.discuss.missed", "diary.discuss.missed.plural",
                            values["days_missed"], lang), ""))
    return found


def references(values: dict, lang: str) -> list[str]:
    """The sources the summary cites: the PEG's, and those of its questions."""
    cited = [PEG_REFERENCE] + [ref for _, ref in questions(values, lang) if ref]
    return list(dict.fromkeys(cited))


def marked(done, until: datetime.date | None, lang: str) -> str:
    """What marking the planner's infusion days did (`planner.Marked`), in a sentence or two:
    how many days are newly marked (or that those up to `until` were marked already, or that
    none has come yet), then how many later ones are left for another import."""
    if done.marked:
        said = say_n("diary.ics.marked", "diary.ics.marked.plural", len(done.marked), lang)
    elif done.already:
        said = say("diary.ics.already", lang)
    else:
        said = say("diary.ics.none-yet", lang, until=day(until.isoformat(), lang))
    if done.later:
        said = say("result.summary.then", lang, first=said, then=say_n(
            "diary.ics.later", "diary.ics.later.plural", len(done.later), lang,
            until=day(until.isoformat(), lang)))
    return said
