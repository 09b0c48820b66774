// Registers the site's service worker (plugins/offline), which keeps the site working offline.
// Where the page says data-warm (an article or a page), it asks the worker, once the page has
// loaded and is idle, to cache the runtime, and then boots Python (calculator.js, in the shared
// worker that outlives this page), so the calculator opened next finds it running; never on a
// connection that saves data or may be metered, and the boot only where the browser keeps a
// shared worker across a navigation, on a device with memory to spare. Then
// <html data-warm="ready">, or "skipped" on such a connection. A page that runs Python itself
// (a calculator, the diary) asks the same once its own runtime is up: the files are then in the
// browser's HTTP cache, so this costs no download, and a reader whose one visit was a
// calculator can still use it offline (its Python is already running).
// Offline, a calm notice says the site still works. A browser without service workers gets the
// site as it is.
const config = document.querySelector("script[data-service-worker]").dataset;
// A page whose own Python runs: a calculator's form, the diary.
const PYTHON_PAGE = "form[data-calculator], [data-diary]";

if ("serviceWorker" in navigator) {
  start().catch((error) => console.warn(`offline: ${error.message}`));
}

async function start() {
  await loaded();
  // A page that runs Python registers the worker once its own first result is shown: the
  // worker's install (every page of the site, at install) must not compete with the boot.
  const python = document.querySelector(PYTHON_PAGE) !== null;
  if (python) await pythonUp();
  await navigator.serviceWorker.register(config.serviceWorker, { scope: config.scope });
  sayWhenOffline(JSON.parse(config.words));
  if (!("warm" in config)) {
    if (python) await warm();
    return;
  }
  if (metered()) {
    document.documentElement.dataset.warm = "skipped";
  } else {
    await idle();
    await warm();
  }
}

async function warm() {
  const { active } = await navigator.serviceWorker.ready;
  const answer = await ask(active, "warm");
  if (answer !== "ready") throw new Error(`the runtime was not cached: ${answer}`);
  if ("runtime" in config && lasting() && (navigator.deviceMemory ?? BOOT_MEMORY) >= BOOT_MEMORY) {
    await boot().catch((error) => console.warn(`offline: Python did not boot: ${error.message}`));
  }
  document.documentElement.dataset.warm = "ready";
}

// Python booted in the calculators' shared worker (calculator.js, from the cache just filled),
// until it is ready or has failed.
async function boot() {
  const runtime = await import(config.runtime);
  await new Promise((resolve, reject) => runtime.follow((state, reason) => {
    if (state === "ready") resolve();
    else if (state === "failed") reject(new Error(reason));
  }));
}

// GB (navigator.deviceMemory, where the browser says): below it, no Python booted ahead (a
// 31.5 MB heap and the compiled runtime, kept for minutes after the reader leaves).
const BOOT_MEMORY = 2;

// Whether a shared worker can outlive its pages here (extendedLifetime; without it Python booted
// here would end as the reader follows a link). The option is read, if known, before the address
// is parsed; this address does not parse, so no worker starts.
function lasting() {
  let known = false;
  try {
    new SharedWorker("http://[", { get extendedLifetime() { known = true; return true; } });
  } catch {
    // (always: the address)
  }
  return known;
}

// Once the page's own runtime has answered (it marks itself data-runtime="python").
function pythonUp() {
  const up = () => document.querySelector(`:is(${PYTHON_PAGE})[data-runtime='python']`);
  return new Promise((resolve) => {
    if (up()) return resolve();
    const observer = new MutationObserver(() => {
      if (up()) { observer.disconnect(); resolve(); }
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-runtime"] });
  });
}

function loaded() {
  return new Promise((resolve) => {
    if (document.readyState === "complete") resolve();
    else addEventListener("load", resolve, { once: true });
  });
}

function idle() {
  return new Promise((resolve) => {
    if ("requestIdleCallback" in window) requestIdleCallback(resolve);
    else setTimeout(resolve);
  });
}

// "Save data", a cellular connection or a 2G-like one: the reader may pay by the byte.
function metered() {
  const connection = navigator.connection;
  return Boolean(connection && (connection.saveData || connection.type === "cellular"
    || ["slow-2g", "2g"].includes(connection.effectiveType)));
}

function ask(worker, message) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    worker.postMessage(message, [channel.port2]);
  });
}

// The notice, in the page's polite live region, while offline on a page the worker serves.
function sayWhenOffline(words) {
  const region = document.querySelector("[data-offline-notice]");
  const say = () => {
    const offline = !navigator.onLine && navigator.serviceWorker.controller;
    if (offline && !region.firstChild) {
      const notice = document.createElement("p");
      notice.className = "notice";
      notice.textContent = words.offline;
      region.append(notice);
    } else if (!offline) {
      region.replaceChildren();
    }
  };
  addEventListener("online", say);
  addEventListener("offline", say);
  say();
}
