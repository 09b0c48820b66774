// The diary's page: a day's entry kept in this browser only (IndexedDB), its summary worked out
// by the calculators' Python in the page's worker (calculator.js's, which this imports), the
// diary's files (export, import, the planner's calendar) and "delete everything".
// Nothing here sends an entry anywhere: the worker runs on this device, the form is never
// submitted (no address holds an entry), and no request carries one. The form, its words and
// its controls are drawn at build time by Python (calculators/diary/view.py); this script's own
// words come from the site's catalogue (runtime.html's data-diary-words).
const script = document.querySelector("script[data-diary-words]");
const WORDS = JSON.parse(script.dataset.diaryWords);
const say = (name, values = {}) =>
  WORDS[name].replace(/\{(\w+)\}/g, (whole, key) => (Object.hasOwn(values, key) ? values[key] : whole));
// The calculators' runtime, the very module the page loaded (the same URL), so one worker.
const runtime = await import(document.querySelector("script[data-worker]").src);

const root = document.querySelector("[data-diary]");
const form = root.querySelector("form");
const find = (selector) => root.querySelector(selector);
const status = find("[data-diary-status]");
const sentence = find("[data-diary-summary]");
const output = find("[data-diary-output]");
const storageLine = find("[data-diary-storage]");
const save = find("[data-diary-save]");
const notes = find("[data-diary-notes]");
const dateInput = form.elements.date;
// The stored format's version (calculators.diary.files.VERSION): older entries are carried
// forward by Python's migrations before they are used.
const FORMAT = root.dataset.format;
const VERSION = Number(root.dataset.version);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const NEARLY_FULL = 0.9; // of the quota the browser gives the site
let db = null;
let ready = false;
let loaded = false; // whether the form shows a stored entry as it was stored
let saves = 0;

// One database of this origin: "entries", one a day keyed by its date, each as diary_json gives
// it; "meta": "version", the format its entries are in.
function openDatabase() {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open("diary", 1);
    opening.onupgradeneeded = () => {
      opening.result.createObjectStore("entries", { keyPath: "date" });
      opening.result.createObjectStore("meta");
    };
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error);
    opening.onblocked = () => reject(new DOMException("blocked", "InvalidStateError"));
  });
}

// One transaction, all or nothing: `work(entries, meta)` makes its requests (the last one's
// result is the answer); it settles once the browser has committed it, or rejects with why it
// was not (a QuotaExceededError, say): then nothing of it was stored.
function transact(mode, work) {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(["entries", "meta"], mode);
    const asked = work(transaction.objectStore("entries"), transaction.objectStore("meta"));
    transaction.oncomplete = () => resolve(asked?.result);
    transaction.onabort = () => reject(transaction.error ?? new DOMException("aborted", "AbortError"));
  });
}

const allEntries = () => transact("readonly", (entries) => entries.getAll()); // in date order

async function askDiary(request) {
  const { answer } = await runtime.ask({ type: "diary", request });
  return answer;
}

const pad = (number) => String(number).padStart(2, "0");
function today() {
  const now = new Date(); // the reader's own day, where they are
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
const longDate = (iso) => new Intl.DateTimeFormat(document.documentElement.lang,
  { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

function fieldsOf() {
  const fields = { effects: "" };
  for (const [name, value] of new FormData(form)) {
    fields[name] = name === "effects" && fields.effects ? `${fields.effects},${value}` : String(value);
  }
  return fields;
}

// A stored entry into the controls (or blank controls, for none); the date stays.
function fill(entry) {
  const text = (value) => (value === null || value === undefined ? "" : String(value));
  for (const control of form.elements) {
    if (!control.name || control.name === "date") continue;
    if (control.type === "checkbox") control.checked = Boolean(entry?.effects.includes(control.value));
    else if (control.name.startsWith("lasted_")) control.value = text(entry?.lasted[control.name.replace("lasted_", "")]);
    else if (control.name === "infusion") control.value = entry?.infusion ? "yes" : "no";
    else control.value = text(entry?.[control.name]);
  }
  runtime.showErrors(form, {});
  loaded = Boolean(entry);
}

// The chosen day's entry, if it has one, comes into the form to be changed; a day without one
// starts blank, unless the form holds what the reader typed (never thrown away).
async function showDay() {
  const date = dateInput.value;
  if (!ISO_DAY.test(date)) return;
  const entry = await transact("readonly", (entries) => entries.get(date));
  if (entry) fill(entry);
  else if (loaded) fill(null);
  status.textContent = say(entry ? "loaded" : "newDay", { date: longDate(date) });
}

async function showSummary() {
  const answer = await askDiary({ action: "summary", entries: await allEntries(), notes: notes.checked });
  if (!answer.ok) {
    status.textContent = answer.summary;
    return;
  }
  runtime.showResult(output, answer.html);
  sentence.textContent = answer.summary;
}

// What the browser said when it did not store something, in the reader's words.
function storeProblem(error) {
  return error?.name === "QuotaExceededError" ? say("full") : say("notStored", { reason: error?.message ?? error });
}

async function saveEntry() {
  const answer = await askDiary({ action: "entry", fields: fieldsOf() });
  runtime.showErrors(form, answer.errors);
  if (!answer.ok) {
    status.textContent = say("notSaved");
    sentence.textContent = answer.summary; // how many fields need fixing, and which
    form.querySelector("[aria-invalid='true']")?.focus();
    return;
  }
  try {
    await transact("readwrite", (entries) => entries.put(answer.entry));
  } catch (error) {
    status.textContent = storeProblem(error);
    return;
  }
  loaded = true;
  status.textContent = say("saved", { date: longDate(answer.entry.date) });
  await showSummary();
  if (++saves === 1) checkStorage(true).catch(() => {}); // asked once there is something to keep
}

async function importDiary(text) {
  const answer = await askDiary({ action: "import", text });
  if (!answer.ok) {
    status.textContent = answer.summary; // what is wrong, and that nothing changed
    return;
  }
  // A good file replaces the diary (it is a complete copy, from another device or an export):
  // asked first when this browser holds entries.
  const held = await transact("readonly", (entries) => entries.count());
  if (held && !(await confirmed("replace", answer.summary))) {
    status.textContent = say("notImported");
    return;
  }
  try {
    await transact("readwrite", (entries) => {
      entries.clear();
      for (const entry of answer.entries) entries.put(entry);
    });
  } catch (error) {
    status.textContent = storeProblem(error);
    return;
  }
  loaded = false;
  await showDay();
  status.textContent = say("imported", { read: answer.summary });
  await showSummary();
}

async function markInfusions(text) {
  const answer = await askDiary({ action: "ics", text, entries: await allEntries(), until: today() });
  if (!answer.ok) {
    status.textContent = answer.summary;
    return;
  }
  const marked = new Set(answer.marked); // only those days change
  try {
    await transact("readwrite", (entries) => {
      for (const entry of answer.entries.filter((entry) => marked.has(entry.date))) entries.put(entry);
    });
  } catch (error) {
    status.textContent = storeProblem(error);
    return;
  }
  if (marked.has(dateInput.value)) form.elements.infusion.value = "yes";
  status.textContent = answer.summary;
  await showSummary();
}

async function exportAs(kind) {
  const answer = await askDiary({ action: "export", kind, entries: await allEntries() });
  if (!answer.ok) {
    status.textContent = answer.summary;
    return;
  }
  runtime.download(answer.text, answer.filename, answer.media_type);
  status.textContent = answer.summary;
}

async function deleteEverything() {
  if (!(await confirmed("delete"))) return;
  try {
    await transact("readwrite", (entries) => entries.clear());
  } catch (error) {
    status.textContent = storeProblem(error);
    return;
  }
  fill(null);
  status.textContent = say("deleted");
  await showSummary();
}

// Asked in a modal <dialog>: true for its confirm button; its other button, Escape and closing
// are a no. `said` leads its text (the import's own sentence).
function confirmed(kind, said = "") {
  const dialog = find(`[data-diary-dialog="${kind}"]`);
  dialog.querySelector("[data-diary-dialog-said]").textContent = said;
  dialog.returnValue = "";
  dialog.querySelector("[data-diary-confirm]").onclick = () => dialog.close("yes");
  dialog.querySelector("[data-diary-cancel]").onclick = () => dialog.close("no");
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "yes"), { once: true });
  });
}

// A browser may clear a site's storage when it runs short of space, unless the site's storage
// is persistent; said (with the advice to export) when it is not, or when it is nearly full.
async function checkStorage(askToPersist) {
  const storage = navigator.storage;
  if (!storage?.persisted || !storage.estimate) return;
  let persistent = await storage.persisted();
  if (!persistent && askToPersist) persistent = await storage.persist();
  const { usage = 0, quota = 0 } = await storage.estimate();
  const said = quota && usage / quota > NEARLY_FULL ? say("nearlyFull") : persistent ? "" : say("notPersistent");
  storageLine.textContent = said;
  storageLine.hidden = !said;
}

// The stored entries in today's format: an older one is carried forward as an import of its
// version would be (Python's migrations), in one transaction; a newer one (a newer copy of this
// page stored it) is left alone, and the diary waits for that copy.
async function migrate() {
  const version = await transact("readonly", (entries, meta) => meta.get("version"));
  if (version === VERSION) return true;
  if (version > VERSION) {
    status.textContent = say("newer");
    return false;
  }
  let carried = [];
  if (version !== undefined) {
    const file = { format: FORMAT, version, entries: await allEntries() };
    const answer = await askDiary({ action: "import", text: JSON.stringify(file) });
    if (!answer.ok) {
      status.textContent = answer.summary;
      return false;
    }
    carried = answer.entries;
  }
  await transact("readwrite", (entries, meta) => {
    if (version !== undefined) entries.clear();
    for (const entry of carried) entries.put(entry);
    meta.put(VERSION, "version");
  });
  return true;
}

// Every handler in its turn, one after another (a date typed digit by digit, a double click):
// the page is busy until the last is done, and a failure is said, never thrown.
let turns = Promise.resolve();
let waiting = 0;
function inTurn(work) {
  return (...args) => {
    if (!ready) return;
    waiting += 1;
    root.dataset.busy = "1";
    turns = turns.then(() => work(...args)).catch((error) => {
      status.textContent = say("didNotWork", { reason: error?.message ?? error });
    }).finally(() => {
      waiting -= 1;
      if (!waiting) delete root.dataset.busy;
    });
  };
}

async function start() {
  if (!(await migrate())) return;
  await showDay();
  await showSummary();
  await checkStorage(false);
  ready = true;
  save.disabled = false;
  for (const hidden of root.querySelectorAll("[data-diary-controls]")) hidden.hidden = false;
  status.textContent = say("ready");
  root.dataset.runtime = "python";
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  inTurn(saveEntry)();
});
form.addEventListener("input", (event) => {
  if (event.target !== dateInput) loaded = false; // the reader's own values now
});
dateInput.addEventListener("change", inTurn(showDay));
notes.addEventListener("change", inTurn(showSummary));
find("[data-diary-print]").addEventListener("click", () => print());
find("[data-diary-delete]").addEventListener("click", inTurn(deleteEverything));
for (const button of root.querySelectorAll("[data-diary-export]")) {
  button.addEventListener("click", () => {
    // (inside a dialog, out of turn: the turn is the dialog's, waiting for its answer)
    if (!button.closest("dialog")) inTurn(exportAs)(button.dataset.diaryExport);
    else exportAs(button.dataset.diaryExport).catch((error) => {
      status.textContent = say("didNotWork", { reason: error?.message ?? error });
    });
  });
}
for (const button of root.querySelectorAll("[data-diary-choose]")) {
  button.addEventListener("click", () => document.getElementById(button.dataset.diaryChoose).click());
}
const IMPORTS = { diary: importDiary, ics: markInfusions };
for (const input of root.querySelectorAll("[data-diary-import]")) {
  input.addEventListener("change", () => {
    const [file] = input.files;
    input.value = ""; // the same file may be chosen again
    if (file) inTurn(async () => IMPORTS[input.dataset.diaryImport](await file.text()))();
  });
}

dateInput.value ||= today();
status.textContent = say("loading");
const opened = openDatabase().then((database) => {
  db = database;
  db.onversionchange = () => db.close(); // another tab's newer page upgrades it
  return true;
}, () => {
  status.textContent = say("noStorage");
  return false;
});
let started = false;
runtime.follow(async (state, reason) => {
  if (state === "failed") {
    ready = false;
    save.disabled = true;
    status.textContent = say("failed", { reason });
  } else if (state === "ready" && !started && (await opened)) {
    started = true;
    root.dataset.busy = "1";
    try {
      await start();
    } catch (error) {
      status.textContent = say("didNotWork", { reason: error?.message ?? error });
    } finally {
      delete root.dataset.busy;
    }
  }
});
