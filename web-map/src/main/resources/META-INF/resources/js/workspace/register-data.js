import { api } from '../api.js';

const STATUSES = 'active,suspended,closed';
const PAGE = 5000;
const MAX_PAGES = 20;
const PAD_DEG = 0.02; // covers the GCJ-02 shift when the map is on Amap tiles

/**
 * Every station of every status in `bbox`, following the API's next links for up to MAX_PAGES
 * pages. Returns {features, partial}: partial when there were more pages still.
 */
export async function fetchAll(bbox, { crs, lang }, signal) {
  let page = await api.inBox({ bbox, limit: PAGE, status: STATUSES, crs, lang }, signal);
  const out = [...page.features];
  for (let i = 1; i < MAX_PAGES; i++) {
    const next = (page.links || []).find((l) => l.rel === 'next');
    if (!next) return { features: out, partial: false };
    page = await api.follow(next.href, signal);
    out.push(...page.features);
  }
  return { features: out, partial: (page.links || []).some((l) => l.rel === 'next') };
}

/** A region's extent [w, s, e, n], padded and rounded for the query. */
export function regionBox([w, s, e, n]) {
  return [w - PAD_DEG, s - PAD_DEG, e + PAD_DEG, n + PAD_DEG].map((v) => Number(v.toFixed(6)));
}

/** The map's view as a query box: longitudes within ±180, latitudes within ±90. */
export function viewportBox(west, south, east, north) {
  const bbox = [west, south, east, north].map((v) => Number(Math.max(-180, Math.min(180, v)).toFixed(6)));
  bbox[1] = Math.max(-90, Math.min(90, bbox[1]));
  bbox[3] = Math.max(-90, Math.min(90, bbox[3]));
  return bbox;
}

/**
 * The stations of the account's regions: each region's box, keeping the stations whose
 * division lies in the region (a box also covers its neighbours), each station once.
 */
export async function fetchRegions(regions, options, signal) {
  const loaded = [];
  let partial = false;
  for (const region of regions.filter((r) => r.extent)) {
    const answer = await fetchAll(regionBox(region.extent), options, signal);
    loaded.push(...answer.features.filter((f) => f.properties.adcode.startsWith(region.prefix)));
    partial ||= answer.partial;
  }
  const seen = new Set();
  return { features: loaded.filter((f) => !seen.has(f.id) && seen.add(f.id)), partial };
}
