// Runs the Python calculators in Pyodide, off the main thread (a module worker).
// Messages in:  {type: "init", pyodide, lockfile} once, then {id, type: "run"|"ics", name, fields, now}
// Messages out: {type: "ready"} | {type: "failed", message} | {id, result} | {id, ics}
let calculators = null;
let booting = null;

async function boot({ pyodide: indexURL, lockfile: lockFileURL }) {
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  const pyodide = await loadPyodide({ indexURL, lockFileURL });
  const problems = [];
  await pyodide.loadPackage("calculators", {
    messageCallback: () => {},
    errorCallback: (message) => problems.push(message),
  });
  try {
    // loadPackage does not throw when a package fails: the import tells.
    calculators = pyodide.pyimport("calculators");
  } catch (error) {
    throw new Error(`the calculators package did not load (${problems.join("; ") || error.message})`);
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
  if (!calculators) return;
  const fields = JSON.stringify(data.fields);
  if (data.type === "ics") {
    self.postMessage({ id: data.id, ics: calculators.schedule_ics_json(fields, data.now) });
  } else {
    self.postMessage({ id: data.id, result: JSON.parse(calculators.run_json(data.name, fields)) });
  }
};
