// Runs calculator input sets in the real Pyodide runtime (npm package, Node, no network).
// usage: node run_vectors.mjs PYODIDE_DIR LOCKFILE VECTORS.json REPEAT [SNAPSHOT [STDLIB]]
// Plain boot: loads the calculators wheel through the lock file. With SNAPSHOT: boots from that
// packed memory snapshot (the package already imported), unpacked by the browser worker's own
// function, with STDLIB as the standard library zip.
// VECTORS.json: {"calculators": [[name, fields, lang]...], "diary": [[request, lang]...],
//                "ics": [[fields, lang]...]}
// prints one JSON object: {results: [...], ics: [...], diary: [answers], ms_per_run, boot_ms}
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { unpackSnapshot } from "../../theme/static/js/calculator-worker.js";

const [pyodideDir, lockfile, vectorsFile, repeat = "20", snapshot, stdlib] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const started = performance.now();
const options = { indexURL: pyodideDir + path.sep, lockFileURL: lockfile };
if (snapshot) {
  try {
    options._loadSnapshot = unpackSnapshot(new Uint8Array(readFileSync(snapshot)));
  } catch (error) {
    console.error(`the snapshot did not unpack: ${error.message}`);
    process.exit(1);
  }
}
if (stdlib) options.stdLibURL = stdlib;
let pyodide;
try {
  pyodide = await loadPyodide(options);
} catch (error) {
  console.error(`pyodide did not boot: ${error.message}`);
  process.exit(1);
}
const problems = [];
if (!snapshot) {
  await pyodide.loadPackage("calculators", { messageCallback: () => {}, errorCallback: (m) => problems.push(m) });
}
let calculators;
try {
  calculators = pyodide.pyimport("calculators");
} catch (error) {
  console.error(`calculators did not load: ${problems.join("; ")} ${error.message}`);
  process.exit(1);
}
const bootMs = performance.now() - started;
const { calculators: vectors, diary: requests, ics: plans } = JSON.parse(readFileSync(vectorsFile, "utf8"));
const results = vectors.map(([name, fields, lang]) => JSON.parse(calculators.run_json(name, JSON.stringify(fields), lang)));
const diary = requests.map(([request, lang]) => JSON.parse(calculators.diary_json(JSON.stringify(request), lang)));
const ics = plans.map(([fields, lang]) => calculators.export_json("schedule", "ics", JSON.stringify(fields), "2026-11-26T12:00:00Z", lang));
const [name, fields] = vectors[0];
const t0 = performance.now();
for (let i = 0; i < Number(repeat); i++) calculators.run_json(name, JSON.stringify(fields));
const msPerRun = (performance.now() - t0) / Number(repeat);
console.log(JSON.stringify({ results, ics, diary, ms_per_run: msPerRun, boot_ms: bootMs }));
