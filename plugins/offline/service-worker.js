// The site's service worker (plugins/offline bundles this source with Workbox once; each build
// writes its manifest in, where it says self.__WB_MANIFEST).
// - Precache, at install: the build's pages (every language) and theme files, each keyed by its
//   content hash, so a new build fetches only what changed.
// - The runtime (Pyodide, the wheel, the lock file, the snapshot: 13+ MB, in folders named after
//   their content) is cached only when a page uses it or asks to warm it, cache-first, in
//   BUILD.cache; a new build's worker drops the folders it does not name.
// - No skipWaiting while a page may be computing: see takeOverOrServe.
import { cleanupOutdatedCaches, PrecacheController, PrecacheRoute } from "workbox-precaching";
import { Route, Router } from "workbox-routing";
import { CacheFirst } from "workbox-strategies";

// {precache: [{url, revision}], runtime: [folder path], warm: [path of a runtime file], cache}
const BUILD = self.__WB_MANIFEST;
const SKIP_WAITING = "skip-waiting";
const WARM = "warm";

// The runtime's cache, named after the site's scope, as Workbox names its own: another app on
// the same origin keeps its caches.
const RUNTIME = `${BUILD.cache}-${self.registration.scope}`;

const precache = new PrecacheController();
precache.addToCacheList(BUILD.precache);
self.addEventListener("install", (event) => {
  precache.install(event);
  event.waitUntil(keepWarm());
});
self.addEventListener("activate", (event) => {
  precache.activate(event);
  event.waitUntil(dropOtherRuntimes());
});
cleanupOutdatedCaches(); // an older Workbox's precache format

const isRuntime = (url) => url.origin === self.location.origin
  && BUILD.runtime.some((folder) => url.pathname.startsWith(folder));
const router = new Router();
// A page's address may carry its calculator's inputs (?weight=...): the same page. (A theme
// file's exact ?v= address is matched first.)
router.registerRoute(new PrecacheRoute(precache, {
  directoryIndex: "index.html", cleanURLs: false, ignoreURLParametersMatching: [/.*/] }));
router.registerRoute(new Route(({ url }) => isRuntime(url), new CacheFirst({ cacheName: RUNTIME })));

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.mode === "navigate" && request.destination === "document" && self.registration.waiting) {
    event.respondWith(takeOverOrServe(event));
    return;
  }
  const answer = router.handleRequest({ event, request });
  if (answer) event.respondWith(answer);
});

// Messages: SKIP_WAITING (from the worker before this one, below), or WARM from a page
// (offline.js), answered on its port with "ready" once the files a calculator's page boots from
// (BUILD.warm) are cached, or with why not.
self.addEventListener("message", (event) => {
  if (event.data === SKIP_WAITING) {
    self.skipWaiting();
  } else if (event.data === WARM) {
    const [port] = event.ports;
    event.waitUntil(warm().then(
      () => port.postMessage("ready"),
      (error) => port.postMessage(String(error)),
    ));
  }
});

// A navigation that finds a new build installed, with no other page of the site open, lets it
// take over and reloads into it (served from its precache): the page it leaves computes no more.
// With another page open (it may be computing),
// this build serves it and the new one waits. Frames inside a page (an embed's preview) are
// that page's, not pages of their own. (A navigation does not say which page it leaves: the one
// open page counted may be it, or, for a tab opened from elsewhere, another.)
async function takeOverOrServe(event) {
  const pages = (await self.clients.matchAll({ type: "window" }))
    .filter((page) => page.frameType === "top-level");
  const waiting = self.registration.waiting;
  if (waiting && pages.length <= 1) {
    waiting.postMessage(SKIP_WAITING);
    return new Response("", { headers: { Refresh: "0", "Content-Type": "text/html; charset=utf-8" } });
  }
  return (await router.handleRequest({ event, request: event.request })) ?? fetch(event.request);
}

// The runtime's files into the cache, at low priority (the page's own requests first).
async function warm() {
  const cache = await caches.open(RUNTIME);
  await Promise.all(BUILD.warm.map(async (path) => {
    const url = new URL(path, self.location.href);
    if (await cache.match(url)) return;
    const response = await fetch(url, { priority: "low" });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    await cache.put(url, response);
  }));
}

// The runtime folders an earlier build used (named after their content) are not this one's.
async function dropOtherRuntimes() {
  const cache = await caches.open(RUNTIME);
  const stale = (await cache.keys()).filter((request) => !isRuntime(new URL(request.url)));
  await Promise.all(stale.map((request) => cache.delete(request)));
}

// A new build whose runtime changed, for a reader who kept the last one (the runtime's cache
// holds files): its runtime is fetched before it can take over, so what worked offline still
// does. Never on a connection that saves data or may be metered.
async function keepWarm() {
  const kept = (await (await caches.open(RUNTIME)).keys()).length > 0;
  const connection = self.navigator.connection;
  const metered = connection && (connection.saveData || connection.type === "cellular"
    || ["slow-2g", "2g"].includes(connection.effectiveType));
  if (kept && !metered) await warm();
}
