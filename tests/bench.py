"""Speed figures for the dose calculator page in headless Chromium over loopback.

    python -m tests.bench [--runs N]

Prints medians: cold time from navigation to the first browser-computed result; the same for a
bare page that only boots Pyodide and runs 1+1 (the floor) and the ratio; the warm time on a
second visit; bytes transferred; the longest main-thread task; the page's own weight before
Pyodide (HTML, CSS, JS), raw and gzip. Figures, not assertions.
"""

import argparse
import gzip
import statistics
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.conftest import ARGS, CHROMIUM
from tests.site import SiteServer, build_site

FLOOR_HTML = """<!doctype html><html lang="en"><title>floor</title><body><p id="out">booting</p>
<script type="module">
const worker = new Worker(new URL("floor-worker.js", location.href), {type: "module"});
worker.onmessage = ({data}) => { document.getElementById("out").textContent = data;
  document.body.dataset.done = performance.now(); };
worker.postMessage([new URL("RUNTIME", location.href).href, new URL("LOCKFILE", location.href).href]);
</script></body></html>"""
FLOOR_WORKER = """self.onmessage = async ({data: [indexURL, lockFileURL]}) => {
  const {loadPyodide} = await import(new URL("pyodide.mjs", indexURL).href);
  const pyodide = await loadPyodide({indexURL, lockFileURL});
  self.postMessage(String(pyodide.runPython("1+1")));
};"""
FLOOR_DONE = "Number(document.body.dataset.done)"
MARK_RESULT = """
window.__longest = 0;
new PerformanceObserver(list => { for (const e of list.getEntries())
  window.__longest = Math.max(window.__longest, e.duration); }).observe({type: "longtask", buffered: true});
new MutationObserver((_, observer) => {
  const form = document.querySelector("form[data-runtime='python']");
  if (form && !window.__result) { window.__result = performance.now(); observer.disconnect(); }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-runtime"]});
"""


def timed_visit(context, url, done_js):
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url)
    page.wait_for_function(done_js, timeout=120_000)
    ms = page.evaluate(done_js)
    longest = page.evaluate("window.__longest || 0")
    size = sum(max(0, request.sizes()["responseBodySize"]) for request in finished)
    page.close()
    return ms, size, longest


def fresh_profile(playwright, folder):
    """A browser with an empty on-disk profile, so a second visit uses a real disk cache."""
    context = playwright.chromium.launch_persistent_context(
        tempfile.mkdtemp(dir=folder), executable_path=CHROMIUM, args=ARGS
    )
    context.add_init_script(MARK_RESULT)
    context.new_page().goto("about:blank")  # the browser process is up before timing starts
    return context


def page_weight(site):
    html = (site / "calculators" / "dose" / "index.html").read_bytes()
    assets = [html] + [p.read_bytes() for p in (site / "theme").rglob("*") if p.suffix in (".css", ".js")]
    return sum(map(len, assets)), sum(len(gzip.compress(a, 9)) for a in assets)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        site = build_site(Path(folder) / "site")
        runtime = next(p.name for p in (site / "runtime").iterdir() if p.name.startswith("pyodide-"))
        app = next(p.name for p in (site / "runtime").iterdir() if p.name.startswith("app-"))
        floor_html = FLOOR_HTML.replace("RUNTIME", f"runtime/{runtime}/")
        (site / "floor.html").write_text(floor_html.replace("LOCKFILE", f"runtime/{app}/pyodide-lock.json"))
        (site / "floor-worker.js").write_text(FLOOR_WORKER)
        cold, floor, warm, transferred, warm_bytes, longest = [], [], [], [], [], []
        with SiteServer(site) as server, sync_playwright() as playwright:
            page_url, floor_url = f"{server.url}/calculators/dose/", f"{server.url}/floor.html"
            for run in range(runs):
                # Alternate which page goes first, so neither gets a systematically warmer machine.
                order = ("page", "floor") if run % 2 == 0 else ("floor", "page")
                for which in order:
                    context = fresh_profile(playwright, folder)
                    if which == "floor":
                        floor.append(timed_visit(context, floor_url, FLOOR_DONE)[0])
                    else:
                        ms, size, long_ms = timed_visit(context, page_url, "window.__result")
                        cold.append(ms), transferred.append(size), longest.append(long_ms)
                        ms, size, long_ms = timed_visit(context, page_url, "window.__result")
                        warm.append(ms), warm_bytes.append(size), longest.append(long_ms)
                    context.close()
        raw, packed = page_weight(site)
    med = statistics.median
    print(f"runs: {runs} (medians; headless Chromium, loopback, no throttling)")
    print(f"cold, navigation to first browser-computed result: {med(cold):7.0f} ms")
    print(f"floor, bare page booting Pyodide and running 1+1:  {med(floor):7.0f} ms")
    print(f"  spread: cold {min(cold):.0f}-{max(cold):.0f} ms, floor {min(floor):.0f}-{max(floor):.0f} ms")
    print(f"ratio cold / floor:                                {med(cold) / med(floor):7.2f}  (target <= 1.10)")
    print(f"warm, second visit (disk cache):                   {med(warm):7.0f} ms")
    print(f"bytes transferred, cold visit:                     {med(transferred) / 1e6:7.2f} MB (uncompressed: this server sends no Content-Encoding)")
    print(f"bytes transferred, warm visit:                     {med(warm_bytes) / 1e3:7.1f} KB")
    print(f"longest main-thread task (longtask API, >50 ms):   {med(longest):7.0f} ms median of {len(longest)} visits, "
          f"worst {max(longest):.0f} ms (0 = none over 50 ms; target < 50)")
    print(f"page before Pyodide (HTML+CSS+JS):                 {raw / 1024:7.1f} KB raw, {packed / 1024:.1f} KB gzip (target < 60 KB)")


if __name__ == "__main__":
    main()
