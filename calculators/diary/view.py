"""The diary's summary for a reader: HTML (every value escaped) and lines of text, in `lang`.

Both show, in order: the framing, the period, the PEG score before the first infusion and
after each one (with what the PEG is, Krebs 2009, and that a daily score is an adaptation),
sleep and mood before and from the first infusion on, the side effects, the days one by one
(the HTML also draws them, `chart`, the table being the chart's equivalent for those who cannot
see it), the questions the reader may want to talk over, the notes if the reader asks for them,
the references and the limitations. What it shows is what the reader recorded: no verdict.
"""

from calculators import data, render
from calculators.diary import chart, words
from calculators.diary.words import LIMITATIONS, MEASURES, figure, mean
from calculators.messages import N_, say, say_n
from calculators.render import escape


def html(values: dict, lang: str, notes: bool = False) -> str:
    """The summary as an HTML fragment; `notes`: with the reader's notes."""
    parts = ['<div class="calculator-result diary-summary">',
             f'<p class="calculator-framing">{escape(say("diary.framing", lang))}</p>',
             f'<p class="diary-period">{escape(words.period(values, lang))}</p>']
    if values["days_recorded"]:
        parts += [_heading("diary.heading.peg", lang),
                  f'<p class="diary-about-peg">{escape(say("diary.peg.about", lang))} '
                  f'{_cite(words.PEG_REFERENCE)}</p>',
                  _table(say("diary.windows.caption", lang),
                         (say("diary.windows.period", lang), say("diary.windows.peg", lang),
                          say("diary.windows.change", lang)), _windows(values, lang)),
                  _heading("diary.heading.sleep-mood", lang),
                  _table(say("diary.before-after.caption", lang),
                         (say("diary.before-after.what", lang),
                          say("diary.before-after.before", lang),
                          say("diary.before-after.after", lang),
                          say("diary.windows.change", lang)), _before_after(values, lang)),
                  _heading("diary.heading.effects", lang), _effects(values, lang),
                  _heading("diary.heading.days", lang),
                  chart.svg(values["days"], say("diary.chart.title", lang),
                            say("diary.chart.description", lang), lang),
                  _table(say("diary.days.caption", lang),
                         tuple(say(code, lang) for code in DAY_COLUMNS), day_rows(values, lang),
                         "diary-days")]
        parts += _questions(values, lang)
        if notes:
            parts += _notes(values, lang)
        parts.append(render.reference_list(words.references(values, lang), lang))
    parts += [render.limitations_html(LIMITATIONS, lang), "</div>"]
    return "".join(parts)


DAY_COLUMNS = (N_("diary.days.date"), N_("diary.days.peg"), *MEASURES.values())


def _heading(code: str, lang: str) -> str:
    """A part's heading, as the calculators' results have them (the page sets the levels)."""
    return f'<p class="calculator-heading">{escape(say(code, lang))}</p>'


def _cite(ref_id: str) -> str:
    short = data.references()[ref_id].short
    return f'<cite data-reference="{escape(ref_id)}">{escape(short)}</cite>'


def _table(caption: str, head: tuple[str, ...], rows: list[tuple[str, ...]],
           kind: str = "diary-table") -> str:
    """A table whose first cell in a row names it; every cell is text, escaped here."""
    heads = "".join(f'<th scope="col">{escape(cell)}</th>' for cell in head)
    body = "".join(
        f'<tr><th scope="row">{escape(row[0])}</th>'
        + "".join(f"<td>{escape(cell)}</td>" for cell in row[1:]) + "</tr>" for row in rows)
    return (f'<table class="{kind}"><caption>{escape(caption)}</caption>'
            f"<thead><tr>{heads}</tr></thead><tbody>{body}</tbody></table>")


def _windows(values: dict, lang: str) -> list[tuple[str, ...]]:
    """The PEG rows: the baseline, each infusion's window, then all of them together."""
    rows = [(words.baseline_name(values, lang), mean(values["baseline"]["peg"], lang),
             say("diary.blank", lang))]
    rows += [(words.after_name(window, lang), mean(window["peg"], lang),
              words.change(window["change"]["peg"], lang)) for window in values["after"]]
    if len(values["after"]) > 1:
        since = values["after_all"]
        rows.append((words.all_after_name(values, lang), mean(since["peg"], lang),
                     words.change(since["change"]["peg"], lang)))
    return rows


def _before_after(values: dict, lang: str) -> list[tuple[str, ...]]:
    before, since = values["baseline"], values["after_all"]
    return [(say(code, lang), mean(before[measure], lang), mean(since[measure], lang),
             words.change(since["change"][measure], lang)) for measure, code in MEASURES.items()]


def _effects(values: dict, lang: str) -> str:
    if not values["effects"]:
        return f'<p>{escape(say("diary.effects.none", lang))}</p>'
    return _table(say("diary.effects.caption", lang),
                  tuple(say(code, lang) for code in EFFECT_COLUMNS), effect_rows(values, lang))


EFFECT_COLUMNS = (N_("diary.effects.effect"), N_("diary.effects.days"), N_("diary.effects.hours"),
                  N_("diary.effects.longest"))


def effect_rows(values: dict, lang: str) -> list[tuple[str, ...]]:
    """Each side effect: its name, its days (before the first infusion and from it on, when
    there is one), its mean hours over the days that give them, and its longest."""
    split = bool(values["infusion_days"])
    return [(words.effect_name(row["key"], lang),
             say_n("diary.effects.days-split", "diary.effects.days-split.plural", row["days"],
                   lang, before=row["days_before"], after=row["days_after"]) if split else
             say_n("diary.effects.day-count", "diary.effects.day-count.plural", row["days"],
                   lang),
             mean({"mean": row["hours_mean"], "days": row["days_with_hours"]}, lang),
             figure(row["hours_longest"], lang)) for row in values["effects"]]


def day_rows(values: dict, lang: str) -> list[tuple[str, ...]]:
    """Each day recorded: its date (and whether it was an infusion day), its PEG score, hours
    slept, sleep quality and mood."""
    return [(say("diary.days.infusion", lang, date=words.day(row["date"], lang))
             if row["infusion"] else words.day(row["date"], lang),
             figure(row["peg"], lang), figure(row["sleep_hours"], lang),
             figure(row["sleep_quality"], lang), figure(row["mood"], lang))
            for row in values["days"]]



def _questions(values: dict, lang: str) -> list[str]:
    asked = words.questions(values, lang)
    if not asked:
        return []
    items = "".join(f"<li>{escape(question)}{' ' + _cite(ref) if ref else ''}</li>"
                    for question, ref in asked)
    return [_heading("diary.heading.discuss", lang), f'<ul class="diary-discuss">{items}</ul>']


def _notes(values: dict, lang: str) -> list[str]:
    noted = [row for row in values["days"] if row["note"]]
    if not noted:
        return []
    items = "".join(f'<dt>{escape(words.day(row["date"], lang))}</dt>'
                    f'<dd>{escape(row["note"])}</dd>' for row in noted)
    return [_heading("diary.heading.notes", lang), f'<dl class="diary-notes">{items}</dl>']


def text(values: dict, lang: str, notes: bool = False) -> list[str]:
    """The summary as lines for a terminal (the limitations are the caller's, as for the
    calculators)."""
    lines = [say("diary.framing", lang), "", words.period(values, lang)]
    if not values["days_recorded"]:
        return lines
    lines += ["", say("diary.heading.peg", lang) + ":",
              f"  {say('diary.peg.about', lang)} ({data.references()[words.PEG_REFERENCE].short})"]
    for name, average, difference in _windows(values, lang):
        lines.append(say("diary.text.window", lang, name=name, mean=average, change=difference))
    lines += ["", say("diary.heading.sleep-mood", lang) + ":"]
    lines += [say("diary.text.before-after", lang, what=what, before=before, after=after,
                  change=difference)
              for what, before, after, difference in _before_after(values, lang)]
    lines += ["", say("diary.heading.effects", lang) + ":"]
    lines += ([say("diary.text.effect", lang, name=name, days=days, hours=hours, longest=longest)
               for name, days, hours, longest in effect_rows(values, lang)]
              or [f"  {say('diary.effects.none', lang)}"])
    lines += ["", say("diary.heading.days", lang) + ":"]
    lines += [say("diary.text.day", lang, date=date, peg=peg, hours=hours, quality=quality,
                  mood=mood) for date, peg, hours, quality, mood in day_rows(values, lang)]
    asked = words.questions(values, lang)
    if asked:
        lines += ["", say("diary.heading.discuss", lang) + ":"]
        lines += [f"  - {question}" for question, _ in asked]
    if notes:
        lines += ["", say("diary.heading.notes", lang) + ":"]
        lines += [f"  {words.day(row['date'], lang)}: {row['note']}"
                  for row in values["days"] if row["note"]]
    lines += ["", say("cli.references", lang)]
    lines += [f"  [{ref}] {render.reference_text(ref)}" for ref in words.references(values, lang)]
    return lines
