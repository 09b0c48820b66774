// Runs the Python calculators in Pyodide, off the main thread (a module worker).
// Messages in:  {type: "init", pyodide, lockfile} once, then {id, type: "run"|"ics", name, fields, now}
// Messages out: {type: "ready"} | {type: "failed", message} | {id, result} | {id, ics} | {id, error}
let calculators = null;
let booting = null;

async function boot({ pyodide: indexURL, lockfile: lockFileURL }) {
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  // `packages` downloads the wheel while Pyodide boots. A package that fails to load
  // does not throw: the import tells.
  const pyodide = await loadPyodide({ indexURL, lockFileURL, packages: ["calculators"] });
  try {
    calculators = pyodide.pyimport("calculators");
  } catch (error) {
    throw new Error(`the calculators package did not load: ${error.message.trim().split("\n").pop()}`);
  }
}

self.onmessage = async ({ data }) => {
  if (data.type === "init") {
    booting ??= boot(data).then(
      () => self.postMessage({ type: "ready" }),
      (error) => self.postMessage({ type: "failed", message: String(error.message || error) }),
    );
    return;
  }
  await booting;
  try {
    if (!calculators) throw new Error("the calculator did not load");
    const fields = JSON.stringify(data.fields);
    if (data.type === "ics") {
      self.postMessage({ id: data.id, ics: calculators.schedule_ics_json(fields, data.now) });
    } else {
      self.postMessage({ id: data.id, result: JSON.parse(calculators.run_json(data.name, fields)) });
    }
  } catch (error) {
    // Every request gets an answer, so the page never waits for ever.
    self.postMessage({ id: data.id, error: String(error.message || error) });
  }
};
