import { api, apiUrl, divisionAt } from '../api.js';

// The register's read-only staff endpoints. GETs go through api.follow (a same-origin GET with
// the API's error handling), so this file adds calls without touching api.js.
const get = (path, params, signal) => api.follow(apiUrl(path, params), signal);

// Divisions never change while the page is open: each is asked for once.
const regionCache = new Map();

export const staffApi = {
  /** One page of the register search: {total, page, size, items}. */
  search: (filter, signal) => get('/api/v1/register/search', filter, signal),
  divisionAt,
  /** Opening hours as they would be stored: {osm, alwaysOpen, notes}. */
  openingHours: (text, signal) => get('/api/v1/opening-hours', { text }, signal),
  /** What a plaque print would hold: {count, union, code, name, address, qrUrl}. */
  plaquePreview: ({ region, codes, union }, signal) => get('/api/v1/plaques/preview', { region, codes, union }, signal),
  provinces: () => cached('', () => get('/api/v1/regions')),
  region: (prefix) => cached(prefix, () => get(`/api/v1/regions/${encodeURIComponent(prefix)}`)),
};

function cached(key, load) {
  if (!regionCache.has(key)) regionCache.set(key, load().catch((e) => {
    regionCache.delete(key);
    throw e;
  }));
  return regionCache.get(key);
}

/** The export of what a search lists: the same filters, without paging and sorting. */
export function exportUrl(format, { q, district, status, amenities, needsChecking }) {
  return apiUrl('/api/v1/register/export', { format, q, district, status, amenities, needsChecking });
}

/** A division's code prefix: 15 for a province, 1503 for a city, 150302 for a county. */
export function prefixOf({ code, level }) {
  if (level === 'province') return code.slice(0, 2);
  if (level === 'city') return code.slice(0, 4);
  return code;
}
