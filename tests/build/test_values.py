"""`[value: KEY]` prints the data file's number; a hand-typed figure must be in the data file."""

import math

import pytest

from calculators import data
from tests.build.test_authoring_errors import GOOD_HEADER, build_error, build_with
from plugins.authoring.values import lookup


def article_html(tmp_path, body, header=GOOD_HEADER):
    out = build_with(tmp_path, body, header)
    return (out / "test-article" / "index.html").read_text()


def test_a_value_prints_the_data_files_number(tmp_path):
    body = (
        "Never above [value: schwartzman-2009.cap] mg an hour, up to "
        "[value: schwartzman-2009.dose_max] mg/kg an hour, for [value: schwartzman-2009.minutes] "
        "minutes; [value: nhs-highland.caps.1.mg_per_h] mg an hour under 50 kg; "
        "[value: sigtermans-ketamine-effects]% had such effects.\n\n"
        "Table: Values in a table\n\n| What | Rate |\n|---|---|\n"
        "| Cap | [value: schwartzman-2009.cap] mg an hour |\n"
    )
    html = article_html(tmp_path, body)
    assert "Never above 25 mg an hour, up to 0.35 mg/kg an hour, for 240 minutes" in html
    assert "15 mg an hour under 50 kg" in html and "76% had such effects" in html
    assert ">25 mg an hour</td>" in html
    assert "[value:" not in html


def test_a_value_in_the_summary_is_printed(tmp_path):
    header = GOOD_HEADER.replace(
        "Summary: A test article.", "Summary: Never above [value: schwartzman-2009.cap] mg an hour."
    )
    html = article_html(tmp_path, "Text.\n", header)
    assert "Never above 25 mg an hour." in html and "[value:" not in html


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Up to [value: schwartzman-2009.capp] mg.\n",
         "broken.md:8: unknown value 'schwartzman-2009.capp'; schwartzman-2009's numeric fields "
         "are: cap, dose_max, minutes, "),
        ("Up to [value: schwartzman-2009.dose_text].\n",
         "broken.md:8: not a number: 'schwartzman-2009.dose_text'; schwartzman-2009's numeric"),
        ("Text.\n\nUp to [value: schwartzman-2010.cap] mg.\n",
         "broken.md:10: unknown value 'schwartzman-2010.cap': no protocol 'schwartzman-2010'; "
         "protocols: schwartzman-2009, "),
        ("About [value: sigtermans-effects]%.\n",
         "broken.md:8: unknown value 'sigtermans-effects'; write PROTOCOL.FIELD"),
    ],
)
def test_an_unknown_value_names_file_line_and_the_known_keys(tmp_path, body, expected):
    assert expected in build_error(tmp_path, body)


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Text.\n\nThe rate was 31 mg an hour.\n", "broken.md:10: the figure '31 mg an hour' is not in"),
        ("Between 40 and 90 mg a day.\n", "broken.md:8: the figure '90' in '40 and 90 mg a day' is not in"),
        ("It rose by 3.28/3.5 mmHg.\n", "broken.md:8: the figure '3.5' in '3.28/3.5 mmHg'"),
        ("About 77% of people.\n", "broken.md:8: the figure '77%' is not in"),
        # 240 is in the data file, but as minutes: a figure must match in its own unit
        ("The rate was 240 mg an hour.\n", "broken.md:8: the figure '240 mg an hour' is not in"),
        ("About 2009 mg.\n", "broken.md:8: the figure '2009 mg' is not in"),
        # 25 is a figure in mg/h (a cap), never in mg/kg: a figure must match in its own unit
        ("Up to 25 mg/kg.\n", "broken.md:8: the figure '25 mg/kg' is not in"),
        ("Up to 80 mg/kg an hour.\n", "broken.md:8: the figure '80 mg/kg an hour' is not in"),
        ("Table: T\n\n| A | B |\n|---|---|\n| x | 0.36 mg/kg |\n", "broken.md:12: the figure '0.36 mg/kg'"),
        # The Spanish edition's words for ranges and rates are read as the English ones
        ("Entre 40 y 90 mg al día.\n", "broken.md:8: the figure '90' in '40 y 90 mg al día' is not in"),
        ("De 80 a 90 miligramos.\n", "broken.md:8: the figure '90' in '80 a 90 miligramos' is not in"),
        ("Hasta 25 mg/kg por hora.\n", "broken.md:8: the figure '25 mg/kg por hora' is not in"),
        ("Cerca del 77 por ciento.\n", "broken.md:8: the figure '77 por ciento' is not in"),
    ],
)
def test_a_hand_typed_figure_not_in_the_data_file_names_file_and_line(tmp_path, body, expected):
    message = build_error(tmp_path, body)
    assert expected in message
    assert "is not in the data file (calculators/data/protocols.toml); state it with [value: ...]" in message


def test_hand_typed_figures_the_data_file_holds_pass(tmp_path):
    body = (
        "Up to 0.35 mg/kg an hour, never above 25 mg an hour; 40 to 80 mg a day; "
        "2,342 infusions rose 16.0/11.0 mmHg; 76% against 18%; 0.98 % of sessions.\n\n"
        "In 2009, 60 people aged 18 to 70 had 4 hours a day for 10 days.\n"
    )
    assert "40 to 80 mg a day" in article_html(tmp_path, body)


def test_hand_typed_figures_in_spanish_words_the_data_file_holds_pass(tmp_path):
    body = ("Hasta 0.35 mg/kg por hora, nunca más de 25 mg por hora; de 40 a 80 mg al día; "
            "el 76 por ciento contra el 18%.\n")
    assert "de 40 a 80 mg al día" in article_html(tmp_path, body)


def test_values_and_figures_inside_code_are_left_alone(tmp_path):
    body = (
        "Write `[value: nope]` or `31 mg` like this:\n\n"
        "```\nUp to [value: schwartzman-2009.capp] mg, 31 mg an hour.\n```\n\n"
        "    [value: indented]\n"
    )
    html = article_html(tmp_path, body)
    assert "<code>[value: nope]</code>" in html and "<code>31 mg</code>" in html
    assert "[value: schwartzman-2009.capp] mg, 31 mg an hour." in html
    assert "[value: indented]" in html


def test_every_figure_is_a_finite_number_with_a_known_reference():
    references = data.references()
    assert data.figures()
    for figure_id, figure in data.figures().items():
        assert "." not in figure_id, figure_id
        assert type(figure["value"]) in (int, float) and math.isfinite(figure["value"]), figure_id
        assert isinstance(figure["unit"], str), figure_id
        assert figure["reference"] in references, figure_id
        assert isinstance(figure.get("text", ""), str), figure_id


def test_a_figure_in_the_summary_is_checked(tmp_path):
    header = GOOD_HEADER.replace("Summary: A test article.", "Summary: Up to 31 mg an hour.")
    assert "broken.md:5: the figure '31 mg an hour' is not in the data file" in build_error(
        tmp_path, "Text.\n", header
    )


def test_a_protocols_cap_is_its_lowest_the_one_the_calculator_holds_to():
    highland = data.protocols()["nhs-highland"]
    assert len(highland.caps) > 1  # a cap for each weight band: the lowest is the one
    assert lookup("nhs-highland.cap") == min(cap.mg_per_h for cap in highland.caps)
    assert lookup("nhs-highland.cap") == highland.cap.mg_per_h
    assert lookup("nhs-highland.caps.0.mg_per_h") == highland.caps[0].mg_per_h
