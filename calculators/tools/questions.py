"""Questions to bring to your clinician: a list built from what the reader ticks, never a verdict.

The reader ticks the health problems and medicines that apply to them, from the data file's
considerations (the same rows as the article's tables of contraindications, cautions and
interactions). The result is a list of questions: one for each thing ticked, with why it
matters and its references, then the questions for every reader (the data file's [general]).
Nothing here decides anything: a caution is a question to ask, and a reader who ticks nothing
gets the questions for everyone and no word about themselves. The answers are private
(`private`): the page keeps them out of its address, and nothing sends them anywhere.
"""

from collections.abc import Mapping

from calculators import data, messages, render, schema
from calculators.fields import Ticks
from calculators.messages import N_, say, say_n
from calculators.render import escape
from calculators.schema import Action, Result

name = "questions"
title = N_("questions.title")
summary = N_("questions.summary")
# A list of questions illustrates no protocol and decides nothing: its framing says so.
framing = N_("questions.framing")
embeddable = True
embed_height = 1000  # px: an embed's height before its loader sizes it
# What the reader ticks is about their health: the page never writes it into its address (no
# shared link or server log holds it), and prints no link that would.
private = True
endorsed = True  # its printout names the clinic: readers ask more with a list their clinic gives


def _grouped(lang: str) -> dict[str, tuple[str, ...]]:
    """Each group's heading, with its considerations' keys, in the data file's order."""
    found = data.considerations(lang).values()
    return {heading: tuple(c.key for c in found if c.group == group)
            for group, heading in data.groups(lang).items()}


inputs = (
    Ticks(name="have", label=N_("questions.have.label"), help=N_("questions.have.help"),
          invalid=N_("questions.have.invalid"), metavar="KEY[,KEY...]",
          choices=tuple((key, key) for key in data.considerations()),
          option_words=lambda lang: {c.key: c.tick for c in data.considerations(lang).values()},
          grouped=_grouped),
)
actions = (Action("print", N_("questions.print")),)
limitations = (N_("questions.limitation.no-verdict"), N_("questions.limitation.not-all"),
               N_("questions.limitation.private"))


def compute(fields: Mapping[str, str], lang: str = messages.DEFAULT) -> Result:
    read = schema.Reader(inputs, fields, lang)
    have = read.get("have")
    if read.errors:
        return render.failure(name, read)
    known = data.considerations(lang)
    ticked = [{"key": key, "topic": known[key].topic, "question": known[key].question,
               "why": known[key].why, "references": list(known[key].references)}
              for key in have]
    general = [{"key": q.key, "question": q.question, "why": q.why,
                "references": list(q.references)} for q in data.general_questions(lang)]
    references = list(dict.fromkeys(ref for item in ticked + general for ref in item["references"]))
    values = {"have": list(have), "questions": ticked, "general": general,
              "notes": [], "note_codes": []}
    if ticked:
        sentence = say_n("questions.summary.ticked", "questions.summary.ticked.plural",
                         len(ticked), lang, general=len(general))
    else:
        sentence = say("questions.summary.none", lang, general=len(general))
    html = _html(ticked, general, references, lang)
    return Result(values, [], {}, html, references, summary=render.summary(sentence, read))


def _items(items: list[dict], start: int, lang: str) -> str:
    refs = data.references(lang)
    return f'<ol class="calculator-questions" start="{start}">' + "".join(
        f'<li data-key="{escape(item["key"])}"><p class="calculator-question">'
        f'{escape(item["question"])}</p><p class="calculator-question-why">'
        f'{escape(say("questions.why", lang, why=item["why"]))} '
        + "; ".join(f'<cite data-reference="{escape(ref)}">{escape(refs[ref].short)}</cite>'
                    for ref in item["references"])
        + "</p></li>" for item in items) + "</ol>"


def _html(ticked: list[dict], general: list[dict], references: list[str], lang: str) -> str:
    parts = ['<div class="calculator-result calculator-question-list">']
    if ticked:
        parts += [f'<p class="calculator-heading">{escape(say("questions.heading.ticked", lang))}</p>',
                  _items(ticked, 1, lang)]
    else:
        parts.append(f'<p>{escape(say("questions.nothing-ticked", lang))}</p>')
    parts += [f'<p class="calculator-heading">{escape(say("questions.heading.general", lang))}</p>',
              _items(general, len(ticked) + 1, lang),
              # On paper only: room for the reader's own questions
              f'<div class="calculator-own-questions"><p class="calculator-heading">'
              f'{escape(say("questions.heading.own", lang))}</p></div>',
              render.reference_list(references, lang), "</div>"]
    return "".join(parts)


def text(result: Result, lang: str = messages.DEFAULT) -> list[str]:
    """The list for a terminal: each question, why it matters and its sources, numbered."""
    refs = data.references(lang)
    lines = [say(framing, lang), "", say(title, lang), ""]
    ticked, general = result.values["questions"], result.values["general"]
    if ticked:
        lines.append(say("questions.heading.ticked", lang) + ":")
    else:
        lines.append(say("questions.nothing-ticked", lang))
    for number, item in enumerate(ticked + general, start=1):
        if number == len(ticked) + 1:
            lines.append(say("questions.heading.general", lang) + ":")
        sources = "; ".join(refs[ref].short for ref in item["references"])
        lines += [f"{number}. {item['question']}",
                  f"   {say('questions.why', lang, why=item['why'])} ({sources})"]
    return lines + [""] + render.text_tail(result, "", lang)
