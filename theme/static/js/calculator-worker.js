// Runs the Python calculators in Pyodide, off the main thread (a module worker).
// Messages in:  {type: "init", pyodide, lockfile, snapshot} once (snapshot: {url, integrity} or
//               empty), then requests, each with an id:
//               {id, type: "run", name, fields} | {id, type: "export", name, export, fields, now}
//               | {id, type: "defaults", name, today}
// Messages out: {type: "ready"} | {type: "failed", message} once, then one answer per request:
//               {id, result} | {id, text} | {id, defaults} | {id, error}
// In a worker it serves its own messages; where no worker can be made, the page imports this
// module and calls `serve` with a MessagePort (see createWorker in calculator.js).
let calculators = null;
let booting = null;

async function boot({ pyodide: indexURL, lockfile: lockFileURL, snapshot }) {
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  if (snapshot) {
    // A snapshot missing, corrupt (its integrity value checks every byte) or from another
    // Pyodide build (Pyodide checks its build id) throws: then the plain boot, below.
    try {
      calculators = importCalculators(await loadPyodide({
        indexURL, lockFileURL, _loadSnapshot: fetchSnapshot(snapshot),
        // Python reads nothing from its standard library here: the snapshot has imported
        // every module the calculators use, so an empty zip stands in for 2.5 MB.
        stdLibURL: new URL("empty-stdlib.zip", snapshot.url).href,
      }));
      return;
    } catch (error) {
      console.warn(`calculators: the snapshot did not boot (${error.message}); booting without it`);
    }
  }
  // `packages` downloads the wheel while Pyodide boots. A package that fails to load
  // does not throw: the import tells.
  calculators = importCalculators(await loadPyodide({ indexURL, lockFileURL, packages: ["calculators"] }));
}

async function fetchSnapshot({ url, integrity }) {
  const response = await fetch(url, integrity ? { integrity } : {});
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function importCalculators(pyodide) {
  try {
    return pyodide.pyimport("calculators");
  } catch (error) {
    throw new Error(`the calculators package did not load: ${error.message.trim().split("\n").pop()}`);
  }
}

// Each request calls one function of the package's browser API (JSON text both ways).
const ANSWERS = {
  run: ({ name, fields }) =>
    ({ result: JSON.parse(calculators.run_json(name, JSON.stringify(fields))) }),
  export: ({ name, export: kind, fields, now }) =>
    ({ text: calculators.export_json(name, kind, JSON.stringify(fields), now) }),
  defaults: ({ name, today }) =>
    ({ defaults: JSON.parse(calculators.defaults_json(name, today)) }),
};

export function serve(port) {
  port.onmessage = async ({ data }) => {
    if (data.type === "init") {
      booting ??= boot(data).then(
        () => port.postMessage({ type: "ready" }),
        (error) => port.postMessage({ type: "failed", message: String(error.message || error) }),
      );
      return;
    }
    await booting;
    try {
      if (!calculators) throw new Error("the calculator did not load");
      if (!Object.hasOwn(ANSWERS, data.type)) throw new Error(`no such request: ${data.type}`);
      port.postMessage({ id: data.id, ...ANSWERS[data.type](data) });
    } catch (error) {
      // Every request gets an answer, so the page never waits for ever.
      port.postMessage({ id: data.id, error: String(error.message || error) });
    }
  };
}

if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope) serve(self);
