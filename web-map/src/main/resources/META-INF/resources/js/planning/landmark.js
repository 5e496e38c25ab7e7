import { t } from '../i18n.js';
import { distance } from '../format.js';

const POINTS = ['n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw'];
const RAD = Math.PI / 180;

/** Initial great-circle bearing from `from` to `to` ({lat, lng} in degrees), 0..360 clockwise from north. */
export function bearing(from, to) {
  const φ1 = from.lat * RAD;
  const φ2 = to.lat * RAD;
  const Δλ = (to.lng - from.lng) * RAD;
  const y = Math.sin(Δλ) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ);
  return (Math.atan2(y, x) / RAD + 360) % 360;
}

/** One of eight compass points ('n', 'ne', …) for a bearing in degrees. */
export function compassPoint(degrees) {
  return POINTS[Math.round((((degrees % 360) + 360) % 360) / 45) % 8];
}

/**
 * Where a suggested site lies, in staff words, without a geocoder: from the nearest existing
 * station a planner knows by name ("「东胜区青年路驿站」以东北 1.2 公里"). `station` is a suggested
 * site's `nearestStation` ({name, location, distanceMeters}).
 */
export function landmarkText(site, station) {
  return t('suggest.near', {
    station: station.name,
    direction: t(`compass.${compassPoint(bearing(station.location, site))}`),
    distance: distance(station.distanceMeters),
  });
}
