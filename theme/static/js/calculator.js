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
  for (const box of form.querySelectorAll("fieldset input[type=checkbox]")) {
    fields[box.name] ??= "";
  }
  return fields;
}

function applyQuery(form, query) {
  const raw = {};
  for (const element of form.elements) {
    if (!element.name || !query.has(element.name)) continue;
    const values = query.getAll(element.name).join(",");
    raw[element.name] = values;
    if (element.type === "checkbox") {
      element.checked = values.split(",").includes(element.value);
    } else if (element.tagName === "SELECT") {
      if ([...element.options].some((option) => option.value === values)) element.value = values;
    } else {
      element.value = values;
    }
  }
  return raw;
}

function statusOf(form) {
  let status = form.querySelector(".calculator-status");
  if (!status) {
    status = document.createElement("p");
    status.className = "calculator-status";
    status.setAttribute("role", "status");
    form.querySelector("[data-calculator-output]").before(status);
  }
  return status;
}

function showErrors(form, errors) {
  for (const slot of form.querySelectorAll(".field-error")) {
    const field = slot.id.replace(`calc-${form.dataset.calculator}-`, "").replace(/-error$/, "");
    const message = errors[field];
    slot.textContent = message || "";
    slot.hidden = !message;
    for (const control of form.querySelectorAll(`[name="${field}"]`)) {
      if (message) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
  }
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

function addScheduleActions(form, worker) {
  const actions = document.createElement("p");
  actions.className = "calculator-actions";
  const download = document.createElement("button");
  download.type = "button";
  download.textContent = "Download the plan (.ics calendar)";
  download.addEventListener("click", async () => {
    const { ics } = await ask(worker, { type: "ics", fields: fieldsOf(form), now: new Date().toISOString() });
    if (!ics) return;
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([ics], { type: "text/calendar" }));
    link.download = "ketamine-schedule-illustration.ics";
    link.click();
    URL.revokeObjectURL(link.href);
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
  let forms = [];
  let state = "loading";
  const query = new URLSearchParams(location.search);
  const latest = new WeakMap();

  async function compute(form, overrides = {}) {
    const fields = { ...fieldsOf(form), ...overrides };
    form.dataset.busy = "1";
    const token = ++nextId;
    latest.set(form, token);
    const { result } = await ask(worker, { type: "run", name: form.dataset.calculator, fields });
    if (latest.get(form) !== token) return; // a newer input is on its way
    form.querySelector("[data-calculator-output]").innerHTML = result.html;
    showErrors(form, result.errors);
    form.dataset.runtime = "python";
    delete form.dataset.busy;
    mirrorInQuery(fields);
  }

  function showState(form) {
    if (state === "ready") {
      statusOf(form).textContent = "Ready: the result updates as you change the inputs.";
      compute(form, form._queryOverrides);
    } else if (state === "loading") {
      statusOf(form).textContent = "Loading the live calculator…";
    } else {
      statusOf(form).textContent =
        `The live calculator could not load, so the worked example below stays as it is. (${state})`;
    }
  }

  worker.onmessage = ({ data }) => {
    if (data.type === "ready" || data.type === "failed") {
      state = data.type === "ready" ? "ready" : data.message;
      forms.forEach(showState);
    } else {
      pending.get(data.id)?.(data);
      pending.delete(data.id);
    }
  };
  worker.onerror = () => worker.onmessage({ data: { type: "failed", message: "the worker did not start" } });

  function wire(form) {
    form._queryOverrides = applyQuery(form, query);
    let timer;
    const soon = () => {
      form.dataset.busy = "1";
      clearTimeout(timer);
      timer = setTimeout(() => compute(form), 120);
    };
    form.addEventListener("input", soon);
    form.addEventListener("change", soon);
    form.addEventListener("submit", (event) => { event.preventDefault(); compute(form); });
    if (form.dataset.calculator === "schedule") addScheduleActions(form, worker);
    showState(form);
  }

  const whenParsed = () => {
    forms = [...document.querySelectorAll("form[data-calculator]")];
    forms.forEach(wire);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", whenParsed);
  else whenParsed();
}

start();
