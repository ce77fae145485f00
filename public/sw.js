// 云益享 service worker. The server fills in VERSION (a hash of this build's files) and PRECACHE
// (the app shell: offline page, bundle, styles, icons) when it serves /sw.js, so every build
// installs afresh and removes the caches of the one before.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const SHELL = `shell-${VERSION}`;
const PAGES = `pages-${VERSION}`;
const OFFLINE = '/offline.html';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(SHELL).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== PAGES).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Privacy rule P7: anything personal is sent `no-store` or `private` and never kept here.
function storable(response) {
  if (!response || response.status !== 200 || response.type !== 'basic') return false;
  const control = (response.headers.get('Cache-Control') || '').toLowerCase();
  return !control.includes('no-store') && !control.includes('private');
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) return;

  if (request.mode === 'navigate') {
    // Pages: the network first (fresh data), the last copy or the offline page when it fails.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (storable(response)) {
            const copy = response.clone();
            caches.open(PAGES).then((cache) => cache.put(request, copy));
          }
          return response;
        })
        .catch(() =>
          caches.match(request, { cacheName: PAGES }).then((hit) => hit || caches.match(OFFLINE)),
        ),
    );
    return;
  }

  if (PRECACHE.includes(url.pathname)) {
    // The shell's files change name-for-name with VERSION: the cached copy is the right one.
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
  }
});
