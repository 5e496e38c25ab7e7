// What the map shows from the service worker's copy of the last nearby stations: distances from
// the rider's current position, the filters applied here, and the time the copy was fetched.
import { t } from './i18n.js';
import { openingState } from './format.js';

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg) => (deg * Math.PI) / 180;

/**
 * Great-circle distance. The API's figures are on the ellipsoid; a sphere is within 0.6% of them,
 * which is below the rounding the list shows ("150 m", "1.2 km"). Both points are in the map's
 * coordinate system; GCJ-02's shift is near-constant over a few kilometres, so distances hold.
 */
export function metresBetween(a, b) {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** "HH:MM" on the phone's clock, as the rider reads time. */
export function clockTime(date) {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
}

/** The line that says the list is a saved copy and how old it is. */
export function asOfText(date) {
  return t('offline.asOf', { time: clockTime(date) });
}

/**
 * The cached stations as the filters and the current position would have them: the copy was
 * fetched for another position and maybe other filters. "Open now" keeps only stations whose
 * saved state still holds (open around the clock, or open until a change that has not come yet).
 */
export function fromCache(stations, origin, { amenities = [], openNow = false, alwaysOpen = false }, now = new Date()) {
  return stations
    .filter((s) => amenities.every((key) => s.amenities.includes(key)))
    .filter((s) => !alwaysOpen || s.alwaysOpen)
    .filter((s) => !openNow || openingState(s, now).open === true)
    // A saved walking answer re-measured from here is a straight line: its route figures go.
    .map(({ routeMeters, routeSeconds, ...s }) => ({ ...s, distanceMeters: metresBetween(origin, s.location) }))
    .sort((a, b) => a.distanceMeters - b.distanceMeters);
}
