import { decodePolyline } from './route-codec.js';

// What survives a reload lives in the URL: filters, language, tile source and the way distances
// are measured (by=walk|ride|straight) in the query string; the open station (#code=...) and a
// route being searched along (#route=<encoded polyline, WGS-84>&buffer=metres) in the hash,
// which never reaches the server's logs. /s/{code} is the plaque's QR link.
const num = (value) => {
  if (value == null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

export function readUrl(loc = window.location) {
  const query = new URLSearchParams(loc.search);
  const hash = new URLSearchParams(loc.hash.replace(/^#/, ''));
  const path = loc.pathname.replace(/\/+$/, '') || '/';
  const shared = path.match(/^\/s\/([^/]+)$/);
  return {
    embed: path === '/embed',
    amenities: (query.get('amenities') || '').split(',').map((s) => s.trim()).filter(Boolean),
    openNow: query.get('openNow') === 'true',
    alwaysOpen: query.get('alwaysOpen') === 'true',
    lang: (query.get('lang') || '').toLowerCase().startsWith('en') ? 'en' : 'zh',
    tiles: query.get('tiles'),
    lat: num(query.get('lat')),
    lng: num(query.get('lng')),
    zoom: num(query.get('zoom')),
    code: hash.get('code') || (shared ? decodeURIComponent(shared[1]) : null),
    by: ['walk', 'ride', 'straight'].includes(query.get('by')) ? query.get('by') : null,
    route: decodePolyline(hash.get('route') || ''),
    // A link whose route= is cut short or mangled: the page says so instead of ignoring it.
    routeUnreadable: hash.has('route') && decodePolyline(hash.get('route')) === null,
    buffer: num(hash.get('buffer')),
    sharedPath: Boolean(shared),
  };
}

/** Rewrites the URL for the given state without adding history entries. */
export function writeUrl(state, loc = window.location) {
  const query = new URLSearchParams(loc.search);
  const set = (key, value) => (value ? query.set(key, value) : query.delete(key));
  set('amenities', state.amenities.join(','));
  set('openNow', state.openNow ? 'true' : null);
  set('alwaysOpen', state.alwaysOpen ? 'true' : null);
  set('lang', state.lang === 'en' ? 'en' : null);
  set('by', state.by);
  let path = loc.pathname;
  // Once another station (or none) is shown, the /s/{code} path would be misleading.
  if (/^\/s\//.test(path) && readUrl(loc).code !== state.code) path = '/';
  const search = query.toString().replace(/%2C/g, ',');
  const fragment = new URLSearchParams();
  if (state.route) fragment.set('route', state.route);
  if (state.route && state.buffer) fragment.set('buffer', String(state.buffer));
  if (state.code && !/^\/s\//.test(path)) fragment.set('code', state.code);
  const hash = fragment.toString() ? `#${fragment}` : '';
  const url = `${path}${search ? `?${search}` : ''}${hash}`;
  if (url !== `${loc.pathname}${loc.search}${loc.hash}`) history.replaceState(null, '', url);
}

export function shareUrl(code, loc = window.location) {
  return `${loc.origin}/s/${encodeURIComponent(code)}`;
}

/** A link that opens the map along `polyline` (WGS-84) with the given corridor half-width. */
export function routeShareUrl(polyline, buffer, loc = window.location) {
  const fragment = new URLSearchParams({ route: polyline });
  if (buffer) fragment.set('buffer', String(buffer));
  return `${loc.origin}/#${fragment}`;
}
