// The rider map's service worker (scope /). It keeps the app shell and the last answers the map
// needed, so that in a basement or a lift the page still opens and shows the stations it last
// saw. The API is always asked first: a cached answer is used only when the network fails, and
// it carries X-Yizhan-Fetched-At so the page can say how old it is and never pass it off as live.
// VERSION is stamped by the build (web-map/pom.xml): a deploy brings new caches and drops the old.
const VERSION = '@yizhan.sw.version@';
const SHELL = `yizhan-shell-${VERSION}`;
const DATA = `yizhan-data-${VERSION}`;
const FETCHED_AT = 'X-Yizhan-Fetched-At';
// The nearest answer is kept under one key whatever the query: offline, the rider has moved and
// no URL would match, yet the last nearby stations are exactly what they need.
const LAST_NEAREST = '/api/v1/stations/nearest';
// Station cards (three coordinate systems each) of about the last twenty stations opened.
const MAX_DATA_ENTRIES = 80;

// Everything the map page loads on start. A missing file fails the install, so this list names
// only files this module ships; OPTIONAL holds the ones served from elsewhere.
const SHELL_FILES = [
  '/index.html', '/css/map.css', '/css/icons.css', '/icons.svg',
  '/js/app.js', '/js/api.js', '/js/dom.js', '/js/i18n.js', '/js/state.js', '/js/crs.js', '/js/tiles.js',
  '/js/stations-layer.js', '/js/filters.js', '/js/list.js', '/js/detail.js', '/js/feedback.js', '/js/format.js',
  '/js/navigate.js', '/js/device.js', '/js/icons.js', '/js/offline.js', '/js/photos.js', '/js/alerts.js', '/js/problem.js',
  '/js/along-route.js', '/js/route.js', '/js/route-codec.js',
  '/webjars/leaflet/dist/leaflet.css', '/webjars/leaflet/dist/leaflet.js',
  '/vendor/leaflet.markercluster/MarkerCluster.css', '/vendor/leaflet.markercluster/MarkerCluster.Default.css',
  '/vendor/leaflet.markercluster/leaflet.markercluster.js',
];
const OPTIONAL = [
  '/manifest.webmanifest', '/favicon.ico', '/icons/icon.svg', '/icons/icon-192.png', '/icons/icon-512.png',
  '/icons/icon-maskable-512.png', '/icons/apple-touch-icon.png',
  '/webjars/leaflet/dist/images/layers.png', '/webjars/leaflet/dist/images/layers-2x.png',
];
// Paths that show the map page (MapController forwards them to index.html).
const MAP_PAGE = /^\/(map|embed|s\/[^/]+|index\.html)?\/?$/;
// Files that belong to a deploy; anything else (health, API docs, downloads) is left to the network.
const STATIC = /^\/(js|css|vendor|webjars|icons)\/|^\/icons\.svg$|^\/manifest\.webmanifest$|^\/favicon\.ico$/;
// API answers worth keeping: the last nearest list, station cards and their photo lists, and what the page needs to start.
const KEPT_API = /^\/api\/v1\/(stations\/nearest|stations\/(?!duplicates$|clusters$)[^/]+(\/photos)?|amenities|map-config)$/;

self.addEventListener('install', (event) => {
  // A new deploy takes over at once; never awaited: Chromium settles it only after activation.
  self.skipWaiting();
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL);
    await cache.addAll(SHELL_FILES);
    for (const url of OPTIONAL) await addIfPresent(cache, url);
  })());
});

/**
 * One at a time, and the body of a failure read to its end: cache.add() leaves a refused
 * response's connection busy, and a handful of those stalled the install.
 */
async function addIfPresent(cache, url) {
  try {
    const response = await fetch(url);
    if (response.ok) await cache.put(url, response);
    else await response.arrayBuffer();
  } catch (e) {
    // Not deployed here: the page works without it.
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const keep = new Set([SHELL, DATA]);
    for (const name of await caches.keys()) if (!keep.has(name)) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Tiles and other sites' files are theirs to cache; writes and sign-in are never touched.
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (MAP_PAGE.test(url.pathname)) event.respondWith(page(request));
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    if (KEPT_API.test(url.pathname)) event.respondWith(apiFirst(request, url));
    return;
  }
  if (STATIC.test(url.pathname)) event.respondWith(shellFile(request));
});

/** The page from the network when there is one, else the shell's copy (any map path shows the same page). */
async function page(request) {
  try {
    return await fetch(request);
  } catch (e) {
    const cached = await caches.match('/index.html', { cacheName: SHELL });
    if (cached) return cached;
    throw e;
  }
}

/** Shell files come from this version's cache, so the page never mixes files of two deploys. */
async function shellFile(request) {
  const cached = await caches.match(request, { cacheName: SHELL, ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    const copy = response.clone();
    caches.open(SHELL).then((cache) => cache.put(request, copy));
  }
  return response;
}

/**
 * Network first, so HTTP caching and freshness stay the server's business; the answer is kept
 * (stamped with when it was fetched) for the day the network is gone.
 */
async function apiFirst(request, url) {
  const key = url.pathname === LAST_NEAREST ? LAST_NEAREST : request.url;
  let response;
  try {
    response = await fetch(request);
  } catch (e) {
    const cached = await caches.match(key, { cacheName: DATA });
    if (cached) return cached;
    throw e;
  }
  // Answers meant for one signed-in person stay out of a cache that outlives the session.
  if (response.ok && !/\bprivate\b/i.test(response.headers.get('Cache-Control') || '')) {
    const copy = response.clone();
    const body = await copy.blob();
    const headers = new Headers(copy.headers);
    headers.set(FETCHED_AT, String(Date.now()));
    const cache = await caches.open(DATA);
    await cache.put(key, new Response(body, { status: copy.status, statusText: copy.statusText, headers }));
    await trim(cache);
  }
  return response;
}

async function trim(cache) {
  // Cache keys come back in insertion order: the oldest go first, but never the last nearest list.
  const keys = (await cache.keys()).filter((k) => new URL(k.url).pathname !== LAST_NEAREST);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_DATA_ENTRIES))) await cache.delete(old);
}
