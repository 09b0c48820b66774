"""The question list (issue 22): whatever a reader ticks, it asks and explains, never decides.

Every combination of up to three ticked things, and all of them at once, is run: no output
gives a verdict (a list of phrases this test keeps), every sentence of a question is a question
and every sentence of its reason an explanation (never an order), every question carries a
reference, and every thing ticked gets a question that names its topic. The expected words are
the data file's and the catalogue's, never English written here.
"""

import functools
import itertools
import json
import re
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calculators
from calculators import data, render
from calculators.messages import say, say_n
from calculators.render import escape
from calculators.tools import questions
from scripts.content_check import GRADE_TARGET, grades
from tests.vectors import QUESTIONS, QUESTIONS_BAD
from tests.verdicts import TextOf, verdicts

KEYS = tuple(data.considerations())
# Every choice of none to three things ticked (about 2,600), and everything ticked at once.
COMBINATIONS = [ticked for size in range(4) for ticked in itertools.combinations(KEYS, size)]
COMBINATIONS.append(KEYS)

# Verbs that start an order. An explanation never starts with one, and neither does the main
# clause of a sentence that starts with a condition ("If ..., tell ..."), nor what follows a
# colon or a semicolon ("...: ask your eye doctor"). (Left out: verbs whose form is also a
# sentence's usual first noun or adjective, such as "use" and "lower".)
IMPERATIVES = frozenset("""
    stop start take avoid do don't never tell ask make go call keep get see check talk speak
    wait skip seek let be try bring write contact consider continue reduce increase quit hold
    give have please remember note ensure follow drink eat drive book plan discuss mention watch
    stay cut switch change mind beware limit read find choose pick
""".split())
CONDITIONS = frozenset("if when before after until unless while once".split())
LISTED = re.compile(r'<li data-key="([^"]+)">(.*?)</li>')  # a question on the page
CITED = re.compile(r'<cite data-reference="([^"]+)">')
SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z0-9“\"(])")
CLAUSE = re.compile(r"[:;]\s+")


def untitled(texts, references) -> list[str]:
    """The texts without the titles of the sources they list: a source's title is its own words,
    not ours to a reader (one clinic's page is titled for "who is not a good candidate")."""
    titles = [render.reference_parts(ref)[0] for ref in references]
    return [functools.reduce(lambda text, title: text.replace(title, " "), titles, text)
            for text in texts]


def reader_facing(result) -> list[str]:
    """Everything of a result a reader meets: its summary, its HTML's words, the command line's
    lines, and the calculator's limitations (the sources' titles aside)."""
    return untitled([result.summary, str(TextOf(result.html)), *questions.text(result),
                     *(say(code) for code in questions.limitations)], result.references)


def sentences(text: str) -> list[str]:
    return [sentence for sentence in SENTENCE_END.split(text.strip()) if sentence]


def first_word(clause: str) -> str:
    return clause.split(maxsplit=1)[0].strip("“\"(").replace("’", "'").lower() if clause else ""


def is_order(sentence: str) -> bool:
    """A sentence (or one of its clauses after a colon or semicolon) that starts with an
    imperative verb, or whose main clause after a condition does."""
    clauses = CLAUSE.split(sentence)
    if any(first_word(clause) in IMPERATIVES for clause in clauses):
        return True
    if first_word(sentence) in CONDITIONS and "," in sentence:
        return first_word(sentence.split(",", 1)[1]) in IMPERATIVES
    return False


def sentence_problems(item: dict) -> list[str]:
    """What breaks the sentence rule in a question and its reason: the question's sentences are
    questions; the reason's are explanations (they end with a full stop and give no order)."""
    found = [f"{item['key']}: not a question: {sentence!r}"
             for sentence in sentences(item["question"]) if not sentence.endswith("?")]
    found += [f"{item['key']}: not an explanation: {sentence!r}"
              for sentence in sentences(item["why"])
              if not sentence.endswith(".") or is_order(sentence)]
    return found


@functools.cache
def checked_item(key: str, question: str, why: str, references: tuple[str, ...]) -> list[str]:
    """The problems of one question as a result gives it (the same item recurs in many
    combinations: its sentences are read once)."""
    item = {"key": key, "question": question, "why": why}
    known = data.references()
    found = sentence_problems(item)
    if not references or not set(references) <= set(known):
        found.append(f"{key}: references {references!r}: none, or not all known")
    return found


def combination_problems(ticked: tuple[str, ...]) -> list[str]:
    result = calculators.run("questions", {"have": ",".join(ticked)})
    if not result.ok:
        return [f"{ticked}: {result.errors}"]
    values = result.values
    found = [f"{ticked}: says {phrase!r}" for phrase in verdicts(reader_facing(result))]
    if [item["key"] for item in values["questions"]] != list(ticked):
        found.append(f"{ticked}: questions for {[i['key'] for i in values['questions']]}")
    for item in values["questions"]:
        topic = data.considerations()[item["key"]].topic
        if topic.lower() not in item["question"].lower():
            found.append(f"{ticked}: the question for {item['key']} does not name {topic!r}")
    if [item["key"] for item in values["general"]] != [q.key for q in data.general_questions()]:
        found.append(f"{ticked}: not every general question")
    for item in values["questions"] + values["general"]:
        found += checked_item(item["key"], item["question"], item["why"],
                              tuple(item["references"]))
    cited = {ref for item in values["questions"] + values["general"] for ref in item["references"]}
    if set(result.references) != cited:
        found.append(f"{ticked}: the reference list is not the questions' references")
    # and the page shows each question with its own sources beside it
    shown = {key: CITED.findall(item) for key, item in LISTED.findall(result.html)}
    items = values["questions"] + values["general"]
    if shown != {item["key"]: item["references"] for item in items}:
        found.append(f"{ticked}: the page's questions do not cite their own references")
    return found


def test_no_combination_gives_a_verdict_an_order_or_a_question_without_its_topic_or_source():
    found = [problem for ticked in COMBINATIONS for problem in combination_problems(ticked)]
    assert not found, "\n".join(found[:40])


def test_the_form_gives_no_verdict_either():
    form = calculators.render_form("questions", {"have": ",".join(KEYS)})
    assert not verdicts(untitled([str(TextOf(form))], data.references()))


@pytest.mark.parametrize("text", [
    # The checks catch what they are for: the data's own words turned into a verdict or an order.
    "{tick}: you cannot have ketamine.",
    "With {tick}, you’re fine.",
    "Ketamine will work for you.",
])
def test_the_verdict_check_finds_a_verdict(text):
    tick = data.considerations()["liver"].tick
    assert verdicts([text.format(tick=tick)])


@pytest.mark.parametrize(("question", "why"), [
    ("{question}", "{why}. Stop your {topic} medicine."),  # an order after the reason
    ("{question}", "{why}. If you have {topic} problems, tell your doctor."),  # a condition's order
    ("{question}", "{why}: ask your doctor."),  # an order after a colon
    ("{question}", "{why}. Is it?"),  # a question in the reason
    ("{why}", "{why}"),  # a reason where the question should be
])
def test_the_sentence_rule_finds_an_order_or_a_misplaced_sentence(question, why):
    liver = data.considerations()["liver"]
    words = {"question": liver.question, "why": liver.why.rstrip("."), "topic": liver.topic}
    item = {"key": "liver", "question": question.format(**words), "why": why.format(**words)}
    assert sentence_problems(item)
    assert not sentence_problems({"key": "liver", "question": liver.question, "why": liver.why})


def test_nothing_ticked_gives_the_general_questions_and_no_word_about_the_reader():
    general = data.general_questions()
    for fields in ({}, {"have": ""}, {"have": " , "}):
        result = calculators.run("questions", fields)
        assert result.ok and result.values["have"] == [] and result.values["questions"] == []
        assert [item["key"] for item in result.values["general"]] == [q.key for q in general]
        assert [item["question"] for item in result.values["general"]] == [
            q.question for q in general]
        assert result.summary == say("questions.summary.none", general=len(general))
        assert escape(say("questions.nothing-ticked")) in result.html
        assert say("questions.nothing-ticked") in questions.text(result)
        assert escape(say("questions.heading.ticked")) not in result.html
        # No consideration's words: nothing about the reader's health, good or bad
        shown = " ".join(reader_facing(result))
        for consideration in data.considerations().values():
            assert f'data-key="{consideration.key}"' not in result.html
            for words in (consideration.tick, consideration.question, consideration.why,
                          *(row.means for row in consideration.rows),
                          *(row.condition for row in consideration.rows)):
                assert words not in shown, consideration.key
        assert not verdicts([shown])


@pytest.mark.parametrize("fields", QUESTIONS)
def test_the_shared_input_sets_give_their_questions_and_summary(fields):
    result = calculators.run("questions", fields)
    chosen = {token.strip().lower() for token in fields.get("have", "").split(",")} - {""}
    ticked = [key for key in KEYS if key in chosen]
    assert result.ok and result.values["have"] == ticked
    assert [item["key"] for item in result.values["questions"]] == ticked
    general = len(data.general_questions())
    assert result.summary == (
        say_n("questions.summary.ticked", "questions.summary.ticked.plural", len(ticked),
              general=general) if ticked else say("questions.summary.none", general=general))


@pytest.mark.parametrize("fields", QUESTIONS_BAD)
def test_an_unknown_key_is_an_error_naming_it_and_every_valid_one(fields):
    result = calculators.run("questions", fields)
    unknown = sorted({token.strip().lower() for token in fields["have"].split(",")} - set(KEYS))
    assert not result.ok and result.codes == {"have": "invalid"}
    assert result.errors["have"] == say("questions.have.invalid", unknown=", ".join(unknown),
                                        valid=", ".join(KEYS))


@given(st.text(max_size=60))
def test_any_text_gives_questions_or_an_error_never_a_crash(have):
    result = calculators.run("questions", {"have": have})
    assert result.ok or result.codes == {"have": "invalid"}
    json.dumps(result.to_dict(), allow_nan=False)


# --- the command line ---------------------------------------------------------------------------

def cli(*args):
    return subprocess.run([sys.executable, "-m", "calculators", "questions", *args],
                          capture_output=True, text=True, check=False)


def test_the_command_line_lists_the_questions_of_what_is_ticked_then_the_general_ones():
    done = cli("--have", "liver,sedatives")
    assert done.returncode == 0 and done.stderr == ""
    lines = done.stdout.splitlines()
    items = [data.considerations()["liver"], data.considerations()["sedatives"],
             *data.general_questions()]
    numbered = [line for line in lines if re.match(r"\d+\. ", line)]
    assert numbered == [f"{number}. {item.question}" for number, item in enumerate(items, 1)]
    assert say("questions.heading.ticked") + ":" in lines
    assert f"  - {say('questions.limitation.no-verdict')}" in lines


def test_the_command_line_json():
    done = cli("--have", "liver,sedatives", "--json")
    assert done.returncode == 0 and done.stderr == ""
    out = json.loads(done.stdout)
    assert {"questions", "general", "references", "summary", "framing", "limitations"} <= set(out)
    result = calculators.run("questions", {"have": "liver,sedatives"})
    assert out["questions"] == result.values["questions"]
    assert [item["key"] for item in out["questions"]] == ["liver", "sedatives"]
    assert out["general"] == result.values["general"] and out["summary"] == result.summary
    assert out["references"] == result.references
    assert out["framing"] == say("questions.framing")
    assert out["limitations"] == [say(code) for code in questions.limitations]


def test_nothing_ticked_on_the_command_line():
    done = cli("--json")
    assert done.returncode == 0
    out = json.loads(done.stdout)
    assert out["questions"] == [] and len(out["general"]) == len(data.general_questions())
    assert out["summary"] == say("questions.summary.none", general=len(data.general_questions()))


@pytest.mark.parametrize("have", ["nope", "liver,nope", "Liver, NOPE ,sedatives"])
def test_an_unknown_key_on_the_command_line_exits_2_naming_the_valid_ones(have):
    done = cli("--have", have, "--json")
    assert done.returncode == 2 and done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line == f"have: {calculators.run('questions', {'have': have}).errors['have']}"
    assert "nope" in line and all(key in line for key in KEYS)


def test_the_help_lists_every_key_as_any_of_them():
    done = cli("--help")
    assert done.returncode == 0
    help_text = " ".join(done.stdout.split())
    assert say("cli.any-of", values=", ".join(KEYS)) in help_text
    assert "KEY[,KEY...]" in help_text


# --- reading grade ------------------------------------------------------------------------------

ITEMS = {**{key: c for key, c in data.considerations().items()},
         **{q.key: q for q in data.general_questions()}}


@pytest.mark.parametrize("key", ITEMS)
def test_every_question_with_its_reason_is_at_grade_8_or_below(key):
    item = ITEMS[key]
    grade, _ = grades(f"{item.question} {item.why}")
    assert grade <= GRADE_TARGET, f"{key}: Flesch-Kincaid {grade:.1f}"


def test_the_boxes_read_at_grade_8_or_below():
    # The boxes as the reader reads them: each group's heading, then its labels, one sentence
    # each. A label alone is too short to grade: Flesch-Kincaid is counted in syllables a word
    # and words a sentence over a passage, so the one word "Breastfeeding" alone grades 20 and
    # "Liver disease" 8.8, for their syllables only.
    (field,) = questions.inputs
    boxes, grouped = dict(field.options("en")), field.grouped("en")
    passage = " ".join(f"{heading}. " + " ".join(f"{boxes[key]}." for key in keys)
                       for heading, keys in grouped.items())
    assert sorted(key for keys in grouped.values() for key in keys) == sorted(KEYS)
    grade, _ = grades(passage)
    assert grade <= GRADE_TARGET, f"the boxes: Flesch-Kincaid {grade:.1f}"
