"""HTML shared by the calculators: number formats, warnings, references, the form.

Everything that leaves here is escaped with `escape`; callers pass plain text.
"""

from collections.abc import Mapping

from calculators import data
from calculators.messages import DEFAULT, N_n, say, say_n
from calculators.schema import Action, Reader, Result, Warning


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """The same as `html.escape(text)`; importing `html` costs ~60 ms in Pyodide (entity table)."""
    return str(text).translate(_ESCAPES)


def framing(lang: str = DEFAULT, code: str = "framing") -> str:
    """What every result is (an illustration, never advice), in the calculator's own words
    (`code`, see `schema.framing`), with the article on how strong the evidence is."""
    title, url = data.article("how-strong-is-the-evidence", lang)
    return (f'<p class="calculator-framing">{escape(say(code, lang))} '
            f'<a href="{escape(url)}">{escape(title)}</a></p>')


def linked(message: str, lang: str = DEFAULT) -> str:
    """A message in `lang` as HTML, the articles it names in “quotes” made links."""
    shown = escape(message)
    for slug in data.load(lang)["scope"]["articles"]:
        title, url = data.article(slug, lang)
        quoted = escape(f"“{title}”")
        shown = shown.replace(quoted, f'“<a href="{escape(url)}">{escape(title)}</a>”')
    return shown


def warning_list(warnings: list[Warning], title: str, lang: str = DEFAULT) -> str:
    if not warnings:
        return ""
    refs = data.references(lang)
    items = "".join(
        f'<li data-code="{escape(w.code)}" data-reference="{escape(w.reference)}">'
        f"{escape(w.message)} <cite>{escape(refs[w.reference].short)}</cite></li>"
        for w in warnings
    )
    return (
        f'<p class="calculator-heading">{escape(title)}</p>'
        f'<ul class="calculator-warnings">{items}</ul>'
    )


def note_list(notes: list[str]) -> str:
    if not notes:
        return ""
    items = "".join(f"<li>{escape(note)}</li>" for note in notes)
    return f'<ul class="calculator-notes">{items}</ul>'


def reference_parts(ref_id: str, lang: str = DEFAULT) -> tuple[str, str | None]:
    """A reference as the site cites it (Vancouver-like) in `lang`: its citation and its DOI,
    if any."""
    ref = data.references(lang)[ref_id]
    return ref.citation, ref.doi


def reference_html(ref_id: str, doi_link: bool = False, lang: str = DEFAULT) -> str:
    """One reference as HTML; `doi_link` makes the DOI a link (articles do, results do not)."""
    citation, doi = reference_parts(ref_id, lang)
    if doi is None:
        return escape(citation)
    shown = f"doi:{escape(doi)}"
    return f"{escape(citation)} " + (
        f'<a href="https://doi.org/{escape(doi)}">{shown}</a>' if doi_link else shown)


def reference_text(ref_id: str, lang: str = DEFAULT) -> str:
    citation, doi = reference_parts(ref_id, lang)
    return citation + (f" doi:{doi}" if doi else "")


def reference_list(ref_ids: list[str], lang: str = DEFAULT) -> str:
    if not ref_ids:
        return ""
    items = "".join(
        f'<li data-reference="{escape(ref_id)}">{reference_html(ref_id, lang=lang)}</li>'
        for ref_id in ref_ids
    )
    return (
        f'<p class="calculator-heading">{escape(say("result.references", lang))}</p>'
        f'<ol class="calculator-references">{items}</ol>'
    )


def text_tail(result, warnings_title: str, lang: str = DEFAULT) -> list[str]:
    """The notes, warnings and references of a result, as lines of plain text."""
    refs = data.references(lang)
    lines = [say("cli.note", lang, note=note) for note in result.values.get("notes", [])]
    if result.warnings:
        lines.append(f"{warnings_title}:")
        lines += [f"  - {w.message} ({refs[w.reference].short})" for w in result.warnings]
    lines.append(say("cli.references", lang))
    lines += [f"  [{ref_id}] {reference_text(ref_id, lang)}" for ref_id in result.references]
    return lines


def failure(calc_name: str, read: Reader) -> Result:
    """The result of input that needs fixing: no values; the errors, their codes, their list
    and, in one sentence, how many fields need fixing and which."""
    inputs = tuple(read.inputs.values())
    return Result({}, [], read.errors, error_summary(calc_name, inputs, read.errors, read.lang),
                  [], read.codes, fix_sentence(inputs, read.errors, read.lang))


# How many fields need fixing, and which: a result not worked out
FIX = N_n("result.summary.fix", "result.summary.fix.plural")


def fix_sentence(inputs: tuple, errors: Mapping[str, str], lang: str = DEFAULT,
                 words: tuple[str, str] = FIX) -> str:
    """The summary of input that needs fixing: how many fields, and which (their labels; the
    messages stay by the fields), in `words` (a singular and a plural code: a result not worked
    out by default; the diary says an entry not saved)."""
    declared = {field.name: field for field in inputs}
    labels = [_label(declared[name], lang) if name in declared else name for name in errors]
    return say_n(*words, len(labels), lang, fields=say("result.summary.fields", lang).join(labels))


def summary(sentence: str, read: Reader) -> str:
    """A worked-out result's summary: its sentence, then how a field was read when the reader
    might not expect it (a decimal comma), so that the page says what it read by the inputs."""
    for _, words in read.notes:
        sentence = say("result.summary.then", read.lang, first=sentence, then=words)
    return sentence


def error_summary(calc_name: str, inputs: tuple, errors: Mapping[str, str],
                  lang: str = DEFAULT) -> str:
    """The result shown instead of numbers when some inputs need fixing."""
    declared = {field.name: field for field in inputs}
    items = "".join(
        f'<li><a href="#{escape(control_id(calc_name, declared[name]) if name in declared else name)}">'
        f"{escape(_label(declared[name], lang) if name in declared else name)}</a>: "
        f"{linked(message, lang)}</li>"
        for name, message in errors.items()
    )
    return (
        '<div class="calculator-result calculator-result-errors">'
        f'<p>{escape(say("result.fix-fields", lang))}</p>'
        f'<ul class="calculator-errors">{items}</ul></div>'
    )


def control_id(calc_name: str, field) -> str:
    """The id a link to a field points to (its control's; a group of boxes: its first)."""
    return field.control_id(f"calc-{calc_name}-{field.name}")


def limitations_html(limitations: tuple[str, ...], lang: str = DEFAULT) -> str:
    """What a calculator's results are not, beside every result (outside the live region, so a
    screen reader does not hear it again at each change)."""
    if not limitations:
        return ""
    items = "".join(f"<li>{escape(say(line, lang))}</li>" for line in limitations)
    return (f'<div class="calculator-limits"><p class="calculator-heading">'
            f'{escape(say("result.limitations", lang))}</p>'
            f"<ul>{items}</ul></div>")


def form(
    calc_name: str,
    inputs: tuple,
    values: Mapping[str, str],
    errors: Mapping[str, str],
    output: str,
    actions: tuple[Action, ...] = (),
    limitations: tuple[str, ...] = (),
    lang: str = DEFAULT,
    summary: str = "",
    private: bool = False,
    framing_code: str = "framing",
) -> str:
    """The whole calculator: a GET form built from the declaration, the result's summary right
    after the inputs, then its full result, its limitations and its actions (hidden until the
    live calculator is ready).

    Only the summary is a live region: a screen reader hears one sentence after each input, not
    the whole result (figures, formula, references) again; the full result stays readable below.
    A `private` calculator's inputs (what a reader ticks about their health) are marked so that
    the page never writes them into its address, and its handout prints no link holding them.
    """
    controls = "".join(field_html(calc_name, field, values, errors, lang) for field in inputs)
    return (
        f'<form data-calculator="{escape(calc_name)}" class="calculator" '
        f'method="get" novalidate{" data-private" if private else ""}>'
        f"{framing(lang, framing_code)}{controls}"
        '<p class="calculator-summary" data-calculator-summary aria-live="polite" '
        f'aria-atomic="true">{escape(summary)}</p>'
        # Without JavaScript nothing can compute: the button stays hidden, the status says so.
        '<p class="calculator-submit" hidden><button type="submit">'
        f'{escape(say("form.calculate", lang))}</button></p>'
        f'<p class="calculator-status" role="status">{escape(say("form.no-script-status", lang))}</p>'
        f'<div class="calculator-output" data-calculator-output>{output}</div>'
        f"{limitations_html(limitations, lang)}{action_bar(actions, lang)}"
        f"{'' if private else _print_link(values, lang)}"
        "</form>"
    )


def _print_link(values: Mapping[str, str], lang: str = DEFAULT) -> str:
    """For a printed handout: the address that reproduces these inputs (the page makes it
    absolute as the inputs change); shown on paper only."""
    query = "&".join(f"{_quote(name)}={_quote(value)}" for name, value in values.items())
    return (f'<p class="calculator-print-link">{escape(say("form.inputs-again", lang))} '
            f'<a data-permalink href="?{escape(query)}">?{escape(query)}</a></p>')


def _quote(text: str) -> str:
    """Percent-encode a query value (urllib.parse costs an import in Pyodide; this is enough)."""
    return "".join(char if char.isalnum() or char in "-._~," else
                   "".join(f"%{byte:02X}" for byte in char.encode()) for char in str(text))


def action_bar(actions: tuple[Action, ...], lang: str = DEFAULT) -> str:
    """The buttons for a calculator's actions; the browser runtime wires them by their data."""
    if not actions:
        return ""
    buttons = " ".join(
        f'<button type="button" data-action="{escape(action.kind)}"'
        + "".join(f' data-{key}="{escape(value)}"' for key, value in (
            ("export", action.export), ("filename", action.filename),
            ("media-type", action.media_type)) if value)
        + f">{escape(say(action.label, lang))}</button>"
        for action in actions
    )
    return f'<p class="calculator-actions" data-calculator-actions hidden>{buttons}</p>'


def _label(field, lang: str) -> str:
    """A field's label as a reader sees it, in `lang`."""
    return field.say(field.label, lang)


def field_html(calc_name: str, field, values: Mapping[str, str], errors: Mapping[str, str],
               lang: str, control=None) -> str:
    """One input as the form shows it: its label, its control (drawn by its kind), its help and
    its error slot, tied together by ids. `control(base, attributes, value)`, if given, draws
    the control instead of the field's kind (the diary puts each side effect's hours beside its
    box)."""
    base = f"calc-{calc_name}-{field.name}"
    error = errors.get(field.name)
    attributes = (f'id="{base}" name="{escape(field.name)}" '
                  f'aria-describedby="{base}-help {base}-error"'
                  + (' aria-invalid="true"' if error else "")
                  + (' aria-required="true"' if field.required else ""))
    slot = f'class="field-error" id="{base}-error" data-field="{escape(field.name)}"'
    below = (f'<p class="field-help" id="{base}-help">{escape(field.say(field.help, lang))}</p>'
             + (f"<p {slot}>{escape(error)}</p>" if error else f"<p {slot} hidden></p>"))
    unit = field.say(field.unit, lang)
    label = escape(_label(field, lang)) + (f" ({escape(unit)})" if unit else "")
    draw = control or (lambda *drawn: field.control(*drawn, lang))
    control = draw(base, attributes, values.get(field.name, ""))
    return field.labelled(base, label, control, below)
