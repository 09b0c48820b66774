"""Speed figures for the dose calculator page, in English and in Spanish, in headless Chromium,
all measured in one run, and the diary's save.

    python -m scripts.bench [--runs N] [--network] [--settle SECONDS] [--dwell SECONDS]

Each run makes three fresh on-disk profiles, one for the English dose page, one for the Spanish
one (`/es/calculators/dose/`: one language must not slow the other's page) and one for a bare
page that only boots Pyodide and runs 1+1 (the floor), in turning order; each profile visits twice, cold
then warm (a real disk cache, immutable runtime files). A reader's browser is usually running
already when they arrive, so each new browser is left to finish starting (2 s) before its first
visit; with `--settle 0`, timing starts at launch. A reader reads the result, so each page
stays open 5 s after it (`--dwell`): V8 caches a page's compiled WebAssembly for the next visit
only after a while, and the bare page closed at once would often come back without it. Prints
medians and spreads: the site's time from navigation to its first browser-computed result, the
bare boot's, and their ratios; the longest main-thread task of each visit (from a Chromium
trace of the renderers' main threads, so a task under 50 ms is measured too; the bare page's
shows what a fresh renderer costs any page), with the CPU time spent in it; the bytes on the
wire; the diary's save: after each run's warm visit, the diary page in the same browser (warm)
holding three weeks of entries, the time from pressing Save on a valid entry to the updated
summary on screen (the frame after it changed), three saves a run. `--network` serves the
precompressed `.br` siblings (a production build) through Chromium's network emulation at
40 Mbit/s and 20 ms latency.
Figures, not assertions.
"""

import argparse
import functools
import gzip
import re
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from calculators.diary import files
from calculators.diary.entries import read_entry
from deploy.hosting import SiteHandler
from scripts.site import ARGS, CHROMIUM, SiteServer, build_site

FLOOR_HTML = """<!doctype html><html lang="en"><title>floor</title><body><p id="out">booting</p>
<script type="module" src="floor.js"></script></body></html>"""
FLOOR_JS = """const worker = new Worker(new URL("floor-worker.js", location.href), {type: "module"});
worker.onmessage = ({data}) => { document.getElementById("out").textContent = data;
  window.__result = performance.now(); };
worker.postMessage([new URL("RUNTIME", location.href).href, new URL("LOCKFILE", location.href).href]);
"""
FLOOR_WORKER = """self.onmessage = async ({data: [indexURL, lockFileURL]}) => {
  const {loadPyodide} = await import(new URL("pyodide.mjs", indexURL).href);
  const pyodide = await loadPyodide({indexURL, lockFileURL});
  self.postMessage(String(pyodide.runPython("1+1")));
};"""
MARK_RESULT = """
new MutationObserver((_, observer) => {
  const form = document.querySelector("form[data-runtime='python']");
  if (form && !window.__result) { window.__result = performance.now(); observer.disconnect(); }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-runtime"]});
"""
MBIT = 1e6 / 8  # bytes per second
# The diary's save, timed in the page: from the click on Save to the frame after the summary's
# sentence changed (the summary above it is replaced first, in the same task).
TIMED_SAVE = """() => new Promise((resolve) => {
  const root = document.querySelector("[data-diary]");
  const sentence = root.querySelector("[data-diary-summary]");
  const before = sentence.textContent;
  const start = performance.now();
  new MutationObserver((_, observer) => {
    if (sentence.textContent === before) return;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - start));
  }).observe(sentence, {childList: true, characterData: true, subtree: true});
  root.querySelector("[data-diary-save]").click();
})"""
KINDS = ("site", "site es", "bare")  # the English page, the Spanish page, the bare boot
DIARY_DAYS = 21
DIARY_SAVES = 3  # timed, a run (after one that is not)


class BrotliHandler(SiteHandler):
    """The site's handler, sending a file's `.br` sibling when the browser accepts brotli (as
    the production nginx does with brotli_static)."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        sibling = path.with_name(path.name + ".br")
        if "br" not in self.headers.get("Accept-Encoding", "") or not sibling.is_file():
            return super().send_head()
        body = sibling.open("rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "br")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(sibling.stat().st_size))
        self.end_headers()
        return body


def timed_visit(context, url, network, dwell):
    """Milliseconds from navigation to `window.__result`, bytes received, the longest task. The
    page then stays open `dwell` seconds, as a reader reads the result, before it closes."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    if network:
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {
            "offline": False, "latency": 20, "downloadThroughput": 40 * MBIT,
            "uploadThroughput": 40 * MBIT})
    trace, traced = [], []
    cdp.on("Tracing.dataCollected", lambda event: trace.extend(event["value"]))
    cdp.on("Tracing.tracingComplete", lambda event: traced.append(True))
    cdp.send("Tracing.start", {"categories": "toplevel",
                               "transferMode": "ReportEvents"})
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url)
    deadline = time.monotonic() + 120
    # Polled with evaluate: wait_for_function evaluates a string, which the site's CSP refuses.
    # The time is the page's own (window.__result): polling less often changes only the CPU load.
    while not (ms := page.evaluate("window.__result || 0")):
        if time.monotonic() > deadline:
            raise TimeoutError(f"no result from {url} in 120 s")
        page.wait_for_timeout(100)
    page.wait_for_timeout(dwell * 1000)
    cdp.send("Tracing.end")
    while not traced:
        page.wait_for_timeout(20)  # Playwright delivers the trace's events while it waits
    received = sum(max(0, request.sizes()["responseBodySize"]) for request in finished)
    page.close()
    return ms, received, longest_task(trace)


def diary_saves(context, url, seed):
    """The diary page (in a browser that has visited the site), its diary the three weeks of
    `seed`: one save to warm it, then DIARY_SAVES timed saves, each a new day (ms)."""
    page = context.new_page()
    page.goto(url)
    idle = "[data-diary][data-runtime='python']:not([data-busy])"
    page.wait_for_selector(idle, timeout=120_000)
    page.set_input_files("#diary-diary-file", str(seed))
    page.wait_for_selector(idle)
    times = []
    for day in range(DIARY_SAVES + 1):
        page.fill("#calc-diary-date", f"2027-02-{day + 1:02d}")
        page.wait_for_selector(idle)
        for name, value in (("pain", "4"), ("enjoyment", "3"), ("activity", "4"),
                            ("sleep_hours", "7.5"), ("mood", "6")):
            page.fill(f"[name='{name}']", value)
        page.check("#calc-diary-effects-headache")
        ms = page.evaluate(TIMED_SAVE)
        page.wait_for_selector(idle)
        if day:
            times.append(ms)
    page.close()
    return times


def diary_seed(folder):
    """Three weeks of a diary, as its JSON file: a baseline week, then infusions."""
    days = [read_entry({"date": f"2027-01-{day:02d}", "pain": str(7 - day // 7),
                        "enjoyment": "5", "activity": str(6 - day // 8), "sleep_hours": "6.5",
                        "sleep_quality": "5", "mood": str(4 + day // 7),
                        "infusion": "yes" if day in (8, 10, 15) else "no"})[0]
            for day in range(1, DIARY_DAYS + 1)]
    path = Path(folder) / "diary.json"
    path.write_text(files.to_json(days), "utf-8")
    return path


def longest_task(trace):
    """The longest task on any renderer's main thread (the page's, and the idle blank one): its
    wall time and the CPU time its thread spent in it (ms). The gap is time the thread waited:
    for the browser process (fonts are looked up there) or for a CPU."""
    main = {(e["pid"], e["tid"]) for e in trace
            if e["name"] == "thread_name" and e["args"]["name"] == "CrRendererMain"}
    task = max((e for e in trace
                if e["name"] == "ThreadControllerImpl::RunTask" and (e["pid"], e["tid"]) in main),
               key=lambda e: e.get("dur", 0))
    cpu = task.get("tdur")  # None where the platform gives no thread times
    return task.get("dur", 0) / 1000, None if cpu is None else cpu / 1000


def fresh_profile(playwright, folder, settle=0.0):
    """A browser with an empty on-disk profile, so a second visit uses a real disk cache. It is
    up before timing starts, and then left `settle` seconds to finish starting: a browser just
    launched on a new profile keeps the CPUs busy for about half a second after its first blank
    page (measured here: 1.6 of 2 CPUs, then 0.5-0.8, then idle), and a page's first layout then
    waits on it for every font it looks up."""
    context = playwright.chromium.launch_persistent_context(
        tempfile.mkdtemp(dir=folder), executable_path=CHROMIUM, args=ARGS
    )
    context.add_init_script(MARK_RESULT)
    blank = context.new_page()
    blank.goto("about:blank")
    blank.wait_for_timeout(settle * 1000)
    return context


def page_weight(site, lang=""):
    """The dose page (in `lang`'s sub-site: "" is English) with the theme's stylesheets and scripts it loads (its worker's too), not
    every file of the theme (another page's script, the diary's, is not this page's weight)."""
    html = (site / lang / "calculators" / "dose" / "index.html").read_bytes()
    urls = set(re.findall(rb'(?:href|src|data-worker)="/(theme/[^"?]+)', html))
    assets = [html] + [(site / url.decode()).read_bytes() for url in sorted(urls)]
    return sum(map(len, assets)), sum(len(gzip.compress(a, 9)) for a in assets)


def add_floor(site):
    """The bare page: the same Pyodide files and lock file as the site, nothing else."""
    runtime = next(p.name for p in (site / "runtime").iterdir() if p.name.startswith("pyodide-"))
    app = next(p.name for p in (site / "runtime").iterdir() if p.name.startswith("app-"))
    (site / "floor.html").write_text(FLOOR_HTML)
    (site / "floor.js").write_text(FLOOR_JS.replace("RUNTIME", f"runtime/{runtime}/")
                                   .replace("LOCKFILE", f"runtime/{app}/pyodide-lock.json"))
    (site / "floor-worker.js").write_text(FLOOR_WORKER)
    return site / "runtime" / app


def spread(values, unit="ms", scale=1.0):
    low, high = min(values) / scale, max(values) / scale
    return f"{statistics.median(values) / scale:7.0f} {unit}  ({low:.0f}-{high:.0f})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--settle", type=float, default=2.0,
                        help="seconds a newly launched browser is left idle before its first "
                             "visit (0: timing starts as soon as it is up)")
    parser.add_argument("--dwell", type=float, default=5.0,
                        help="seconds each page stays open after its result, as a reader reads "
                             "it (V8 keeps compiled WebAssembly for the next visit only after "
                             "a while; 0 closes at once)")
    parser.add_argument("--network", action="store_true",
                        help="brotli siblings, 40 Mbit/s and 20 ms latency (Chromium's emulation)")
    options = parser.parse_args()
    runs = options.runs
    times = {f"{which} {visit}": [] for which in KINDS for visit in ("cold", "warm")}
    wire = {key: [] for key in times}
    longest = {which: [] for which in KINDS}
    saves = []
    with tempfile.TemporaryDirectory() as folder:
        seed = diary_seed(folder)
        site = build_site(Path(folder) / "site", PRECOMPRESS=options.network)
        app = add_floor(site)
        snapshot = sorted(app.glob("*.snapshot"))
        server = SiteServer(site)
        if options.network:
            server.httpd.RequestHandlerClass = functools.partial(
                BrotliHandler, directory=str(site), quiet=True)
        with server, sync_playwright() as playwright:
            urls = {"site": f"{server.url}/calculators/dose/",
                    "site es": f"{server.url}/es/calculators/dose/",
                    "bare": f"{server.url}/floor.html"}
            for run in range(runs):
                # Turn which goes first, so none gets a systematically warmer machine.
                for which in KINDS[run % 3:] + KINDS[:run % 3]:
                    context = fresh_profile(playwright, folder, options.settle)
                    for visit in ("cold", "warm"):
                        ms, received, long_ms = timed_visit(context, urls[which], options.network,
                                                           options.dwell)
                        times[f"{which} {visit}"].append(ms)
                        wire[f"{which} {visit}"].append(received)
                        longest[which].append(long_ms)
                    if which == "site":
                        saves += diary_saves(context, f"{server.url}/diary/", seed)
                    context.close()
        weights = {lang: page_weight(site, lang) for lang in ("", "es")}
    med = statistics.median
    conditions = ("40 Mbit/s, 20 ms, brotli siblings" if options.network
                  else "loopback, no throttling, no Content-Encoding")
    print(f"runs: {runs}, medians (min-max); headless Chromium, {conditions}; "
          f"each new browser left {options.settle:g} s to settle, each page open "
          f"{options.dwell:g} s after its result; "
          f"snapshot: {snapshot[0].name if snapshot else 'none'}")
    print("navigation to first Python result:")
    for key, values in times.items():
        print(f"  {key:10}                    {spread(values)}")
    # The targets: loopback cold 0.5 and warm 0.35; at 40 Mbit/s, cold 1.0 (the snapshot
    # pays for its own bytes) and no warm target (a warm visit downloads nothing).
    targets = ({"cold": "target <= 1.0", "warm": "no target"} if options.network
               else {"cold": "target <= 0.5", "warm": "target <= 0.35"})
    for which in ("site", "site es"):
        for visit, target in targets.items():
            ratios = [s / b for s, b in zip(times[f"{which} {visit}"], times[f"bare {visit}"])]
            print(f"ratio {which + ' / bare, ' + visit + ':':28}{med(times[f'{which} {visit}']) / med(times[f'bare {visit}']):7.2f}"
                  f"     (per run {min(ratios):.2f}-{max(ratios):.2f}; {target})")
    for visit in ("cold", "warm"):
        ratios = [s / e for s, e in zip(times[f"site es {visit}"], times[f"site {visit}"])]
        print(f"ratio Spanish / English page, {visit}: {med(times[f'site es {visit}']) / med(times[f'site {visit}']):7.2f}"
              f"     (per run {min(ratios):.2f}-{max(ratios):.2f}; the same runtime and snapshot)")
    print("longest main-thread task, wall (the bare page: what any page pays for a fresh renderer):")
    for which, values in longest.items():
        wall = [w for w, _ in values]
        print(f"  {which + ',':8} {len(values)} visits            {spread(wall)}, "
              f"worst {max(wall):.0f} ms"
              + (f"  (target < 50{', browser settled' if options.settle else ''})" if which != "bare" else ""))
    print("  the CPU time of each visit's longest task (the rest of its wall time is waiting):")
    for which, values in longest.items():
        cpu = [c for _, c in values if c is not None]
        print(f"  {which:8}                       "
              + (f"{spread(cpu)}, at most {max(cpu):.0f} ms" if cpu else "n/a (no thread times)"))
    print("bytes on the wire (response bodies as received):")
    for key, values in wire.items():
        print(f"  {key:10}                    {med(values) / 1e6:7.2f} MB  "
              f"({min(values) / 1e6:.2f}-{max(values) / 1e6:.2f})")
    for lang, (raw, packed) in weights.items():
        print(f"page before Pyodide (HTML+CSS+JS), {lang or 'en'}: {raw / 1024:7.1f} KB raw, "
              f"{packed / 1024:.1f} KB gzip")
    print(f"diary, Save pressed to the updated summary on screen ({DIARY_DAYS} days kept, a warm "
          f"page; {len(saves)} saves, {DIARY_SAVES} a run): {spread(saves)}")


if __name__ == "__main__":
    main()
