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

const precache = new PrecacheController();
precache.addToCacheList(BUILD.precache);
self.addEventListener("install", precache.install);
self.addEventListener("activate", (event) => {
  precache.activate(event);
  event.waitUntil(dropOtherRuntimes());
});
cleanupOutdatedCaches(); // an older Workbox's precache format

const isRuntime = (url) => url.origin === self.location.origin
  && BUILD.runtime.some((folder) => url.pathname.startsWith(folder));
const router = new Router();
router.registerRoute(new PrecacheRoute(precache, { directoryIndex: "index.html", cleanURLs: false }));
router.registerRoute(new Route(({ url }) => isRuntime(url), new CacheFirst({ cacheName: BUILD.cache })));

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.mode === "navigate" && self.registration.waiting) {
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
// With another page open (it may be computing), this build serves it and the new one waits.
async function takeOverOrServe(event) {
  const pages = await self.clients.matchAll({ type: "window" });
  const waiting = self.registration.waiting;
  if (waiting && pages.length <= 1) {
    waiting.postMessage(SKIP_WAITING);
    return new Response("", { headers: { Refresh: "0", "Content-Type": "text/html; charset=utf-8" } });
  }
  return (await router.handleRequest({ event, request: event.request })) ?? fetch(event.request);
}

// The runtime's files into the cache, at low priority (the page's own requests first).
async function warm() {
  const cache = await caches.open(BUILD.cache);
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
  const cache = await caches.open(BUILD.cache);
  const stale = (await cache.keys()).filter((request) => !isRuntime(new URL(request.url)));
  await Promise.all(stale.map((request) => cache.delete(request)));
}
