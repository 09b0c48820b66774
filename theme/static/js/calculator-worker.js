// Runs the Python calculators in Pyodide, off the main thread (a module worker).
// Messages in:  {type: "init", pyodide, lockfile, snapshot, sizes} once (snapshot: {url,
//               integrity} or empty; sizes: {url: bytes} of the runtime's files), then requests,
//               each with an id:
//               {id, type: "run", name, fields} | {id, type: "export", name, export, fields, now}
//               | {id, type: "diary", request} (the diary's page: calculators.diary_json)
// Messages out: {type: "progress", loaded, total} while booting, {type: "ready"} |
//               {type: "failed", message} once, then one answer per request:
//               {id, result} | {id, text} | {id, answer} | {id, error}; from a shared worker
//               that broke, {type: "stopped"}
// In a worker it serves its own messages. In a shared worker (a full page's, see createWorker in
// calculator.js) it serves every page of the site that connects: one Python, booted once, that
// the next page finds running. Where no worker can be made, the page imports this module and
// calls `serve` with a MessagePort.
let calculators = null;
let booting = null;
// The ports of the pages whose boot is under way: each is told the boot's progress, and a page
// that joins it is told the last figures at once.
const watching = new Set();
let lastProgress = null;
const SHARED = typeof SharedWorkerGlobalScope !== "undefined" && self instanceof SharedWorkerGlobalScope;

async function boot({ pyodide: indexURL, lockfile: lockFileURL, snapshot, sizes = {} }, tell) {
  const downloads = countDownloads(sizes, tell);
  try {
    await bootPyodide(indexURL, lockFileURL, snapshot, downloads);
  } finally {
    downloads.stop();
  }
}

async function bootPyodide(indexURL, lockFileURL, snapshot, downloads) {
  const wasm = new URL("pyodide.asm.wasm", indexURL).href;
  const emptyStdlib = snapshot && new URL("empty-stdlib.zip", snapshot.url).href;
  downloads.expect(wasm, lockFileURL, ...(snapshot ? [snapshot.url, emptyStdlib] : []));
  // The snapshot is read while Pyodide's script loads.
  const memory = snapshot && fetchSnapshot(snapshot);
  memory?.catch(() => {}); // its failure is handled where it is awaited, below
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  if (memory) {
    // A snapshot missing, corrupt (its integrity value checks every byte) or from another
    // Pyodide build (Pyodide checks its build id) throws: then the plain boot, below.
    try {
      calculators = importCalculators(await loadPyodide({
        indexURL, lockFileURL, _loadSnapshot: memory,
        // Python reads nothing from its standard library here: the snapshot has imported
        // every module the calculators use, so an empty zip stands in for 2.5 MB.
        stdLibURL: emptyStdlib,
      }));
      return;
    } catch (error) {
      console.warn(`calculators: the snapshot did not boot (${error.message}); booting without it`);
    }
  }
  downloads.expect(new URL("python_stdlib.zip", indexURL).href);
  // `packages` downloads the wheel while Pyodide boots. A package that fails to load
  // does not throw: the import tells.
  calculators = importCalculators(await loadPyodide({ indexURL, lockFileURL, packages: ["calculators"] }));
}

// The boot's downloads, counted for the page's progress bar while they arrive: the bytes of each
// response to a fetch of a runtime file (one `sizes` names: Pyodide's WebAssembly, the snapshot
// and its empty standard library or the standard library and the wheel, the lock file), read
// from a clone, so that what Pyodide reads (and the browser caches, compiled) is untouched.
// They are the files' own bytes, as the browser unpacks them: a server that compresses sends
// fewer. Pyodide's two scripts (1.3 MB), which it imports as modules, give no progress and are
// not counted. The total holds the files the boot expects and any other it starts to fetch, less
// one that failed. `tell` gets {loaded, total}: when a file starts, fails or ends, and at most
// every 200 ms between.
function countDownloads(sizes, tell) {
  const plainFetch = globalThis.fetch;
  const files = new Map(); // url -> "expected" | "fetched"
  let loaded = 0;
  let total = 0;
  let told = 0;
  const report = (now) => {
    if (!now && performance.now() - told < 200) return;
    told = performance.now();
    tell({ loaded, total });
  };
  const expect = (...urls) => {
    for (const url of urls.filter((url) => Object.hasOwn(sizes, url) && !files.has(url))) {
      files.set(url, "expected");
      total += sizes[url];
    }
    report(true);
  };
  async function count(response, size) {
    let read = 0;
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      const more = Math.min(chunk.value.byteLength, size - read); // never past the file's size
      read += more;
      loaded += more;
      report(false);
    }
    report(true);
  }
  globalThis.fetch = async (resource, options) => {
    const url = absolute(resource);
    const first = Object.hasOwn(sizes, url) && files.get(url) !== "fetched";
    if (first) expect(url);
    const response = await plainFetch(resource, options).catch((error) => {
      if (first) failed(url);
      throw error;
    });
    if (first && (!response.ok || !response.body)) failed(url);
    else if (first) {
      files.set(url, "fetched");
      count(response.clone(), sizes[url]).catch(() => {}); // a failed read fails Pyodide's too
    }
    return response;
  };
  function failed(url) {
    files.set(url, "fetched"); // not counted, and not again
    total -= sizes[url];
    report(true);
  }
  return { expect, stop: () => { globalThis.fetch = plainFetch; } };
}

// A fetch's URL, absolute; "" for one that is not (a data: worker has no base for it).
function absolute(resource) {
  try {
    return new URL(resource.url ?? resource, location.href).href;
  } catch {
    return "";
  }
}

async function fetchSnapshot({ url, integrity }) {
  // fetch()'s own integrity check holds the response until it has hashed every byte and then
  // copies them again; WebCrypto on the bytes is about 0.1 s quicker on a later visit. Where
  // WebCrypto is missing (a page served over plain HTTP from another host), fetch() checks.
  const here = integrity && globalThis.crypto?.subtle;
  const response = await fetch(url, integrity && !here ? { integrity } : {});
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const packed = new Uint8Array(await response.arrayBuffer());
  if (here && (await sha256(packed)) !== integrity) throw new Error(`${url}: its sha256 differs`);
  return unpackSnapshot(packed);
}

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return `sha256-${btoa(String.fromCharCode(...digest))}`;
}

// The build leaves out the snapshot's zero pages (plugins/runtime/snapshot.py, pack_snapshot):
// "\0pck", the full length, the count of runs, each run's offset and length (u32 little-endian),
// then the runs' bytes. A new array is zero, so only the runs are copied back.
export function unpackSnapshot(packed) {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const magic = String.fromCharCode(...packed.subarray(0, 4));
  if (packed.length < 12 || magic !== "\0pck") throw new Error("not a packed snapshot");
  const memory = new Uint8Array(view.getUint32(4, true));
  const runs = view.getUint32(8, true);
  let from = 12 + 8 * runs;
  for (let run = 0; run < runs; run++) {
    const offset = view.getUint32(12 + 8 * run, true);
    const length = view.getUint32(16 + 8 * run, true);
    memory.set(packed.subarray(from, from + length), offset); // throws past the end
    from += length;
  }
  if (from !== packed.length) throw new Error("the packed snapshot's length is wrong");
  return memory;
}

function importCalculators(pyodide) {
  try {
    return pyodide.pyimport("calculators");
  } catch (error) {
    throw new Error(`the calculators package did not load: ${error.message.trim().split("\n").pop()}`);
  }
}

// Each request calls one function of the package's browser API (JSON text both ways), in the
// page's language (a request that names none gets the API's default, "en").
const ANSWERS = {
  run: ({ name, fields, lang = "en" }) =>
    ({ result: JSON.parse(calculators.run_json(name, JSON.stringify(fields), lang)) }),
  export: ({ name, export: kind, fields, now, lang = "en" }) =>
    ({ text: calculators.export_json(name, kind, JSON.stringify(fields), now, lang) }),
  diary: ({ request, lang = "en" }) =>
    ({ answer: JSON.parse(calculators.diary_json(JSON.stringify(request), lang)) }),
};

export function serve(port) {
  port.onmessage = async ({ data }) => {
    if (data.type === "init") {
      // A page that connects while Python boots, or after, shares that boot (its `init` is the
      // same: the worker's name is the runtime's address, see createWorker).
      if (booting && lastProgress) port.postMessage({ type: "progress", ...lastProgress });
      watching.add(port);
      booting ??= boot(data, (progress) => {
        lastProgress = progress;
        for (const watcher of watching) watcher.postMessage({ type: "progress", ...progress });
      });
      booting.then(
        () => port.postMessage({ type: "ready" }),
        (error) => {
          // A shared worker outlives this page: the next page boots again (offline now, perhaps
          // online then) rather than inherit this failure.
          if (SHARED) [booting, lastProgress] = [null, null];
          port.postMessage({ type: "failed", message: String(error.message || error) });
        },
      ).finally(() => watching.delete(port));
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
      // Python that failed fatally (Pyodide marks the error, then refuses every call) can answer
      // nothing again: a shared worker, which every page of the site finds, ends.
      if (SHARED && (error?.pyodide_fatal_error || /already (fatally failed|exited)/.test(error?.message))) {
        stop();
      }
    }
  };
}

// A shared worker's ports, one a page that connected (a closed page's too: a message to it goes
// nowhere, and the browser says nothing when a page closes).
const pages = new Set();

// A broken shared worker tells every page it has "stopped" and ends: the next page gets a new one.
function stop() {
  for (const port of pages) port.postMessage({ type: "stopped" });
  self.close();
}

if (SHARED) {
  self.onconnect = ({ ports: [port] }) => {
    pages.add(port);
    serve(port);
  };
  // What a dedicated worker's page hears as its worker's `error` (the worker is broken), every
  // page of a shared one hears as "stopped".
  self.addEventListener("error", stop);
} else if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope) {
  serve(self);
}
