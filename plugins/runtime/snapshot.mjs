// Makes a Pyodide memory snapshot with the calculators imported and warmed up (Node, no network).
// usage: node snapshot.mjs PYODIDE_DIR WHEEL OUT_FILE
// A snapshot holds WebAssembly memory only: Python's modules, objects and caches, not the
// virtual file system. So every module of the package is imported (but the command line), its
// data read and each calculator run once in every language, and the diary's every action, the
// planner's calendar marked too (lazy imports such as _strptime happen now: the page's snapshot
// boots with an empty standard library), then garbage is collected and the allocator's free memory is zeroed, so that the
// packed snapshot (plugins/runtime/snapshot.py) can leave it out.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, wheel, outFile] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
// No `packages:` here: with _makeSnapshot it fails upstream (pyodide#5195); the wheel is
// unpacked by hand instead.
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep, _makeSnapshot: true });
const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel", { extractDir: sitePackages });
pyodide.runPython(`
import datetime, gc, importlib, json, pkgutil
import calculators
from calculators import messages, schema

for module in pkgutil.walk_packages(calculators.__path__, "calculators."):
    # The command line never runs in a browser, and argparse alone is ~0.3 MB of heap.
    if module.name != "calculators.__main__":
        importlib.import_module(module.name)
now = datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.timezone.utc)
for lang in messages.LANGUAGES:  # each language's words and data read, and its catalogue
    calculators.data.load(lang)
    for name in calculators.names():
        fields = json.dumps(schema.worked_example(calculators.get(name).inputs))
        calculators.run_json(name, fields, lang)
        calculators.run_json(name, "{}", lang)  # the field-error path
        for action in calculators.get(name).actions:
            if action.kind == "download":
                calculators.export_json(name, action.export, fields, now.isoformat(), lang)
    # The diary: an entry read (a decimal comma, a side effect with its hours, an infusion, a
    # note) and refused, a summary with the notes, each export, its import and refusals.
    def diary(request):
        return json.loads(calculators.diary_json(json.dumps(request), lang))
    days = [{"date": "2027-01-04", "pain": "6", "enjoyment": "5", "activity": "6",
             "sleep_hours": "6,5", "sleep_quality": "5", "mood": "5"},
            {"date": "2027-01-06", "pain": "5", "enjoyment": "4", "activity": "5", "mood": "6",
             "effects": "headache", "lasted_headache": "2", "infusion": "yes", "note": "=a"}]
    stored = [diary({"action": "entry", "fields": fields})["entry"] for fields in days]
    diary({"action": "entry", "fields": {"date": "2027-02-30", "pain": "14"}})
    diary({"action": "summary", "entries": stored, "notes": True})
    for kind in ("json", "csv"):
        text = diary({"action": "export", "kind": kind, "entries": stored})["text"]
        diary({"action": "import", "text": text})
        diary({"action": "import", "text": text[:-3]})
    diary({"action": "import", "text": text.replace("2027-01-06", "2027-01-04")})
    plan = calculators.get("schedule").export("ics", {"start": "2027-01-04"}, now, lang)
    diary({"action": "ics", "text": plan, "entries": stored, "until": "2027-01-20"})
    diary({"action": "ics", "text": plan[:-40], "entries": stored})
    calculators.diary_json("not json", lang)
del lang, name, fields, action, module, now, diary, days, stored, kind, text, plan
gc.collect()
`);
zeroFreeMemory(pyodide._module);
writeFileSync(outFile, pyodide.makeMemorySnapshot());

// Fills the C allocator's free chunks with zeros: each malloc'd (from free memory only: the
// footprint limit stops the heap growing), zeroed, and all freed again. What is left dirty is
// the allocator's own headers and Python's partly used arenas. Pyodide without these exports
// gives a correct, larger snapshot.
function zeroFreeMemory(module) {
  const names = ["_malloc", "_free", "_malloc_usable_size", "_malloc_footprint",
                 "_malloc_set_footprint_limit"];
  if (!names.every((name) => typeof module[name] === "function")) return;
  module._malloc_set_footprint_limit(module._malloc_footprint());
  const held = [];
  for (let size = 1 << 22; size >= 16; size >>= 1) {
    for (let chunk; (chunk = module._malloc(size)); held.push(chunk)) {
      module.HEAPU8.fill(0, chunk, chunk + module._malloc_usable_size(chunk));
    }
  }
  held.forEach((chunk) => module._free(chunk));
  module._malloc_set_footprint_limit(-1); // -1 is SIZE_MAX: no limit, as before
}
