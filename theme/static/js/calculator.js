// Makes the prerendered calculator forms live: inputs go to the Python calculators in a
// worker; results, field errors, downloads and the query string follow. Without this
// script the page still shows the form and the worked example computed at build time.
// Loaded async from <head>: the worker starts booting Python while the page is still parsing.
// Nothing here knows a calculator: names, fields and actions come from the prerendered form.
// Another script of the page (the diary's, diary.js) shares the worker: it imports this module
// by its script element's URL (so it gets this very instance) and uses what it exports.
const config = document.querySelector("script[data-worker]").dataset;
// The words this script shows, from the site's catalogue (runtime.html): each state's status
// line under the state's name; `say` fills in the {placeholders} (a failure's {reason}).
// (A page that only warms the runtime, offline.js's, shows none: it has none.)
const WORDS = JSON.parse(config.words ?? "{}");
const say = (name, values = {}) =>
  (WORDS[name] ?? name).replace(/\{(\w+)\}/g, (whole, key) => (Object.hasOwn(values, key) ? values[key] : whole));
const forms = new Map(); // form -> {status, progress, output, submit, actions, overrides, token, timer, live}
const pending = new Map(); // request id -> {resolve, reject}
const query = new URLSearchParams(location.search);
let state = "loading"; // loading -> ready -> failed, or loading -> failed; failed is final
let reason = "";
// While the runtime loads: its downloads' progress (from the worker) and, once loading has taken
// a few seconds, a line saying that the figures shown are the worked example.
const BAR_AFTER = 1000; // ms: a quick boot (a cached runtime) shows no bar that flashes
const EXAMPLE_AFTER = 4000; // ms
const progress = { loaded: 0, total: 0, first: null }; // first: {loaded, at} of the first bytes
let slow = false;
setTimeout(() => { for (const form of forms.keys()) showProgress(form); }, BAR_AFTER);
setTimeout(() => {
  slow = true;
  if (state === "loading") for (const form of forms.keys()) show(form); // (a later state's line stays)
}, EXAMPLE_AFTER);
let nextId = 0;
let worker = null;
const followers = []; // other scripts' listeners to the runtime's state (follow)

// The one place that decides how the worker is made. A full page of the site (data-shared) uses
// a shared worker named after the runtime's files (so a page of another build never finds this
// one's Python) that outlives the page (extendedLifetime): the next page of the site, the
// calculator an article warmed (offline.js) or this one opened again, finds Python running
// instead of booting it. An embed keeps a worker of its own. A page with an opaque origin (an
// embed in `sandbox="allow-scripts"`) cannot make a worker from a URL (SecurityError) but can
// make a data: module worker that imports the absolute URL; failing both, the same module runs
// on the main thread behind a MessagePort, where Python's work blocks the page while it runs.
function createWorker(url, name) {
  const absolute = new URL(url, location.href).href;
  if ("shared" in config && "SharedWorker" in globalThis) {
    try {
      return sharedWorker(absolute, name);
    } catch {
      // a worker of its own, below
    }
  }
  const importer = `data:text/javascript,import ${encodeURIComponent(JSON.stringify(absolute))};`;
  for (const source of [absolute, importer]) {
    try {
      return new Worker(source, { type: "module" });
    } catch {
      // the next kind
    }
  }
  const { port1, port2 } = new MessageChannel();
  import(absolute).then(
    ({ serve }) => serve(port2),
    (error) => port2.postMessage({ type: "failed",
                                   message: say("notStartedBecause", { reason: error.message }) }),
  );
  port1.terminate = () => port1.close();
  return port1;
}

// A shared worker's port, which startWorker uses as it uses a worker: `onerror` when its script
// cannot load (a worker that breaks later says "stopped"), and `terminate` (this page's port
// only: other pages may use the worker).
function sharedWorker(url, name) {
  const shared = new SharedWorker(url, { type: "module", name, extendedLifetime: true });
  const { port } = shared;
  shared.onerror = () => port.onerror?.();
  port.terminate = () => port.close();
  return port;
}

// The one way between states: every form shows the new state.
function enter(next, why = "") {
  if (state === "failed" || state === next) return;
  state = next;
  reason = why;
  for (const listener of followers) listener(state, reason);
  if (state === "failed") {
    worker?.terminate();
    for (const { reject } of pending.values()) reject(new Error(why));
    pending.clear();
  }
  for (const form of forms.keys()) show(form);
}

function show(form) {
  const entry = forms.get(form);
  const ready = state === "ready";
  entry.status.textContent = say(state === "loading" && slow ? "loadingExample" : state, { reason });
  showProgress(form);
  entry.submit.hidden = !ready;
  if (entry.actions) entry.actions.hidden = !ready;
  if (state === "failed") {
    clearTimeout(entry.timer);
    setBusy(form, false);
    delete form.dataset.runtime; // what is shown no longer follows the inputs
  }
  if (ready && !entry.live) {
    entry.live = true;
    compute(form);
  }
}

// `listener(state, reason)` now and at each change of the runtime's state: "loading", "ready"
// or "failed" (with its reason).
export function follow(listener) {
  followers.push(listener);
  listener(state, reason);
}

// A request to the worker; its promise settles with the answer, or rejects when the worker
// answers with an error or the runtime has failed (at once if it already has).
export function ask(message) {
  if (state === "failed") return Promise.reject(new Error(reason));
  const id = ++nextId;
  // Python says its words in the page's language: its catalogues' code (es), which the script
  // tag names, not the page's language tag (es-US).
  worker.postMessage({ ...message, id, lang: config.lang });
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}

// The worker and what it says; one that cannot even be made is a failed runtime.
function startWorker() {
  const absolute = (url) => new URL(url, location.href).href;
  const init = { type: "init", pyodide: absolute(config.pyodide), lockfile: absolute(config.lockfile),
                 snapshot: config.snapshot && { url: absolute(config.snapshot), integrity: config.snapshotIntegrity },
                 sizes: Object.fromEntries(Object.entries(JSON.parse(config.sizes || "{}"))
                   .map(([url, size]) => [absolute(url), size])) };
  let made;
  try {
    made = createWorker(config.worker, JSON.stringify([init.pyodide, init.lockfile, init.snapshot?.url]));
  } catch (error) {
    enter("failed", say("notStartedBecause", { reason: error.message }));
    return null;
  }
  const broken = () => enter("failed", say(state === "loading" ? "notStarted" : "stopped"));
  made.onmessage = ({ data }) => {
    if (data.type === "progress") downloaded(data);
    else if (data.type === "ready") enter("ready");
    else if (data.type === "failed") enter("failed", data.message);
    else if (data.type === "stopped") broken();
    else {
      const request = pending.get(data.id);
      pending.delete(data.id);
      if ("error" in data) request?.reject(new Error(data.error));
      else request?.resolve(data);
    }
  };
  made.onerror = broken;
  made.onmessageerror = () => enter("failed", say("unreadable"));
  made.postMessage(init);
  return made;
}
worker = startWorker();

function downloaded({ loaded, total }) {
  if (loaded > 0 && !progress.first) progress.first = { loaded, at: performance.now() };
  Object.assign(progress, { loaded, total });
  for (const form of forms.keys()) showProgress(form);
}

const megabytes = (bytes) => (bytes / 1e6).toLocaleString(document.documentElement.lang,
  { minimumFractionDigits: 1, maximumFractionDigits: 1 });

// The bar, and in words what has come, of how much, and about how long the rest takes at the
// pace so far (from the first bytes on; after a second of them, so that it means something).
function showProgress(form) {
  const { bar, figures, line } = forms.get(form).progress;
  const { loaded, total, first } = progress;
  line.hidden = state !== "loading" || total === 0 || performance.now() < BAR_AFTER;
  if (line.hidden) return;
  bar.max = total;
  bar.value = Math.min(loaded, total);
  const amounts = say("progressFigures", { loaded: megabytes(loaded), total: megabytes(total) });
  const spent = first && (performance.now() - first.at) / 1000;
  const pace = spent >= 1 ? (loaded - first.loaded) / spent : 0; // bytes a second
  const left = pace > 0 ? (total - loaded) / pace : 0;
  if (loaded >= total) figures.textContent = say("starting");
  else if (!left) figures.textContent = amounts;
  else if (left > 90) figures.textContent = say("minutesLeft", { figures: amounts, minutes: Math.round(left / 60) });
  else figures.textContent = say("secondsLeft", { figures: amounts,
                                                  seconds: left > 10 ? Math.ceil(left / 5) * 5 : Math.ceil(left) });
}

function fieldsOf(form) {
  const fields = {};
  for (const [name, value] of new FormData(form)) {
    fields[name] = name in fields ? `${fields[name]},${value}` : String(value);
  }
  for (const box of form.querySelectorAll("input[type=checkbox]")) fields[box.name] ??= "";
  return { ...fields, ...forms.get(form).overrides };
}

const controlsOf = (form, name) => [...form.elements].filter((control) => control.name === name);
const isBox = (control) => control.type === "checkbox" || control.type === "radio";

// Values only ever become control values: a select keeps its choice if no option has the value.
function setControls(controls, value) {
  for (const control of controls) {
    if (isBox(control)) {
      control.checked = value.split(",").includes(control.value);
    } else if (control.tagName === "SELECT") {
      if ([...control.options].some((option) => option.value === value)) control.value = value;
    } else {
      control.value = value;
    }
  }
}

// Query values are untrusted: they only ever become control values, and the raw text goes
// to Python, which answers a bad one with a field error.
function applyQuery(form) {
  const raw = {};
  for (const name of new Set([...form.elements].map((control) => control.name))) {
    if (!name || !query.has(name)) continue;
    raw[name] = query.getAll(name).join(",");
    setControls(controlsOf(form, name), raw[name]);
  }
  return raw;
}

export function showErrors(form, errors) {
  for (const slot of form.querySelectorAll(".field-error[data-field]")) {
    const message = errors[slot.dataset.field];
    slot.textContent = message || "";
    slot.hidden = !message;
    for (const control of controlsOf(form, slot.dataset.field)) {
      if (message) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
  }
}

// Replace the result only when it changed (the summary above it is what a screen reader hears).
export function showResult(output, html) {
  const incoming = document.createElement("template");
  incoming.innerHTML = html;
  if (incoming.innerHTML !== output.innerHTML) output.replaceChildren(incoming.content);
  focusableIfScrolls(output);
}

// A private form (`data-private`: what a reader ticks about their health) never touches the
// address, either way: an address is kept in the history, synced, shared by copy and paste and
// written in server logs, so it would carry the answers further than this page. Its fields go
// to the worker on this device and nowhere else.
const isPrivate = (form) => form.hasAttribute("data-private");

function mirrorInQuery(fields, form) {
  const address = new URLSearchParams(location.search);
  for (const [name, value] of Object.entries(fields)) address.set(name, value);
  history.replaceState(null, "", `${location.pathname}?${address}${location.hash}`);
  const link = form.querySelector("[data-permalink]"); // a printed handout's way back
  if (link) link.href = link.textContent = new URL(`?${address}`, location.href).href;
}

function setBusy(form, busy) {
  const output = forms.get(form).output;
  if (busy) {
    form.dataset.busy = "1";
    output.setAttribute("aria-busy", "true");
  } else {
    delete form.dataset.busy;
    output.removeAttribute("aria-busy");
  }
}

async function compute(form) {
  const entry = forms.get(form);
  const fields = fieldsOf(form);
  const token = (entry.token = ++nextId);
  setBusy(form, true);
  let answer;
  try {
    answer = await ask({ type: "run", name: form.dataset.calculator, fields });
  } catch (error) {
    if (entry.token === token && state === "ready") {
      setBusy(form, false);
      entry.status.textContent = say("notWorkedOut", { reason: error.message });
    }
    return; // on failure the state's own status line says what happened
  }
  if (entry.token !== token) return; // a newer input is on its way
  setBusy(form, false);
  showResult(entry.output, answer.result.html);
  // The form's one live region: the result in one sentence, said again only when it changed.
  const summary = form.querySelector("[data-calculator-summary]");
  if (summary && summary.textContent !== answer.result.summary) {
    summary.textContent = answer.result.summary;
  }
  showErrors(form, answer.result.errors);
  form.dataset.runtime = "python";
  if (!isPrivate(form)) mirrorInQuery(fields, form);
}

const ACTIONS = {
  print: () => window.print(),
  async download(form, button) {
    const entry = forms.get(form);
    let text;
    try {
      ({ text } = await ask({ type: "export", name: form.dataset.calculator,
                              export: button.dataset.export, fields: fieldsOf(form),
                              now: new Date().toISOString() }));
    } catch (error) {
      if (state === "ready") entry.status.textContent = say("downloadFailed", { reason: error.message });
      return;
    }
    if (!text) {
      entry.status.textContent = say("nothingToDownload");
      return;
    }
    download(text, button.dataset.filename, button.dataset.mediaType);
  },
};

// A file made in the page, saved by the browser as a download (nothing leaves the device).
export function download(text, filename, mediaType) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type: mediaType }));
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

// The progress line, after the status line (whose changes a screen reader hears; the bar's are
// not read out at each step): the bar, named, described by its figures.
function progressLine(form, status) {
  const line = document.createElement("p");
  const bar = document.createElement("progress");
  const figures = document.createElement("span");
  line.className = "calculator-progress";
  line.hidden = true;
  figures.id = `${form.dataset.calculator}-${forms.size}-progress`;
  bar.setAttribute("aria-label", say("progress"));
  bar.setAttribute("aria-describedby", figures.id);
  line.append(bar, figures);
  status.after(line);
  return { line, bar, figures };
}

// A result box that scrolls (an embed's compact layout) takes the focus, so that the keyboard
// scrolls it, and is named; one that does not stays out of the tab order.
function focusableIfScrolls(output) {
  const scrolls = output.scrollHeight > output.clientHeight + 1;
  if (scrolls === (output.tabIndex === 0)) return;
  if (scrolls) {
    output.tabIndex = 0;
    output.setAttribute("role", "region");
    output.setAttribute("aria-label", say("resultBox"));
  } else {
    for (const name of ["tabindex", "role", "aria-label"]) output.removeAttribute(name);
  }
}

function wire(form) {
  const actions = form.querySelector("[data-calculator-actions]");
  const status = form.querySelector(".calculator-status");
  const entry = {
    status,
    progress: progressLine(form, status),
    output: form.querySelector("[data-calculator-output]"),
    submit: form.querySelector(".calculator-submit"),
    actions,
    overrides: {},
    token: 0,
    timer: 0,
    live: false,
  };
  forms.set(form, entry);
  // (an address cannot tick a private form's boxes: a link may not answer for the reader)
  entry.overrides = isPrivate(form) ? {} : applyQuery(form);
  focusableIfScrolls(entry.output);
  new ResizeObserver(() => focusableIfScrolls(entry.output)).observe(entry.output);
  const soon = () => {
    entry.overrides = {}; // the reader's own input now wins over the address
    if (state !== "ready") return; // going live computes the inputs as they are then
    setBusy(form, true);
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => compute(form), 120);
  };
  form.addEventListener("input", soon);
  form.addEventListener("change", soon);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (state === "ready") compute(form);
  });
  for (const button of actions?.querySelectorAll("button[data-action]") ?? []) {
    button.addEventListener("click", () => ACTIONS[button.dataset.action]?.(form, button));
  }
  show(form);
}

// A printed handout says the day it was printed, in the page's language, filled in as it prints
// (a page left open overnight prints today's date). Without this script the line stays blank,
// to be filled in by hand.
addEventListener("beforeprint", () => {
  const today = new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: "long" })
    .format(new Date());
  for (const slot of document.querySelectorAll("[data-print-date]")) slot.textContent = today;
});

const whenParsed = () => document.querySelectorAll("form[data-calculator]").forEach(wire);
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", whenParsed);
else whenParsed();
