import { t, language } from './i18n.js';

// Speeds behind the time estimates: walking ~5 km/h, an e-bike in town ~15 km/h.
const WALK_M_PER_MIN = 5000 / 60;
const RIDE_M_PER_MIN = 15000 / 60;
// Opening hours are local to the stations, all in China.
const STATION_ZONE = 'Asia/Shanghai';

/** The class that colours an opening state. */
export function openingClass(opening) {
  if (opening.open == null) return 'is-unknown';
  return opening.open ? 'is-open' : 'is-closed';
}

export function distance(meters) {
  if (meters < 1000) return t('distance.m', { n: Math.max(1, Math.round(meters / 10) * 10) });
  const km = meters / 1000;
  return t('distance.km', { n: km < 10 ? km.toFixed(1) : Math.round(km) });
}

export function duration(minutes) {
  const total = Math.max(1, Math.round(minutes));
  if (total < 60) return t('time.min', { n: total });
  const h = Math.floor(total / 60);
  const m = total % 60;
  return m === 0 ? t('time.h', { h }) : t('time.hmin', { h, m });
}

export function travelTimes(meters) {
  return {
    walk: t('time.walk', { t: duration(meters / WALK_M_PER_MIN) }),
    ride: t('time.ride', { t: duration(meters / RIDE_M_PER_MIN) }),
  };
}

const STATION_DAY = new Intl.DateTimeFormat('en', { timeZone: STATION_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * YYYY-MM-DD of the station's day. Built from the parts: a locale's own pattern (en-CA's was
 * YYYY-MM-DD) differs between ICU versions, so Debian's Node 18 and older phone browsers gave
 * another order and "today" was never recognised.
 */
function localDate(date) {
  const part = (type) => STATION_DAY.formatToParts(date).find((p) => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** "HH:MM" today, "tomorrow HH:MM", or a short date: nextChange is ISO with the station's offset. */
export function when(nextChange, now = new Date()) {
  const time = nextChange.slice(11, 16);
  const day = nextChange.slice(0, 10);
  const today = localDate(now);
  const tomorrow = localDate(new Date(now.getTime() + 86_400_000));
  if (day === today) return t('when.today', { time });
  if (day === tomorrow) return t('when.tomorrow', { time });
  const date = new Intl.DateTimeFormat(language() === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: STATION_ZONE, month: 'short', day: 'numeric', weekday: 'short',
  }).format(new Date(nextChange));
  return t('when.date', { date, time });
}

/** The station's English name when the page is in English and the register has one. */
export function stationName(station) {
  return language() === 'en' && station.nameEn ? station.nameEn : station.name;
}

/**
 * The one-line opening state: "open now / closes at HH:MM / opens at ..." from openNow and
 * nextChange. A saved answer whose nextChange has passed no longer says whether the station is
 * open (open: null): the page shows the hours instead of guessing.
 */
export function openingState(station, now = new Date()) {
  if (station.alwaysOpen && station.openNow) return { open: true, text: t('open.always') };
  if (station.nextChange && new Date(station.nextChange) <= now) {
    return { open: null, text: t('open.unknown', { hours: station.openingHours }) };
  }
  if (station.openNow) {
    return { open: true, text: station.nextChange ? t('open.closesAt', { when: when(station.nextChange, now) }) : t('open.now') };
  }
  return { open: false, text: station.nextChange ? t('open.opensAt', { when: when(station.nextChange, now) }) : t('open.closed') };
}

/**
 * How far a station is, labelled with how it was measured, as the list and the card say it.
 * kind: 'walk' | 'ride' (the API's routeMeters/routeSeconds on the road network), 'straight'
 * (distanceMeters, a straight line; times are estimates from it) or 'route' (alongMetres from
 * the route's start; offRouteMetres from the route, or by road the detour there and back). Network figures are never claimed for a
 * station without them (an offline copy re-measured in a straight line).
 */
export function measured(station, kind) {
  if (kind === 'route') {
    const label = t('route.along', { d: distance(station.alongMetres) });
    // By road: the detour there and back from the route, and its time; else how far off the route.
    if ((station.detourBy === 'walk' || station.detourBy === 'ride') && station.detourSeconds != null) {
      return { label, detail: t('route.detour', { d: distance(station.detourMetres), t: duration(station.detourSeconds / 60) }) };
    }
    return { label, detail: t('route.off', { d: distance(station.offRouteMetres) }) };
  }
  if ((kind === 'walk' || kind === 'ride') && station.routeMeters != null && station.routeSeconds != null) {
    return {
      label: `${t(`distance.${kind}`)} ${distance(station.routeMeters)}`,
      detail: t('travel.minutes', { t: duration(station.routeSeconds / 60) }),
    };
  }
  const times = travelTimes(station.distanceMeters);
  return { label: `${t('distance.straight')} ${distance(station.distanceMeters)}`, detail: `${times.walk} · ${times.ride}` };
}
