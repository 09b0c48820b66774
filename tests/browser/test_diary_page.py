"""The diary in a real browser (the real build, Chromium, Pyodide): three weeks entered through
the form (one whole day with the keyboard alone, its error announced), kept in this browser's
IndexedDB across a reload, summed up as CPython sums them up, exported (JSON and CSV),
deleted (after a dialog), imported again; damaged, out-of-range and newer files refused with
every entry left as it was; the planner's calendar marking infusion days; nothing of it in any
request or address; axe in light and dark, the phone's layout, and a one-page printout."""

import datetime
import json
import re

import pytest

import calculators
from calculators.diary import files, planner
from calculators.diary.entries import INPUTS, read_entry
from calculators.messages import say
from tests.browser.test_calculators import BOOT_TIMEOUT, text
from tests.browser.test_handout import pages
from tests.browser.test_phone import OVERFLOW
from tests.browser.test_questions_page import requests_of
from tests.vectors import DIARY
from tests.words import SITE_WORDS, fixed_part

PAGE = "/diary/"
READY = "[data-diary][data-runtime='python']:not([data-busy])"
# Three weeks: the fixed diary (a baseline week, then infusions on 11, 13 and 18 January) and
# the two days it leaves out; 16 January is entered with the keyboard alone.
KEYBOARD_DAY = {"date": "2027-01-16", "pain": "4", "enjoyment": "4", "activity": "3",
                "sleep_hours": "7.5", "sleep_quality": "7", "mood": "7", "effects": "headache",
                "lasted_headache": "1.5", "note": "Typed, no mouse."}
DAYS = sorted([*DIARY, KEYBOARD_DAY,
               {"date": "2027-01-22", "pain": "3", "enjoyment": "3", "activity": "3",
                "sleep_hours": "8", "sleep_quality": "7", "mood": "8", "effects": "sleepiness",
                "note": "A quiet day, then = 2 + 2 in the note."}], key=lambda day: day["date"])
STORED = [read_entry(fields)[0].stored() for fields in DAYS]
NOTE = "Dreamy for a while"  # words of a note, to look for in every request


def ask(**request):
    """What CPython's diary_json answers."""
    return json.loads(calculators.diary_json(json.dumps(request)))


def ready(page):
    page.wait_for_selector(READY, timeout=BOOT_TIMEOUT)


def settled(page):
    page.wait_for_selector("[data-diary]:not([data-busy])")


def stored(page):
    """The entries in the page's IndexedDB, in date order."""
    return page.evaluate("""() => new Promise((resolve, reject) => {
        const opening = indexedDB.open("diary");
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
            const all = opening.result.transaction("entries").objectStore("entries").getAll();
            all.onsuccess = () => { opening.result.close(); resolve(all.result); };
            all.onerror = () => reject(all.error);
        };
    })""")


def said(page, selector):
    return " ".join(page.locator(selector).inner_text().split())


def output_text(page):
    return " ".join(page.text_content("[data-diary-output]").split())


def shows_the_summary_of(page, entries, notes=False):
    """The page's summary and its sentence are CPython's for these entries."""
    answer = ask(action="summary", entries=entries, notes=notes)
    assert output_text(page) == text(answer["html"])
    assert said(page, "[data-diary-summary]") == answer["summary"]


def choose_day(page, date):
    page.fill("#calc-diary-date", date)
    settled(page)


def fill_day(page, fields):
    """A day through the form, as a reader's pointer would enter it, then saved."""
    choose_day(page, fields["date"])
    for name, value in fields.items():
        if name == "effects":
            for key in filter(None, value.split(",")):
                page.check(f"#calc-diary-effects-{key}")
        elif name == "infusion":
            page.select_option("#calc-diary-infusion", value)
        elif name != "date":
            page.fill(f"[name='{name}']", value)
    page.click("[data-diary-save]")
    settled(page)


def import_file(page, path, kind="diary"):
    page.set_input_files(f"#diary-{kind}-file", str(path))
    settled(page)


def diary_file(folder, days=DAYS, name="diary.json"):
    """A diary of `days` as its JSON file."""
    path = folder / name
    path.write_text(files.to_json(read_entry(fields)[0] for fields in days), "utf-8")
    return path


def opened(visit, folder=None, days=DAYS, **options):
    """A visit to the diary, live, holding `days` (imported; nothing without a folder)."""
    v = visit(**options)
    v.page.goto(PAGE)
    ready(v.page)
    if folder is not None:
        import_file(v.page, diary_file(folder, days))
    return v


def keyboard_day(page):
    """16 January with the keyboard alone: tabbed to, typed, a box ticked with Space and its
    hours typed; a pain score of 14 first, which the page announces and marks, then fixed."""
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "calc-diary-date":
            break
    else:
        pytest.fail("Tab never reached the date")
    page.keyboard.type("01162027")  # (month, day, year: the en-US browser's order)
    assert page.input_value("#calc-diary-date") == KEYBOARD_DAY["date"]
    settled(page)
    for _ in range(4):  # (through the date's own parts and its calendar button)
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") != "date":
            break
    for name in ("pain", "enjoyment", "activity", "sleep_hours", "sleep_quality", "mood"):
        assert page.evaluate("document.activeElement.name") == name
        page.keyboard.type("14" if name == "pain" else KEYBOARD_DAY[name])
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == "headache"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # its hours, shown once it is ticked
    assert page.evaluate("document.activeElement.name") == "lasted_headache"
    page.keyboard.type(KEYBOARD_DAY["lasted_headache"])
    while page.evaluate("document.activeElement.name") != "note":
        page.keyboard.press("Tab")
    page.keyboard.type(KEYBOARD_DAY["note"])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.diarySave") == ""
    page.keyboard.press("Enter")
    settled(page)
    # refused: announced in the live sentence, said by the field, the field focused
    refused = ask(action="entry", fields={**KEYBOARD_DAY, "pain": "14"})
    assert said(page, "[data-diary-summary]") == refused["summary"]
    assert page.get_attribute("#calc-diary-pain", "aria-invalid") == "true"
    assert said(page, "#calc-diary-pain-error") == refused["errors"]["pain"]
    assert page.evaluate("document.activeElement.id") == "calc-diary-pain"
    assert page.evaluate("document.activeElement.matches(':focus-visible')")
    page.keyboard.press("Control+A")
    page.keyboard.type(KEYBOARD_DAY["pain"])
    page.keyboard.press("Enter")  # the form's save, from the field
    settled(page)
    assert page.get_attribute("#calc-diary-pain", "aria-invalid") is None


def test_three_weeks_entered_kept_exported_deleted_and_imported_again(visit, tmp_path):
    v = visit(locale="en-US", accept_downloads=True, own_worker=True)  # its requests seen too
    made = requests_of(v)
    console = []
    v.page.on("console", lambda message: console.append(message.text))
    v.page.goto(PAGE)
    ready(v.page)
    for fields in DAYS:
        if fields is KEYBOARD_DAY:
            keyboard_day(v.page)
        else:
            fill_day(v.page, fields)
        assert fixed_part(SITE_WORDS("diary.saved")) in said(v.page, "[data-diary-status]")
    assert stored(v.page) == STORED
    shows_the_summary_of(v.page, STORED)

    # a reload finds every entry, and the same summary
    v.page.reload()
    ready(v.page)
    assert stored(v.page) == STORED
    shows_the_summary_of(v.page, STORED)
    # choosing a day saved brings it into the form
    choose_day(v.page, "2027-01-11")
    assert v.page.input_value("#calc-diary-pain") == "6"
    assert v.page.is_checked("#calc-diary-effects-dissociation")
    assert v.page.input_value("#calc-diary-lasted_dissociation") == "1.5"
    assert v.page.input_value("#calc-diary-infusion") == "yes"
    assert NOTE in v.page.input_value("#calc-diary-note")

    # exported: the files diary_json writes, which read back as every entry
    exported = {}
    for kind in ("json", "csv"):
        with v.page.expect_download() as download:
            v.page.click(f".diary-file [data-diary-export='{kind}']")
        path = tmp_path / download.value.suggested_filename
        download.value.save_as(path)
        assert path.name == f"diary.{kind}"
        exported[kind] = path
        written = path.read_bytes().decode("utf-8")
        assert written == ask(action="export", kind=kind, entries=STORED)["text"]
        entries, problem = files.parse(written)
        assert problem is None and [entry.stored() for entry in entries] == STORED

    # delete everything: asked first (Escape keeps the diary), then gone
    dialog = v.page.locator("[data-diary-dialog='delete']")
    v.page.click("[data-diary-delete]")
    assert dialog.is_visible() and v.page.evaluate("document.activeElement.dataset.diaryCancel") == ""
    v.page.keyboard.press("Escape")
    settled(v.page)
    assert not dialog.is_visible() and stored(v.page) == STORED
    v.page.click("[data-diary-delete]")
    dialog.locator("[data-diary-confirm]").click()
    settled(v.page)
    assert stored(v.page) == []
    shows_the_summary_of(v.page, [])
    assert said(v.page, "[data-diary-status]") == SITE_WORDS("diary.deleted")

    # the JSON imported into the empty diary: every entry again
    import_file(v.page, exported["json"])
    assert stored(v.page) == STORED
    shows_the_summary_of(v.page, STORED)

    # damaged, out of range, newer: refused, said, and every entry left as it was
    good = exported["json"].read_text("utf-8")
    for name, bad in (("cut.json", good[:-40]),
                      ("pain-14.json", good.replace('"pain": 7,', '"pain": 14,', 1)),
                      ("future.json", good.replace('"version": 1', '"version": 2', 1))):
        path = tmp_path / name
        path.write_text(bad, "utf-8")
        import_file(v.page, path)
        answer = ask(action="import", text=bad)
        assert answer["ok"] is False
        assert said(v.page, "[data-diary-status]") == answer["summary"]
        assert stored(v.page) == STORED, name
        shows_the_summary_of(v.page, STORED)
    assert not v.page.locator("dialog[open]").count()

    # nothing of the diary in any request of the visit (the worker's included) or the address
    assert any(url.endswith(".wasm") or url.endswith(".snapshot") for url, _ in made)
    assert [(url, body) for url, body in made if body] == []
    assert not [url for url, _ in made
                if NOTE.split()[0] in url or "2027-01" in url or "pain" in url]
    assert v.page.url.endswith(PAGE)
    assert v.page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert v.page.evaluate("document.cookie") == ""
    # the site's policy (the test server sends it) refused nothing the diary does
    assert not [line for line in console if "Content Security Policy" in line]
    assert not v.errors


def test_a_good_file_replaces_the_diary_only_when_the_reader_says_so(visit, tmp_path):
    v = opened(visit, tmp_path)  # (imported into an empty diary: nothing to ask)
    assert stored(v.page) == STORED
    three = diary_file(tmp_path, DAYS[:3], "three.json")
    dialog = v.page.locator("[data-diary-dialog='replace']")
    v.page.set_input_files("#diary-diary-file", str(three))
    dialog.wait_for()
    read = ask(action="import", text=three.read_text("utf-8"))["summary"]
    assert read in said(v.page, "#diary-replace-text")
    dialog.locator("[data-diary-cancel]").click()
    settled(v.page)
    assert stored(v.page) == STORED
    assert said(v.page, "[data-diary-status]") == SITE_WORDS("diary.not-imported")
    v.page.set_input_files("#diary-diary-file", str(three))
    dialog.locator("[data-diary-confirm]").click()
    settled(v.page)
    assert stored(v.page) == STORED[:3]
    assert said(v.page, "[data-diary-status]") == SITE_WORDS("diary.imported", read=read)
    shows_the_summary_of(v.page, STORED[:3])


def test_the_planners_calendar_marks_its_infusion_days_up_to_today(visit, tmp_path):
    v = opened(visit)
    today = datetime.date.fromisoformat(v.page.evaluate(
        "() => { const d = new Date(); return d.getFullYear() + '-' + "
        "String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'); }"))
    start = today - datetime.timedelta(days=10)
    days = [{"date": (start + datetime.timedelta(days=offset)).isoformat(), "pain": "5",
             "note": f"day {offset}"} for offset in range(-3, 3)]
    import_file(v.page, diary_file(tmp_path, days))
    before = stored(v.page)
    plan = tmp_path / "plan.ics"
    plan.write_text(calculators.get("schedule").export(
        "ics", {"start": start.isoformat(), "loading": "6"}, datetime.datetime.now(datetime.UTC)),
        newline="")
    import_file(v.page, plan, "ics")
    answer = ask(action="ics", text=plan.read_text(newline=""), entries=before,
                 until=today.isoformat())
    assert answer["ok"] and answer["marked"] and answer["later"]
    assert stored(v.page) == answer["entries"]
    assert said(v.page, "[data-diary-status]") == answer["summary"]
    shows_the_summary_of(v.page, answer["entries"])
    # a calendar cut short: refused, the diary as it was
    cut = tmp_path / "cut.ics"
    cut.write_text(plan.read_text(newline="")[:-60], newline="")
    import_file(v.page, cut, "ics")
    assert said(v.page, "[data-diary-status]") == ask(
        action="ics", text=cut.read_text(newline=""), entries=answer["entries"])["summary"]
    assert stored(v.page) == answer["entries"]
    assert planner.infusion_days(cut.read_text(newline=""))[1].code == "damaged"


def test_a_full_storage_is_said_and_nothing_is_stored(visit):
    """The browser refusing to store (QuotaExceededError) is said, with what to do; a storage
    nearly full or not persistent says so and suggests exporting."""
    v = visit()
    v.context.add_init_script("navigator.storage.estimate = async () => ({usage: 95, quota: 100});")
    v.page.goto(PAGE)
    ready(v.page)
    assert said(v.page, "[data-diary-storage]") == SITE_WORDS("diary.nearly-full")
    v.page.evaluate("""() => { IDBObjectStore.prototype.put = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); }; }""")
    fill_day(v.page, DAYS[0])
    assert said(v.page, "[data-diary-status]") == SITE_WORDS("diary.full")
    assert stored(v.page) == []
    plain = opened(visit)
    fill_day(plain.page, DAYS[0])
    if not plain.page.evaluate("navigator.storage.persisted()"):
        assert said(plain.page, "[data-diary-storage]") == SITE_WORDS("diary.not-persistent")


@pytest.mark.parametrize("scheme", ("light", "dark"))
def test_axe_passes_with_entries_an_error_and_a_dialog(visit, tmp_path, scheme):
    v = opened(visit, tmp_path, viewport={"width": 360, "height": 800}, color_scheme=scheme)
    v.page.check("#diary-notes")
    settled(v.page)
    choose_day(v.page, "2027-01-25")
    v.page.fill("#calc-diary-pain", "14")
    v.page.check("#calc-diary-effects-nausea")
    v.page.click("[data-diary-save]")
    settled(v.page)
    assert v.page.get_attribute("#calc-diary-pain", "aria-invalid") == "true"
    assert v.axe() == []
    v.page.click("[data-diary-delete]")
    assert v.axe() == []
    v.page.keyboard.press("Escape")
    settled(v.page)


@pytest.mark.parametrize("width", (320, 360, 390))
def test_on_a_phone_the_diary_fits_and_is_quick_to_fill(visit, tmp_path, width):
    v = opened(visit, tmp_path, viewport={"width": width, "height": 800}, is_mobile=True,
               has_touch=True)
    v.page.click("#calc-diary-effects-headache")  # a box ticked shows its hours
    assert v.page.is_visible("#calc-diary-lasted_headache")
    assert not v.page.is_visible("#calc-diary-lasted_nausea")
    page_overflow, tables = v.page.evaluate(OVERFLOW)
    assert page_overflow <= 0 and tables == []
    # big targets, and the keyboard each number asks for
    for field in INPUTS:
        control = v.page.locator(f"#calc-diary-{field.name}")
        if field.name == "effects" or not control.is_visible():
            continue
        assert control.bounding_box()["height"] >= 44, field.name
        if getattr(field, "inputmode", None):
            assert control.get_attribute("inputmode") == field.inputmode, field.name
    assert v.axe() == []  # (this also puts axe in the page)
    result = v.page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'rule', values: ['target-size']}})")
    assert result["violations"] == []
    # text at 200 %: still no sideways scrolling
    v.page.evaluate("document.documentElement.style.fontSize = '200%'")
    page_overflow, tables = v.page.evaluate(OVERFLOW)
    assert page_overflow <= 0 and tables == []


def test_tabbing_through_the_form_the_sticky_sentence_covers_no_field(visit, tmp_path):
    """At 360 px the summary's sentence stays in sight at the foot of the screen while the
    reader is in the form (as a calculator's does), and a field tabbed to is never under it
    (WCAG 2.4.11)."""
    v = opened(visit, tmp_path, viewport={"width": 360, "height": 800}, is_mobile=True,
               has_touch=True)
    v.page.check("#calc-diary-effects-headache")  # (its hours shown: one more field)
    v.page.evaluate("scrollTo(0, 0)")
    v.page.locator("#calc-diary-date").focus()
    reached = set()
    while v.page.evaluate("document.activeElement.closest('form.diary-entry') !== null"):
        places = v.page.evaluate("""() => {
            const box = (element) => { const { top, bottom } = element.getBoundingClientRect();
                                       return [top, bottom]; };
            return { focused: box(document.activeElement),
                     sentence: box(document.querySelector("[data-diary-summary]")) };
        }""")
        (top, bottom), (covered_from, covered_to) = places["focused"], places["sentence"]
        assert covered_to <= 800 and (bottom <= covered_from or top >= covered_to), places
        reached.add(v.page.evaluate("document.activeElement.name || document.activeElement.type"))
        v.page.keyboard.press("Tab")
    assert {"pain", "lasted_headache", "note", "submit"} <= reached


def test_the_date_is_in_the_first_screen_of_a_phone(visit):
    v = opened(visit, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    box = v.page.locator("#calc-diary-date").bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 844
    today = v.page.input_value("#calc-diary-date")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", today)  # the reader's today, by default


def test_the_summary_prints_on_one_page_with_the_notes_only_when_asked(visit, tmp_path):
    v = opened(visit, tmp_path)
    for notes in (False, True):
        if notes:
            v.page.check("#diary-notes")
            settled(v.page)
        shows_the_summary_of(v.page, STORED, notes)
        for paper in ("A4", "Letter"):
            assert pages(v.page.pdf(format=paper)) == 1, (paper, notes)
        v.page.emulate_media(media="print")
        for shown in (".diary-period", ".diary-chart", ".diary-summary .calculator-framing",
                      ".calculator-references", ".calculator-limits"):
            assert v.page.locator(shown).first.is_visible(), shown
        windows = v.page.get_by_role("table", name=say("diary.windows.caption"))
        effects = v.page.get_by_role("table", name=say("diary.effects.caption"))
        assert windows.is_visible() and effects.is_visible()
        assert v.page.locator(".diary-notes").is_visible() == notes
        assert (NOTE in v.page.locator("body").inner_text()) == notes
        for hidden in ("form.diary-entry", ".diary-file", ".diary-controls", ".site-header",
                       ".clinic", ".site-footer", ".prose > h2"):
            assert not v.page.locator(hidden).first.is_visible(), hidden
        v.page.emulate_media(media="null")  # (as before: a screen, that prints as paper)


def test_without_scripts_the_page_says_the_diary_needs_them(visit):
    v = visit(java_script_enabled=False)
    v.page.goto(PAGE)
    assert said(v.page, "[data-diary-status]") == say("diary.form.no-script")
    assert v.page.is_disabled("[data-diary-save]")
    assert not v.page.is_visible(".diary-file")
    shows_the_summary_of(v.page, [])
    v.page.fill("#calc-diary-pain", "6")
    v.page.press("#calc-diary-pain", "Enter")  # nothing to send it: no address holds it
    assert v.page.url.endswith(PAGE)


def test_the_stored_format_is_versioned_and_a_newer_one_left_alone(visit):
    """The database keeps the format's version beside the entries; one stored by a newer copy
    of the page (a version this page does not know) is neither read nor changed."""
    v = opened(visit)
    version = v.page.evaluate("""() => new Promise((resolve) => {
        indexedDB.open("diary").onsuccess = ({target}) => {
            const asked = target.result.transaction("meta").objectStore("meta").get("version");
            asked.onsuccess = () => { target.result.close(); resolve(asked.result); };
        };
    })""")
    assert version == files.VERSION
    newer = visit()
    newer.context.add_init_script(f"""indexedDB.open("diary", 1).onupgradeneeded = ({{target}}) => {{
        target.result.createObjectStore("entries", {{keyPath: "date"}}).put({json.dumps(STORED[0])});
        target.result.createObjectStore("meta").put({files.VERSION + 1}, "version");
    }};""")
    newer.page.goto(PAGE)
    status = newer.page.locator("[data-diary-status]")
    newer.page.wait_for_function("([element, said]) => element.textContent === said",
                                 arg=[status.element_handle(), SITE_WORDS("diary.newer")],
                                 timeout=BOOT_TIMEOUT)
    assert newer.page.is_disabled("[data-diary-save]")
    assert stored(newer.page) == STORED[:1]
