// Makes the prerendered calculator forms live: inputs go to the Python calculators in a
// worker; results, field errors and the query string follow. Without this script the page
// still shows the form and the worked example computed at build time.
// Loaded async from <head>: the worker starts booting Python while the page is still parsing.
const config = document.querySelector("script[data-worker]").dataset;
const pending = new Map();
let nextId = 0;

// The one place that decides how the worker is made (sandboxed embeds will need a data: URL).
function createWorker(url) {
  return new Worker(new URL(url, location.href), { type: "module" });
}

function fieldsOf(form) {
  const fields = {};
  for (const [name, value] of new FormData(form)) {
    fields[name] = name in fields ? `${fields[name]},${value}` : String(value);
  }
  for (const box of form.querySelectorAll("input[type=checkbox]")) fields[box.name] ??= "";
  return fields;
}

// Query values are untrusted: they only ever become control values, and the raw text goes
// to Python, which answers a bad one with a field error.
function applyQuery(form, query) {
  const raw = {};
  for (const element of form.elements) {
    if (!element.name || !query.has(element.name)) continue;
    const value = query.getAll(element.name).join(",");
    raw[element.name] = value;
    if (element.type === "checkbox") {
      element.checked = value.split(",").includes(element.value);
    } else if (element.tagName === "SELECT") {
      if ([...element.options].some((option) => option.value === value)) element.value = value;
    } else {
      element.value = value;
    }
  }
  return raw;
}

// A plan shown on a later day should not start in the past: without a start in the address,
// a past example start becomes the next Monday.
function startFromToday(form, query) {
  const start = form.elements.namedItem("start");
  if (!start || query.has("start")) return;
  const today = new Date();
  const iso = (day) => new Date(day.getTime() - day.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  if (start.value && start.value > iso(today)) return;
  const monday = new Date(today);
  monday.setDate(today.getDate() + (((8 - today.getDay()) % 7) || 7));
  start.value = iso(monday);
}

function showErrors(form, errors) {
  const prefix = `calc-${form.dataset.calculator}-`;
  for (const slot of form.querySelectorAll(".field-error")) {
    const field = slot.id.slice(prefix.length, -"-error".length);
    const message = errors[field];
    slot.textContent = message || "";
    slot.hidden = !message;
    for (const control of form.querySelectorAll(`[name="${CSS.escape(field)}"]`)) {
      if (message) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
  }
}

// Replace the result only when it changed, so the live region is not read out for nothing.
function showResult(output, html) {
  const incoming = document.createElement("template");
  incoming.innerHTML = html;
  if (incoming.innerHTML !== output.innerHTML) output.replaceChildren(incoming.content);
}

function mirrorInQuery(fields) {
  const query = new URLSearchParams(location.search);
  for (const [name, value] of Object.entries(fields)) query.set(name, value);
  history.replaceState(null, "", `${location.pathname}?${query}${location.hash}`);
}

function ask(worker, message) {
  const id = ++nextId;
  worker.postMessage({ ...message, id });
  return new Promise((resolve) => pending.set(id, resolve));
}

function addScheduleActions(form, worker, status) {
  const actions = document.createElement("p");
  actions.className = "calculator-actions";
  const download = document.createElement("button");
  download.type = "button";
  download.textContent = "Download the plan (.ics calendar)";
  download.addEventListener("click", async () => {
    const now = new Date().toISOString();
    const { ics, error } = await ask(worker, { type: "ics", fields: fieldsOf(form), now });
    if (!ics) {
      status.textContent = error || "Fix the highlighted fields first: there is no plan to download.";
      return;
    }
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([ics], { type: "text/calendar" }));
    link.download = "ketamine-schedule-illustration.ics";
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  });
  const print = document.createElement("button");
  print.type = "button";
  print.textContent = "Print the plan";
  print.addEventListener("click", () => window.print());
  actions.append(download, " ", print);
  form.querySelector("[data-calculator-output]").after(actions);
}

function start() {
  const worker = createWorker(config.worker);
  worker.postMessage({ type: "init", pyodide: new URL(config.pyodide, location.href).href,
                       lockfile: new URL(config.lockfile, location.href).href });
  const query = new URLSearchParams(location.search);
  const forms = new Map(); // form -> {status, output, overrides, token}
  let state = "loading";

  async function compute(form) {
    const entry = forms.get(form);
    const fields = { ...fieldsOf(form), ...entry.overrides };
    const token = (entry.token = ++nextId);
    form.dataset.busy = "1";
    entry.output.setAttribute("aria-busy", "true");
    const { result, error } = await ask(worker, { type: "run", name: form.dataset.calculator, fields });
    if (entry.token !== token) return; // a newer input is on its way
    entry.output.removeAttribute("aria-busy");
    delete form.dataset.busy;
    if (error) {
      entry.status.textContent = `The calculator could not work this out: ${error}`;
      return;
    }
    showResult(entry.output, result.html);
    showErrors(form, result.errors);
    form.dataset.runtime = "python";
    mirrorInQuery(fields);
  }

  function showState(form) {
    const entry = forms.get(form);
    if (state === "ready") {
      entry.status.textContent = "Ready: the result updates as you change the inputs.";
      form.querySelector(".calculator-submit").hidden = false;
      if (form.dataset.calculator === "schedule") addScheduleActions(form, worker, entry.status);
      compute(form);
    } else if (state === "loading") {
      entry.status.textContent = "Loading the live calculator…";
    } else {
      entry.status.textContent =
        `The live calculator could not load, so the worked example below stays as it is. (${state})`;
    }
  }

  worker.onmessage = ({ data }) => {
    if (data.type === "ready" || data.type === "failed") {
      state = data.type === "ready" ? "ready" : data.message;
      for (const form of forms.keys()) showState(form);
    } else {
      pending.get(data.id)?.(data);
      pending.delete(data.id);
    }
  };
  worker.onerror = () => worker.onmessage({ data: { type: "failed", message: "the worker did not start" } });

  function wire(form) {
    startFromToday(form, query);
    const entry = {
      status: form.querySelector(".calculator-status"),
      output: form.querySelector("[data-calculator-output]"),
      overrides: applyQuery(form, query),
      token: 0,
    };
    forms.set(form, entry);
    let timer;
    const soon = () => {
      entry.overrides = {}; // the reader's own input now wins over the address
      form.dataset.busy = "1";
      clearTimeout(timer);
      timer = setTimeout(() => state === "ready" && compute(form), 120);
    };
    form.addEventListener("input", soon);
    form.addEventListener("change", soon);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (state === "ready") compute(form);
    });
    showState(form);
  }

  const whenParsed = () => document.querySelectorAll("form[data-calculator]").forEach(wire);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", whenParsed);
  else whenParsed();
}

start();
