// What survives a reload lives in the URL: filters, language and tile source in the query
// string, the open station in the hash (#code=...). /s/{code} is the plaque's QR link.
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
  let path = loc.pathname;
  // Once another station (or none) is shown, the /s/{code} path would be misleading.
  if (/^\/s\//.test(path) && readUrl(loc).code !== state.code) path = '/';
  const search = query.toString().replace(/%2C/g, ',');
  const hash = state.code && !/^\/s\//.test(path) ? `#code=${encodeURIComponent(state.code)}` : '';
  const url = `${path}${search ? `?${search}` : ''}${hash}`;
  if (url !== `${loc.pathname}${loc.search}${loc.hash}`) history.replaceState(null, '', url);
}

export function shareUrl(code, loc = window.location) {
  return `${loc.origin}/s/${encodeURIComponent(code)}`;
}
