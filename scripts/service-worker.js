// The app's service worker, for use with no network. scripts/finish-dist.mjs writes it into dist/
// as sw.js, with VERSION (a hash of every file of the build) and FILES (every file of the build,
// hashed names included) filled in.
//
// - install: caches every file of this build; the new worker then waits, so a page never mixes
//   files of two builds.
// - the page says a new version is available and, on request, posts "skip-waiting": this worker
//   takes over and the page reloads (drafts are in IndexedDB, untouched by either).
// - activate: deletes the caches of older builds, and takes control of open pages.
// - fetch: files of this build come from the cache, anything else of this origin from the network;
//   other origins are never touched (the app makes no such request).
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = `vcsp-intake-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key.startsWith("vcsp-intake-") && key !== CACHE).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      if (request.mode === "navigate") {
        const page = await cache.match("./index.html");
        if (page) return page;
      }
      return fetch(request);
    }),
  );
});
