"""The calculators in a real browser: Python in Pyodide gives what CPython gives."""

import re
from urllib.parse import urlencode

import icalendar
import pytest

import calculators
from tests.html_index import PageParser, Page
from tests.vectors import DOSE, DOSE_BAD, SCHEDULE

READY = "form[data-runtime='python']"
BOOT_TIMEOUT = 60_000


def text(html):
    page = Page(path=None)
    parser = PageParser(page)
    parser.feed(html)
    return " ".join("".join(page.text).split())


def form_fields(page, name):
    return page.evaluate(
        """name => {
            const form = document.querySelector(`form[data-calculator="${name}"]`);
            const fields = {};
            for (const [k, v] of new FormData(form)) fields[k] = k in fields ? `${fields[k]},${v}` : v;
            for (const box of form.querySelectorAll("input[type=checkbox]")) fields[box.name] ??= "";
            return fields;
        }""",
        name,
    )


def output_text(page, name):
    return " ".join(page.text_content(f"form[data-calculator='{name}'] [data-calculator-output]").split())


def wait_for_result(page, name):
    page.wait_for_selector(f"form[data-calculator='{name}'][data-runtime='python']", timeout=BOOT_TIMEOUT)
    page.wait_for_function(
        "name => !document.querySelector(`form[data-calculator='${name}']`).dataset.busy", arg=name
    )


@pytest.mark.parametrize("name, fields", [("dose", f) for f in DOSE] + [("schedule", f) for f in SCHEDULE])
def test_browser_result_equals_cpython(visit, name, fields):
    v = visit()
    v.page.goto(f"/calculators/{name}/?{urlencode(fields)}")
    wait_for_result(v.page, name)
    sent = form_fields(v.page, name)
    for key, value in fields.items():
        if key in sent and key != "open_days":
            assert sent[key] == value, key
    expected = calculators.run(name, {**sent, **fields})
    assert output_text(v.page, name) == text(expected.html)
    assert expected.ok


def test_typing_recomputes_and_mirrors_the_query(visit):
    v = visit()
    v.page.goto("/calculators/dose/")
    wait_for_result(v.page, "dose")
    v.page.fill("#calc-dose-weight", "82.5")
    v.page.wait_for_function("() => location.search.includes('weight=82.5')")
    wait_for_result(v.page, "dose")
    expected = calculators.run("dose", form_fields(v.page, "dose"))
    assert output_text(v.page, "dose") == text(expected.html)
    # the address bar reproduces the result
    again = visit()
    again.page.goto(v.page.url)
    wait_for_result(again.page, "dose")
    assert output_text(again.page, "dose") == output_text(v.page, "dose")


@pytest.mark.parametrize("fields", DOSE_BAD)
def test_bad_input_shows_the_field_error_and_no_result(visit, fields):
    v = visit()
    v.page.goto(f"/calculators/dose/?{urlencode(fields)}")
    wait_for_result(v.page, "dose")
    expected = calculators.run("dose", {**form_fields(v.page, "dose"), **fields})
    assert expected.errors
    for field, message in expected.errors.items():
        slot = v.page.locator(f"#calc-dose-{field}-error")
        assert slot.is_visible() and slot.inner_text() == message
        control = v.page.locator(f"form[data-calculator='dose'] [name='{field}']").first
        assert control.get_attribute("aria-invalid") == "true"
        assert f"calc-dose-{field}-error" in control.get_attribute("aria-describedby")
    shown = output_text(v.page, "dose")
    # No worked figures: a refusal may name the published bound it meets, never an amount.
    assert not v.page.locator("[data-calculator-output] .calculator-values").count()
    assert not re.search(r"\d\s*(mg/h|mL)\b", shown)
    assert "NaN" not in v.page.inner_text("main") and "nan " not in shown.lower()


def test_without_javascript_the_form_and_worked_example_are_there(visit):
    v = visit(java_script_enabled=False)
    for name in ("dose", "schedule"):
        v.page.goto(f"/calculators/{name}/")
        form = v.page.locator(f"form[data-calculator='{name}']")
        assert form.count() == 1 and form.get_attribute("data-runtime") is None
        expected = calculators.run(name, form_fields_static(v.page, name))
        assert output_text(v.page, name) == text(expected.html)
        assert expected.ok
        assert "Worked example" in form.locator(".calculator-status").inner_text()
        assert not form.locator("button[type=submit]").is_visible()


def form_fields_static(page, name):
    """Read the prerendered form's values without running page scripts (JS is off)."""
    html = page.content()
    fields = {}
    form = html.split(f'data-calculator="{name}"', 1)[1].split("</form>", 1)[0]
    for tag in re.findall(r"<(?:input|select)[^>]*>(?:.*?</select>)?", form, re.S):
        name_ = re.search(r'name="([^"]+)"', tag)
        if not name_:
            continue
        if tag.startswith("<select"):
            chosen = re.search(r'<option[^>]*value="([^"]*)"[^>]*selected', tag) or re.search(r'<option[^>]*value="([^"]*)"', tag)
            value = chosen.group(1)
        elif 'type="checkbox"' in tag or 'type="radio"' in tag:
            if "checked" not in tag:
                fields.setdefault(name_.group(1), "")
                continue
            value = re.search(r'value="([^"]*)"', tag).group(1)
        else:
            found = re.search(r'value="([^"]*)"', tag)
            value = found.group(1) if found else ""
        key = name_.group(1)
        fields[key] = f"{fields[key]},{value}".strip(",") if fields.get(key) else value
    return fields


@pytest.mark.parametrize("path", ["/calculators/dose/", "/calculators/schedule/", "/protocols-in-practice/"])
def test_calculator_pages_have_no_serious_axe_violations(visit, path):
    v = visit()
    v.page.goto(path)
    name = "schedule" if "schedule" in path else "dose"
    wait_for_result(v.page, name)
    assert v.axe() == []
    assert not v.errors


def test_keyboard_alone_can_use_the_dose_calculator(visit):
    v = visit()
    v.page.goto("/calculators/dose/")
    wait_for_result(v.page, "dose")
    for _ in range(40):
        v.page.keyboard.press("Tab")
        if v.page.evaluate("document.activeElement.id") == "calc-dose-weight":
            break
    else:
        pytest.fail("Tab never reached the weight field")
    v.page.keyboard.press("Control+A")
    v.page.keyboard.type("90")
    v.page.wait_for_function("() => location.search.includes('weight=90')")
    wait_for_result(v.page, "dose")
    assert output_text(v.page, "dose") == text(calculators.run("dose", form_fields(v.page, "dose")).html)


def test_schedule_downloads_an_ics_file(visit, tmp_path):
    v = visit(accept_downloads=True)
    fields = SCHEDULE[0]
    v.page.goto(f"/calculators/schedule/?{urlencode(fields)}")
    wait_for_result(v.page, "schedule")
    with v.page.expect_download() as download:
        v.page.get_by_role("button", name=re.compile("Download")).click()
    path = tmp_path / "plan.ics"
    download.value.save_as(path)
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    events = [e for e in calendar.walk("VEVENT")]
    sessions = calculators.run("schedule", form_fields(v.page, "schedule")).values["sessions"]
    assert len(events) == len(sessions)


def test_runtime_failure_says_so_and_keeps_the_worked_example(visit):
    v = visit()
    v.context.route("**/pyodide-lock.json", lambda route: route.fulfill(status=404, body="gone"))
    v.page.goto("/calculators/dose/")
    status = v.page.locator("form[data-calculator='dose'] .calculator-status")
    status.filter(has_text="could not load").wait_for(timeout=BOOT_TIMEOUT)
    assert "mg" in output_text(v.page, "dose")
    assert v.page.locator("form[data-runtime='python']").count() == 0


def test_runtime_and_wheel_come_from_the_site_itself(visit):
    v = visit()
    v.page.goto("/calculators/dose/")
    wait_for_result(v.page, "dose")
    fetched = [url for url in v.requests if "/runtime/" in url]
    for name in ("pyodide.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json",
                 "calculators-0.1.0-py3-none-any.whl"):
        assert any(url.startswith(v.page.url.split("/calculators/")[0]) and url.endswith(name)
                   for url in fetched), name
