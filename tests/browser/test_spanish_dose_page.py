"""The Spanish dose calculator in a real browser: a decimal comma is read, Python (Pyodide)
answers in Spanish, and a bad number gets Python's Spanish field error."""

import calculators
from tests.browser.test_calculators import form_fields, output_text, text, wait_for_result


def test_spanish_dose_reads_a_decimal_comma_and_answers_in_python_in_spanish(visit):
    v = visit()
    v.page.goto("/es/calculators/dose/")
    wait_for_result(v.page, "dose")
    assert v.page.evaluate("document.documentElement.lang") == "es-US"
    v.page.fill("#calc-dose-weight", "70,5")
    v.page.wait_for_function("() => location.search.includes('weight=70%2C5')")
    wait_for_result(v.page, "dose")
    fields = form_fields(v.page, "dose")
    assert fields["weight"] == "70,5"
    expected = calculators.run("dose", fields, lang="es")
    assert not expected.errors
    assert output_text(v.page, "dose") == text(expected.html)
    assert v.page.locator("form[data-calculator='dose'][data-runtime='python']").count() == 1


def test_spanish_dose_gives_a_spanish_field_error_for_abc(visit):
    v = visit()
    v.page.goto("/es/calculators/dose/")
    wait_for_result(v.page, "dose")
    v.page.fill("#calc-dose-weight", "abc")
    slot = v.page.locator("#calc-dose-weight-error")
    slot.wait_for()
    wait_for_result(v.page, "dose")
    expected = calculators.run("dose", form_fields(v.page, "dose"), lang="es").errors["weight"]
    assert slot.inner_text() == expected
