"""The diary's summary for a reader: HTML (every value escaped) and lines of text, in `lang`.

Both show, in order: the framing, the period, the PEG score before the first infusion and
after each one (with what the PEG is, Krebs 2009, and that a daily score is an adaptation),
sleep and mood before and from the first infusion on, the side effects, the days one by one
(the HTML also draws them, `chart`, the table being the chart's equivalent for those who cannot
see it), the questions the reader may want to talk over, the notes if the reader asks for them,
the references and the limitations. What it shows is what the reader recorded: no verdict.

`form(lang)` is the diary as its page carries it (drawn at build time): the entry form from
`entries.INPUTS`, its summary with no entries, and the controls the page's script makes live.
"""

from calculators import data, render
from calculators.diary import chart, entries, files, summary, words
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
                  f'{_cite(words.PEG_REFERENCE, lang)}</p>',
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


def _cite(ref_id: str, lang: str) -> str:
    short = data.references(lang)[ref_id].short
    return f'<cite data-reference="{escape(ref_id)}">{escape(short)}</cite>'


def _table(caption: str, head: tuple[str, ...], rows: list[tuple[str, ...]],
           kind: str = "diary-table") -> str:
    """A table whose first cell in a row names it; every cell is text, escaped here. As the
    site's data tables are: each cell labelled with its column's header (`data-label`, shown
    where a narrow screen makes each row a card), in a box as wide as the text."""
    heads = "".join(f'<th scope="col">{escape(cell)}</th>' for cell in head)
    body = "".join(
        f'<tr><th scope="row">{escape(row[0])}</th>'
        + "".join(f'<td data-label="{escape(label)}">{escape(cell)}</td>'
                  for label, cell in zip(head[1:], row[1:], strict=True))
        + "</tr>" for row in rows)
    return (f'<div class="table-scroll"><table class="data-table {kind}">'
            f"<caption>{escape(caption)}</caption>"
            f"<thead><tr>{heads}</tr></thead><tbody>{body}</tbody></table></div>")


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
    items = "".join(f"<li>{escape(question)}{' ' + _cite(ref, lang) if ref else ''}</li>"
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
              f"  {say('diary.peg.about', lang)} "
              f"({data.references(lang)[words.PEG_REFERENCE].short})"]
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
    lines += [f"  [{ref}] {render.reference_text(ref, lang)}"
              for ref in words.references(values, lang)]
    return lines


# The form's name in its controls' ids (`calc-diary-<field>`, as a calculator's are made)
NAME = "diary"
# The block's parts, each under a heading: the page carries the block once, at the level of
# its sections (h2)
PARTS = {"entry": N_("diary.heading.entry"), "summary": N_("diary.heading.summary"),
         "file": N_("diary.heading.file")}
# The files a diary is exported as (`files.MEDIA_TYPES`), each with its button's words
EXPORTS = {"json": N_("diary.form.export-json"), "csv": N_("diary.form.export-csv")}
# What each dialog says: its heading, what it does, and the button that does it
DIALOGS = {
    "delete": (N_("diary.dialog.delete.heading"), N_("diary.dialog.delete.text"),
               N_("diary.dialog.delete.confirm")),
    "replace": (N_("diary.dialog.replace.heading"), N_("diary.dialog.replace.text"),
                N_("diary.dialog.replace.confirm")),
}


def form(lang: str) -> str:
    """The diary on its page: a day's entry (the fields of `entries.INPUTS`, each side effect's
    hours beside its box), the save button, the status line and the summary in one sentence
    (the one live region, as a calculator's); the summary with no entries (what a reader without
    JavaScript sees, with a status line saying the diary needs it); the print controls and the
    diary's file (export, import, the planner's calendar, delete everything), and the dialogs
    that ask first. The page's script (diary.js) enables what is disabled and shows what is
    hidden once it can store entries. No browser can send the form without it: the save button
    starts disabled, so Enter in a field sends nothing (no address ever holds an entry)."""
    return (f'<div class="diary" data-diary data-format="{escape(files.FORMAT)}" '
            f'data-version="{files.VERSION}">{_entry(lang)}{_summary_part(lang)}'
            f'{_file_part(lang)}{_dialog("delete", lang)}{_dialog("replace", lang)}</div>')


def _entry(lang: str) -> str:
    fields = "".join(
        render.field_html(NAME, field, {}, {}, lang, _effects_control(lang))
        if field.name == "effects" else render.field_html(NAME, field, {}, {}, lang)
        for field in entries.INPUTS if not field.name.startswith("lasted_"))
    sentence = words.sentence(summary.summarise([]), lang)
    return (
        '<form class="calculator diary-entry" novalidate aria-labelledby="diary-entry-heading">'
        f'{_part_heading("entry", lang)}'
        f'<p class="diary-private">{escape(say("diary.form.private", lang))}</p>{fields}'
        '<p class="calculator-submit">'
        + _button('<button type="submit" data-diary-save disabled>', say("diary.form.save", lang))
        + "</p>"
        '<p class="calculator-status" role="status" data-diary-status>'
        f'{escape(say("diary.form.no-script", lang))}</p>'
        '<p class="diary-storage" data-diary-storage hidden></p>'
        '<p class="calculator-summary" data-diary-summary aria-live="polite" aria-atomic="true">'
        f"{escape(sentence)}</p></form>")


def _summary_part(lang: str) -> str:
    return (
        f'<section class="diary-part" aria-labelledby="diary-summary-heading">'
        f'{_part_heading("summary", lang)}<p class="diary-controls" data-diary-controls hidden>'
        '<span class="calculator-tick"><input type="checkbox" id="diary-notes" data-diary-notes>'
        f'<label for="diary-notes">{escape(say("diary.form.notes", lang))}</label></span>'
        + _button('<button type="button" data-diary-print>', say("diary.form.print", lang))
        + "</p>"
        '<div class="calculator-output diary-output" data-diary-output>'
        f"{html(summary.summarise([]), lang)}</div></section>")


def _file_part(lang: str) -> str:
    """Export, import, the planner's calendar and delete everything (shown with the script)."""
    exports = "".join(_button(f'<button type="button" data-diary-export="{kind}">',
                              say(code, lang)) for kind, code in EXPORTS.items())
    diary_file = _file_button("diary", ".json,.csv,application/json,text/csv",
                              say("diary.form.import", lang))
    calendar = _file_button("ics", ".ics,text/calendar", say("diary.form.import-ics", lang))
    delete = _button('<button type="button" class="diary-delete" data-diary-delete>',
                     say("diary.form.delete", lang))
    return (
        '<section class="diary-part diary-file" aria-labelledby="diary-file-heading" '
        f'data-diary-controls hidden>{_part_heading("file", lang)}'
        f'<p class="field-help">{escape(say("diary.form.file-help", lang))}</p>'
        f'<p class="diary-buttons">{exports}{diary_file}</p>'
        f'<p class="field-help">{escape(say("diary.form.ics-help", lang))}</p>'
        f'<p class="diary-buttons">{calendar}</p><p class="diary-buttons">{delete}</p></section>')


def _part_heading(part: str, lang: str) -> str:
    return (f'<h2 class="diary-heading" id="diary-{part}-heading">'
            f"{escape(say(PARTS[part], lang))}</h2>")


def _button(tag: str, said: str) -> str:
    """A button: its start tag, and its words."""
    return f"{tag}{escape(said)}</button>"


def _effects_control(lang: str):
    """The side effects' boxes, each with its hours beside it (`lasted_<key>`, drawn as any
    field is; the page shows it while its box is ticked, or while it holds an error)."""
    said = dict(entries.FIELDS["effects"].options(lang))

    def control(base: str, attributes: str, value: str) -> str:
        return "".join(
            '<div class="diary-effect"><span class="calculator-tick">'
            f'<input type="checkbox" id="{base}-{escape(key)}" name="effects" '
            f'value="{escape(key)}"><label for="{base}-{escape(key)}">{escape(said[key])}</label>'
            "</span>"
            + render.field_html(NAME, entries.FIELDS[f"lasted_{key}"], {}, {}, lang)
            + "</div>"
            for key in entries.EFFECTS)

    return control


def _file_button(kind: str, accept: str, said: str) -> str:
    """A button that opens the browser's file chooser (its input stays hidden: the button is
    what a keyboard reaches and what a reader reads)."""
    return (_button(f'<button type="button" data-diary-choose="diary-{kind}-file">', said)
            + f'<input type="file" id="diary-{kind}-file" data-diary-import="{kind}" '
            f'accept="{accept}" hidden>')


def _dialog(kind: str, lang: str) -> str:
    """A question asked before what cannot be undone: what it does, a copy to export first,
    then doing it or not (the safe answer has the focus)."""
    heading, text, confirm = DIALOGS[kind]
    return (
        f'<dialog class="diary-dialog" data-diary-dialog="{kind}" '
        f'aria-labelledby="diary-{kind}-heading" aria-describedby="diary-{kind}-text">'
        f'<h2 class="diary-heading" id="diary-{kind}-heading">{escape(say(heading, lang))}</h2>'
        f'<p id="diary-{kind}-text"><span data-diary-dialog-said></span> '
        f"{escape(say(text, lang))}</p><p class=\"diary-buttons\">"
        + _button('<button type="button" data-diary-export="json">',
                  say("diary.dialog.export", lang))
        + _button('<button type="button" class="diary-delete" data-diary-confirm>',
                  say(confirm, lang))
        + _button('<button type="button" data-diary-cancel autofocus>',
                  say("diary.dialog.keep", lang))
        + "</p></dialog>")
