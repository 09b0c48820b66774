"""Offline and warm (plugins/offline): after one article visit and its warm-up, every calculator
page and the diary, in both languages, compute in Python with the server gone; a new build is
seen after one navigation and no page mixes two builds; embeds register no worker; on "save
data" an article fetches no runtime byte."""

import os
import shutil
import sys

import pytest

import calculators
from deploy.hosting import SiteServer
from project import ROOT, run_tool
from scripts.site import build_site
from tests.browser.conftest import Visit, shared_runtimes
from tests.browser.test_calculators import (BOOT_TIMEOUT, FAILED, form_fields, text,
                                            wait_for_result)
from tests.browser.test_diary_page import READY as DIARY_READY
from tests.browser.test_embeds import (embed_site, host, visit_host,  # noqa: F401
                                       wordpress_frame)
from tests.words import SITE_WORDS, fixed_part, site_words_in

ARTICLE = "/patient-experience/"  # an article with no calculator of its own: it warms the runtime
WARM = "html[data-warm='ready']"
LANGS = {"en": "", "es": "/es"}
# An input each calculator's page changes, for a new result.
CHANGES = {
    "dose": lambda form: form.locator("[name=weight]").fill("81"),
    "schedule": lambda form: form.locator("[name=start]").fill("2027-03-01"),
    "questions": lambda form: form.locator("[name=have][value=liver]").check(),
}
SAVE_DATA = """Object.defineProperty(Navigator.prototype, "connection", {
  get: () => ({saveData: true, type: "wifi", effectiveType: "4g", addEventListener() {}})})"""
# Devices where an article caches the runtime but does not boot it ahead: one with 1 GB, and a
# browser whose shared workers end with their pages (it knows no extendedLifetime option).
NO_BOOT_AHEAD = {
    "little memory": 'Object.defineProperty(Navigator.prototype, "deviceMemory", {get: () => 1});',
    "no lasting shared worker": """{
      const Shared = globalThis.SharedWorker;
      globalThis.SharedWorker = function SharedWorker(url, options) {
        return new Shared(url, typeof options === "string" ? options
                                                          : {name: options?.name, type: options?.type});
      };
    }""",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("offline-built"))


@pytest.fixture
def site(built, tmp_path):
    """A copy of the build of its own, served (its server may be stopped and started again on
    the same port: the worker belongs to the origin)."""
    folder = shutil.copytree(built, tmp_path / "site")
    server = SiteServer(folder).__enter__()
    server.folder = folder
    yield server
    server.__exit__()


@pytest.fixture
def browse(browser):
    visits = []

    def open_visit(server, **options):
        v = Visit(browser, server.url, **options)
        visits.append(v)
        return v

    yield open_visit
    for v in visits:
        assert not v.leaving() and not v.errors, (v.leaving(), v.errors)
        v.context.close()


def answers_in_python(page, name, lang, reworded=lambda said: said):
    """The page's calculator gives CPython's result for an input changed (`reworded`, for a build
    whose words are not this checkout's); that result's text."""
    wait_for_result(page, name)
    CHANGES[name](page.locator(f"form[data-calculator='{name}']"))
    expected = reworded(text(calculators.run(name, form_fields(page, name), lang=lang).html))
    page.wait_for_function(
        """([name, expected]) => document.querySelector(
             `form[data-calculator='${name}'] [data-calculator-output]`)
             .textContent.split(/\\s+/).filter(Boolean).join(" ") === expected""",
        arg=[name, expected], timeout=BOOT_TIMEOUT)
    wait_for_result(page, name)
    return expected


def worker_ready(page):
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")


def test_after_one_warm_article_visit_everything_works_offline(browse, site):
    v = browse(site)
    v.page.goto(ARTICLE)
    v.page.wait_for_selector(WARM, timeout=BOOT_TIMEOUT)
    assert len(v.context.service_workers) == 1
    site.__exit__()  # no server any more
    v.context.set_offline(True)
    for lang, prefix in LANGS.items():
        for name in CHANGES:
            v.page.goto(f"{prefix}/calculators/{name}/")
            answers_in_python(v.page, name, lang)
            # Its address now holds the inputs (?weight=...): the same page, offline too
            v.page.reload()
            wait_for_result(v.page, name)
            notice = v.page.locator("[data-offline-notice] .notice")
            assert notice.inner_text() == site_words_in(lang)("offline.notice")
        v.page.goto(f"{prefix}/diary/")
        v.page.wait_for_selector(DIARY_READY, timeout=BOOT_TIMEOUT)
    assert v.page.evaluate("navigator.onLine") is False
    v.context.set_offline(False)
    v.page.wait_for_function("!document.querySelector('[data-offline-notice]').firstChild")


def test_the_calculators_an_article_warmed_find_python_running(browse, site):
    """The article's warm-up boots Python in the shared worker that outlives the article: the
    calculators' pages opened next, in either language, compute in that one Python."""
    v = browse(site)
    v.page.goto(ARTICLE)
    v.page.wait_for_selector(WARM, timeout=BOOT_TIMEOUT)
    booted = shared_runtimes(v.page)
    assert len(booted) == 1
    for lang, prefix in LANGS.items():
        v.page.goto(f"{prefix}/calculators/dose/")
        answers_in_python(v.page, "dose", lang)
    v.page.goto("/diary/")
    v.page.wait_for_selector(DIARY_READY, timeout=BOOT_TIMEOUT)
    assert shared_runtimes(v.page) == booted


@pytest.mark.parametrize("device", NO_BOOT_AHEAD)
def test_an_article_boots_nothing_ahead_where_it_would_not_last_or_fit(browse, site, device):
    v = browse(site)
    v.context.add_init_script(NO_BOOT_AHEAD[device])
    v.page.goto(ARTICLE)
    v.page.wait_for_selector(WARM, timeout=BOOT_TIMEOUT)
    assert shared_runtimes(v.page) == {}
    # The runtime it cached still serves the calculator, offline too.
    v.context.set_offline(True)
    v.page.goto("/calculators/dose/")
    answers_in_python(v.page, "dose", "en")
    v.context.set_offline(False)


def test_a_failed_boot_is_not_the_next_pages(browse, site):
    """Python that could not boot (its lock file gone: a reader offline with nothing cached
    meets the same) fails its page, and the next page boots it again in the same shared worker,
    rather than inherit the failure for the worker's lifetime."""
    v = browse(site)
    lockfile = next(site.folder.glob("runtime/app-*/pyodide-lock.json"))
    lockfile.rename(lockfile.with_suffix(".away"))
    v.page.goto("/calculators/dose/")
    v.page.locator("form[data-calculator='dose'] .calculator-status").filter(
        has_text=FAILED).wait_for(timeout=BOOT_TIMEOUT)
    failed = shared_runtimes(v.page)
    lockfile.with_suffix(".away").rename(lockfile)
    v.page.goto("/calculators/schedule/")
    answers_in_python(v.page, "schedule", "en")
    assert len(failed) == 1 and shared_runtimes(v.page) == failed


# A stand-in for the calculators' worker script: the real one (imported), which breaks (an
# uncaught error) once a page asks it to work out a weight of 13.
BREAKS_ON_13 = """import "./calculator-worker-real.js";
const connect = self.onconnect;
self.onconnect = (event) => {
  connect(event);
  event.ports[0].addEventListener("message", ({ data }) => {
    if (data.type === "run" && data.fields.weight === "13") setTimeout(() => { throw new Error("broken"); });
  });
};
"""


def status_of(page, name):
    return page.locator(f"form[data-calculator='{name}'] .calculator-status")


def test_a_shared_worker_that_cannot_load_fails_its_page_and_says_so(browse, site):
    (site.folder / "theme" / "js" / "calculator-worker.js").unlink()
    v = browse(site)
    v.page.goto("/calculators/dose/")
    status_of(v.page, "dose").filter(has_text=FAILED).wait_for(timeout=BOOT_TIMEOUT)
    assert fixed_part(SITE_WORDS("runtime.worker-not-started")) in status_of(v.page, "dose").inner_text()
    assert v.page.locator("form[data-runtime='python']").count() == 0


def test_a_shared_worker_that_breaks_stops_every_page_and_the_next_gets_a_new_one(browse, site):
    scripts = site.folder / "theme" / "js"
    (scripts / "calculator-worker.js").rename(scripts / "calculator-worker-real.js")
    (scripts / "calculator-worker.js").write_text(BREAKS_ON_13)
    v = browse(site)
    v.page.goto("/calculators/dose/")
    wait_for_result(v.page, "dose")
    other = v.context.new_page()
    other.goto("/calculators/schedule/")
    wait_for_result(other, "schedule")
    broken = shared_runtimes(v.page)
    assert len(broken) == 1
    v.page.locator("[name=weight]").fill("13")
    stopped = fixed_part(SITE_WORDS("runtime.worker-stopped"))
    for page, name in ((v.page, "dose"), (other, "schedule")):
        status_of(page, name).filter(has_text=stopped).wait_for(timeout=BOOT_TIMEOUT)
        assert page.locator(f"form[data-calculator='{name}']").get_attribute("data-busy") is None
    other.goto("/calculators/schedule/")
    answers_in_python(other, "schedule", "en")
    assert len(shared_runtimes(other)) == 1 and not shared_runtimes(other).keys() & broken.keys()


def test_a_calculator_opened_first_is_kept_for_offline_use(browse, site):
    """A reader whose one visit is a calculator's page (no article warmed anything): once its
    own runtime is up, the page has the worker cache it (from the browser's HTTP cache), and the
    calculator works offline after that."""
    v = browse(site)
    v.page.goto("/es/calculators/dose/")
    wait_for_result(v.page, "dose")
    v.page.wait_for_selector(WARM, timeout=BOOT_TIMEOUT)
    site.__exit__()
    v.context.set_offline(True)
    v.page.goto("/es/calculators/dose/")
    answers_in_python(v.page, "dose", "es")
    v.context.set_offline(False)


def page_build(page):
    """What a page names of its build: its scripts and its runtime."""
    return page.evaluate("""() => {
        const runtime = document.querySelector("script[data-worker]");
        return {scripts: [...document.scripts].map((script) => script.src).sort(),
                lockfile: runtime && runtime.dataset.lockfile,
                snapshot: runtime && (runtime.dataset.snapshot || "")};
    }""")


def built_page(folder, path):
    return (folder / path.strip("/") / "index.html").read_text("utf-8")


# What a build reads, besides the cache: a copy of these builds the project as it is here.
SOURCE = ("calculators", "content", "deploy", "plugins", "scripts", "theme", "pelicanconf.py",
          "project.py", "pyproject.toml", "package.json", "package-lock.json")
# A word of the schedule's result (its first row), in English, and what a new build says.
CHANGED_WORDS = ("First infusion", "Opening infusion")
CHANGED_CODE = "schedule.row.first"


def build_changed_calculator(output, scratch):
    """Build into `output` the project with the schedule's first row reworded: from a copy (this
    checkout's files stay as they are), in another Python (Pelican's plugins and i18n-subsites
    keep module state from this process's builds; there, `project.ROOT` is the copy)."""
    copy = scratch / "changed"
    for name in SOURCE:
        source, target = ROOT / name, copy / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns(
                "__pycache__", "*.pyc", "*.mo", "protocols.json"))  # built from the copy's own
        else:
            shutil.copy2(source, target)
    (copy / "node_modules").symlink_to((ROOT / "node_modules").resolve())
    # The Pyodide digests and the service worker's bundle are reused, and a new wheel's snapshot
    # takes seconds. Builds never write a cached file in place, so links (not 400 MB) will do.
    shutil.copytree(ROOT / ".cache", copy / ".cache", copy_function=link_or_copy)
    catalogue = copy / "calculators" / "locale" / "en" / "LC_MESSAGES" / "calculators.po"
    old, new = (f'msgid "{CHANGED_CODE}"\nmsgstr "{words}"' for words in CHANGED_WORDS)
    assert catalogue.read_text("utf-8").count(old) == 1
    catalogue.write_text(catalogue.read_text("utf-8").replace(old, new), "utf-8")
    run_tool([sys.executable, "-c", "import sys; from scripts.site import build_site; "
              "build_site(sys.argv[1])", output], "building the changed copy", cwd=copy)


def link_or_copy(source, target):
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def test_a_new_build_is_seen_after_one_navigation_and_never_mixed(browse, site, tmp_path):
    v = browse(site)
    v.page.goto("/calculators/schedule/")
    worker_ready(v.page)
    v.page.reload()  # now the worker serves the page
    old_result = answers_in_python(v.page, "schedule", "en")
    first, reworded = CHANGED_WORDS
    assert first in old_result and reworded not in old_result
    before = page_build(v.page)
    old_runtimes = shared_runtimes(v.page)
    assert before["snapshot"] and v.page.evaluate("!!navigator.serviceWorker.controller")
    assert [before["lockfile"] in name for name in old_runtimes.values()] == [True]
    # A changed calculator: a new wheel, so a new runtime folder (and snapshot) and new pages.
    build_changed_calculator(site.folder, tmp_path)
    changed = built_page(site.folder, "/calculators/schedule/")
    # The browser finds the new worker; it installs and waits while the page is open.
    v.page.evaluate("""async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration.update();
        const worker = registration.installing || registration.waiting;
        if (worker.state !== "installed") await new Promise((done) => worker.addEventListener(
            "statechange", () => worker.state === "installed" && done()));
    }""")
    assert page_build(v.page) == before  # the open page is still the old build's, whole
    v.page.goto("/calculators/schedule/")
    v.page.wait_for_selector(f"script[data-worker]:not([data-lockfile='{before['lockfile']}'])",
                             state="attached")
    after = page_build(v.page)
    assert after["lockfile"] != before["lockfile"] and after["snapshot"] != before["snapshot"]
    for url in after["scripts"] + [after["lockfile"], after["snapshot"]]:
        assert url.removeprefix(site.url) in changed
    # The result the new build's Python computes in the browser, not the page's prerendered one
    # (answers_in_python changes an input first): it says the new words.
    new_result = answers_in_python(v.page, "schedule", "en",
                                   lambda said: said.replace(first, reworded))
    assert reworded in new_result and first not in new_result
    # That Python is a shared worker of the new build's own, named after its runtime; the old
    # build's, if still running, keeps its name and is never this page's.
    runtimes = shared_runtimes(v.page)
    new = {target for target, name in runtimes.items() if after["lockfile"] in name}
    assert len(new) == 1 and not new & old_runtimes.keys()
    others = {target: name for target, name in runtimes.items() if target not in new}
    assert others.items() <= old_runtimes.items()
    cached = v.page.evaluate("""async () => {
        const name = (await caches.keys()).find((name) => name.startsWith("calculators-runtime-"));
        return (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname);
    }""")
    old_folder = before["lockfile"].removeprefix(site.url).rsplit("/", 1)[0]
    assert cached and not [path for path in cached if path.startswith(old_folder)]


def test_on_save_data_an_article_fetches_no_runtime(browse, site):
    v = browse(site)
    v.context.add_init_script(SAVE_DATA)
    v.page.goto(ARTICLE)
    v.page.wait_for_selector("html[data-warm='skipped']", state="attached")
    worker_ready(v.page)
    assert not [url for url in v.requests if "/runtime/" in url]
    cached = v.page.evaluate("caches.open('runtime').then((cache) => cache.keys())")
    assert cached == []


def test_a_sandboxed_embed_from_another_site_works_and_registers_no_worker(visit_host, embed_site, host):  # noqa: F811
    server, folder = embed_site
    v, frame = wordpress_frame(visit_host, host, server, folder, "embed/dose", "offline-embed.html")
    assert frame.evaluate("self.origin") == "null"
    assert v.context.service_workers == []
    # The same embed page, on its own origin: no worker registered either.
    v.page.goto(f"{server.url}/embed/dose/")
    wait_for_result(v.page, "dose")
    assert v.page.evaluate("navigator.serviceWorker.getRegistrations().then((all) => all.length)") == 0
    assert shared_runtimes(v.page) == {}  # its Python is its own, as before
    assert v.context.service_workers == []
