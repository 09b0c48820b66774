"""The calculators in a real browser: Python in Pyodide gives what CPython gives."""

import re
from urllib.parse import urlencode

import icalendar
import pytest

import calculators
from scripts.html_index import PageParser, Page
from calculators.messages import say
from tests.vectors import DOSE, DOSE_BAD, QUESTIONS, SCHEDULE
from tests.words import SITE_WORDS, fixed_part

# What the status line says when the runtime could not load (its reason aside).
FAILED = fixed_part(SITE_WORDS("runtime.failed"))

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


@pytest.mark.parametrize(
    "name, fields",
    [("dose", f) for f in DOSE] + [("schedule", f) for f in SCHEDULE],
)
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


# What a screen reader would announce in a form: its aria-live regions and live roles.
LIVE_REGIONS = """name => {
    const form = document.querySelector(`form[data-calculator="${name}"]`);
    const live = "[aria-live], [role=status], [role=alert], [role=log]";
    const output = form.querySelector("[data-calculator-output]");
    return {
        ariaLive: [...form.querySelectorAll("[aria-live]")].map((element) =>
            [element.className, element.getAttribute("aria-live"), element.getAttribute("aria-atomic")]),
        outputInLive: Boolean(output.closest(live) || output.querySelector(live)),
        summary: form.querySelector("[data-calculator-summary]").textContent,
    };
}"""


def test_after_an_input_only_the_one_sentence_summary_is_announced(visit):
    """The full result (figures, formula, references) is not re-read at each input: the form's
    one live region is its summary, which says the new result's sentence (a decimal comma's
    reading included), or which fields need fixing."""
    v = visit()
    v.page.goto("/calculators/dose/")
    wait_for_result(v.page, "dose")
    worked_example = calculators.run("dose", form_fields(v.page, "dose")).summary
    assert v.page.evaluate(LIVE_REGIONS, "dose")["summary"] == worked_example
    for typed in ("82,5", "1,000"):
        v.page.fill("#calc-dose-weight", typed)
        v.page.wait_for_function(f"() => location.search.includes({urlencode({'weight': typed})!r})")
        wait_for_result(v.page, "dose")
        expected = calculators.run("dose", form_fields(v.page, "dose"))
        assert expected.ok == (typed == "82,5")
        live = v.page.evaluate(LIVE_REGIONS, "dose")
        assert live["ariaLive"] == [["calculator-summary", "polite", "true"]]
        assert not live["outputInLive"]
        assert live["summary"] == expected.summary != worked_example
    assert output_text(v.page, "dose") == text(expected.html)


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
        assert say("form.no-script-status") in form.locator(".calculator-status").inner_text()
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
        v.page.get_by_role("button", name=say("schedule.action.ics")).click()
    path = tmp_path / "plan.ics"
    download.value.save_as(path)
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    events = [e for e in calendar.walk("VEVENT")]
    sessions = calculators.run("schedule", form_fields(v.page, "schedule")).values["sessions"]
    assert len(events) == len(sessions)


@pytest.mark.parametrize("missing", ["**/pyodide-lock.json", "**/calculator-worker.js?*"])
def test_runtime_failure_says_so_and_keeps_the_worked_example(visit, missing):
    v = visit(own_worker=True)  # (routed; the shared worker's own failure: test_offline.py)
    v.context.route(missing, lambda route: route.fulfill(status=404, body="gone"))
    v.page.goto("/calculators/dose/")
    status = v.page.locator("form[data-calculator='dose'] .calculator-status")
    status.filter(has_text=FAILED).wait_for(timeout=BOOT_TIMEOUT)
    assert "mg" in output_text(v.page, "dose")
    assert v.page.locator("form[data-runtime='python']").count() == 0
    if "worker" in missing:  # (Pyodide itself leaves an unhandled rejection on a bad lock file)
        assert not v.errors


def test_runtime_and_wheel_come_from_the_site_itself(visit):
    v = visit(own_worker=True)
    v.page.goto("/calculators/dose/")
    wait_for_result(v.page, "dose")
    fetched = [url for url in v.requests if "/runtime/" in url]
    # The snapshot boot; the plain one (wheel, python_stdlib.zip) is in test_snapshot_boot.py.
    for name in ("pyodide.mjs", "pyodide.asm.wasm", "pyodide-lock.json", "calculators.snapshot",
                 "empty-stdlib.zip"):
        assert any(url.startswith(v.page.url.split("/calculators/")[0]) and url.endswith(name)
                   for url in fetched), name


# The runtime's contract: states, actions, the worked example kept, failure that never hangs.

SCHEDULE_FORM = "form[data-calculator='schedule']"
WORKER_SCRIPT = re.compile(r"/calculator-worker\.js(\?|$)")
# Test-side probes, installed before any page script: a fixed later "today", a recorded print,
# and every unhandled promise rejection.
FIXED_TODAY = """(() => {
    const Real = Date, fixed = new Real(2031, 2, 12, 10, 0, 0).getTime();  // Wed 12 March 2031
    globalThis.Date = class extends Real {
        constructor(...args) { super(...(args.length ? args : [fixed])); }
        static now() { return fixed; }
    };
})();"""
PROBES = """
    window.testPrinted = 0;
    window.print = () => { window.testPrinted += 1; };
    window.testUnhandled = [];
    window.addEventListener("unhandledrejection", (event) => testUnhandled.push(String(event.reason)));
"""
# Stand-ins for the worker: ready at once, then it dies while a computation is pending.
DYING_WORKERS = {
    "throws": "setTimeout(() => { throw new Error('the test worker died'); }, 400);",
    "says failed": "setTimeout(() => self.postMessage({type: 'failed', message: 'test'}), 400);",
}


def dying_worker(death):
    return f"""self.onmessage = ({{ data }}) => {{
        if (data.type === "init") self.postMessage({{ type: "ready" }});
        else {{ {death} }}
    }};"""


def test_actions_appear_only_once_ready_and_print(visit):
    v = visit(own_worker=True)
    v.page.add_init_script(PROBES)
    held = []
    v.page.route("**/pyodide-lock.json", lambda route: held.append(route))
    v.page.goto("/calculators/schedule/")
    form = v.page.locator(SCHEDULE_FORM)
    form.locator(".calculator-status").filter(has_text="Loading").wait_for()
    while not held:
        v.page.wait_for_timeout(50)
    actions = form.locator("[data-calculator-actions]")
    assert actions.count() == 1 and not actions.is_visible()
    assert not form.locator(".calculator-submit").is_visible()
    held[0].continue_()
    wait_for_result(v.page, "schedule")
    assert actions.is_visible() and form.locator(".calculator-submit").is_visible()
    assert "Ready" in form.locator(".calculator-status").inner_text()
    download = actions.locator("button[data-action='download']")
    assert download.get_attribute("data-export") == "ics"
    assert download.get_attribute("data-filename").endswith(".ics")
    assert download.get_attribute("data-media-type") == "text/calendar"
    actions.locator("button[data-action='print']").click()
    assert v.page.evaluate("testPrinted") == 1
    assert v.page.evaluate("testUnhandled") == [] and not v.errors


@pytest.mark.parametrize("death", DYING_WORKERS)
def test_a_dying_worker_rejects_pending_requests_and_clears_busy(visit, death):
    v = visit(own_worker=True)
    v.page.add_init_script(PROBES)
    v.page.route(WORKER_SCRIPT, lambda route: route.fulfill(
        status=200, content_type="text/javascript", body=dying_worker(DYING_WORKERS[death])))
    v.page.goto("/calculators/schedule/")
    v.page.wait_for_selector(f"{SCHEDULE_FORM}[data-busy]")  # a computation is pending
    form = v.page.locator(SCHEDULE_FORM)
    form.locator(".calculator-status").filter(has_text=FAILED).wait_for()
    assert form.get_attribute("data-busy") is None and form.get_attribute("data-runtime") is None
    assert form.locator("[data-calculator-output]").get_attribute("aria-busy") is None
    assert not form.locator("[data-calculator-actions]").is_visible()
    assert not form.locator(".calculator-submit").is_visible()
    v.page.fill("#calc-schedule-loading", "5")  # after failure, input asks nothing
    v.page.wait_for_timeout(300)
    assert form.get_attribute("data-busy") is None
    assert v.page.evaluate("testUnhandled") == [] and not v.errors


def test_the_worked_example_keeps_its_fixed_start_whatever_today_is(visit):
    v = visit()
    v.page.add_init_script(FIXED_TODAY)
    v.page.goto("/calculators/schedule/")
    wait_for_result(v.page, "schedule")
    example = calculators.data.schedule().example_start
    v.page.wait_for_function(f"() => location.search.includes('start={example}')")
    assert v.page.input_value("#calc-schedule-start") == example
    fields = form_fields(v.page, "schedule")
    assert output_text(v.page, "schedule") == text(calculators.run("schedule", fields).html)
    # a start in the address stays, whatever today is
    again = visit()
    again.page.add_init_script(FIXED_TODAY)
    again.page.goto("/calculators/schedule/?start=2026-12-07")
    wait_for_result(again.page, "schedule")
    assert again.page.input_value("#calc-schedule-start") == "2026-12-07"


def test_going_live_changes_no_control(visit):
    v = visit()
    v.page.add_init_script(FIXED_TODAY)
    v.page.goto("/calculators/dose/")
    wait_for_result(v.page, "dose")
    assert v.page.evaluate("""() => {
        const form = document.querySelector("form[data-calculator='dose']");
        const chosen = (select) => [...select.options].findIndex((option) => option.defaultSelected);
        return [...form.elements].filter((control) => control.name).every((control) =>
            control.type === "checkbox" ? control.checked === control.defaultChecked
            : control.tagName === "SELECT" ? control.selectedIndex === Math.max(0, chosen(control))
            : control.value === control.defaultValue);
    }""")


def test_field_errors_land_by_data_field_and_block_the_download(visit):
    v = visit()
    v.page.goto("/calculators/schedule/?loading=lots")
    wait_for_result(v.page, "schedule")
    expected = calculators.run("schedule", form_fields(v.page, "schedule") | {"loading": "lots"})
    slot = v.page.locator(f"{SCHEDULE_FORM} .field-error[data-field='loading']")
    assert slot.is_visible() and slot.inner_text() == expected.errors["loading"]
    assert v.page.get_attribute("#calc-schedule-loading", "aria-invalid") == "true"
    v.page.get_by_role("button", name=say("schedule.action.ics")).click()
    status = v.page.locator(f"{SCHEDULE_FORM} .calculator-status")
    status.filter(has_text=SITE_WORDS("runtime.nothing-to-download")).wait_for()
    v.page.fill("#calc-schedule-loading", "6")
    slot.wait_for(state="hidden")
    assert v.page.get_attribute("#calc-schedule-loading", "aria-invalid") is None


@pytest.mark.parametrize("fields", [f for f in QUESTIONS if f.get("have", "").strip()],
                         ids=lambda f: f["have"].strip())
def test_ticked_boxes_give_the_cpython_list(visit, fields):
    """The question list keeps its answers out of the address, so the boxes are ticked by hand;
    the list Chromium's Python gives is the one CPython gives for the vector as written (spaces
    and capitals read the same way)."""
    v = visit()
    v.page.goto("/calculators/questions/")
    wait_for_result(v.page, "questions")
    for key in fields["have"].split(","):
        v.page.check(f"#calc-questions-have-{key.strip().lower()}")
    expected = calculators.run("questions", fields)
    assert expected.ok
    v.page.wait_for_function(
        """([name, want]) => {
            const form = document.querySelector(`form[data-calculator='${name}']`);
            return !form.dataset.busy && form.querySelector("[data-calculator-summary]").textContent === want;
        }""", arg=["questions", expected.summary], timeout=BOOT_TIMEOUT)
    assert output_text(v.page, "questions") == text(expected.html)
