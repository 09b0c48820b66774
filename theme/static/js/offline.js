// Registers the site's service worker (plugins/offline), which keeps the site working offline.
// Where the page says data-warm (an article or a page), it asks the worker, once the page has
// loaded and is idle, to cache the runtime, so a calculator opened next starts warm; never
// on a connection that saves data or may be metered. Then <html data-warm="ready">, or "skipped"
// on such a connection. A page that runs Python itself (a calculator, the diary) asks the same
// once its own runtime is up: the files are then in the browser's HTTP cache, so this costs no
// download, and a reader whose one visit was a calculator can still use it offline.
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
  document.documentElement.dataset.warm = "ready";
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
