// A rider's route as text: the encoded polyline the API takes (Google's algorithm, precision 5,
// WGS-84) is also what the page keeps in its URL and shares, so a link and an API call carry
// the very same vertices. Pasted text may also be a coordinate list or a shared link.

const PRECISION = 1e5;

/** Rounds to the polyline's precision (about a metre), the form every route is kept in. */
export function roundPoint(p) {
  return { lat: Math.round(p.lat * PRECISION) / PRECISION, lng: Math.round(p.lng * PRECISION) / PRECISION };
}

function encodeNumber(value) {
  let v = value < 0 ? ~(value << 1) : value << 1;
  let out = '';
  while (v >= 0x20) {
    out += String.fromCharCode((0x20 | (v & 0x1f)) + 63);
    v >>>= 5;
  }
  return out + String.fromCharCode(v + 63);
}

/** [{lat, lng}] → encoded polyline. */
export function encodePolyline(points) {
  let lat = 0;
  let lng = 0;
  let out = '';
  for (const p of points) {
    const la = Math.round(p.lat * PRECISION);
    const ln = Math.round(p.lng * PRECISION);
    out += encodeNumber(la - lat) + encodeNumber(ln - lng);
    lat = la;
    lng = ln;
  }
  return out;
}

/** Encoded polyline → [{lat, lng}], or null when the text is not one. */
export function decodePolyline(text) {
  if (typeof text !== 'string' || !/^[\x3f-\x7e]+$/.test(text)) return null;
  const values = [];
  let shift = 0;
  let result = 0;
  for (let i = 0; i < text.length; i++) {
    const b = text.charCodeAt(i) - 63;
    result |= (b & 0x1f) << shift;
    shift += 5;
    if (b < 0x20) {
      values.push(result & 1 ? ~(result >>> 1) : result >>> 1);
      shift = 0;
      result = 0;
    } else if (shift > 30) {
      return null;
    }
  }
  if (shift !== 0 || values.length % 2 !== 0) return null;
  const points = [];
  let lat = 0;
  let lng = 0;
  for (let i = 0; i < values.length; i += 2) {
    lat += values[i];
    lng += values[i + 1];
    points.push({ lat: lat / PRECISION, lng: lng / PRECISION });
  }
  return points.every((p) => Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180) ? points : null;
}

/**
 * "lng,lat;lng,lat…" (the order of GeoJSON and of Chinese map apps), separated by semicolons,
 * spaces or new lines → [{lat, lng}], or null.
 */
function decodeCoordinateList(text) {
  const pairs = text.split(/[;\s|]+/).filter(Boolean);
  if (pairs.length < 2) return null;
  const points = [];
  for (const pair of pairs) {
    const parts = pair.split(',');
    if (parts.length !== 2) return null;
    const [lng, lat] = parts.map(Number);
    if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
    points.push({ lat, lng });
  }
  return points;
}

/** The route part of a link's hash (…#route=…&buffer=…), or null. */
function fromLink(text) {
  const at = text.indexOf('#');
  if (at < 0) return null;
  const hash = new URLSearchParams(text.slice(at + 1));
  const route = hash.get('route');
  if (!route) return null;
  const buffer = Number(hash.get('buffer'));
  return { points: decodePolyline(route), buffer: Number.isFinite(buffer) && buffer > 0 ? buffer : null };
}

/**
 * What a rider pasted: a shared link, an encoded polyline or a coordinate list (WGS-84). Returns
 * {points, buffer} (buffer null unless a link carried one), or null when it is none of these.
 */
export function parseRoute(text) {
  const trimmed = String(text ?? '').trim();
  if (!trimmed) return null;
  const link = fromLink(trimmed);
  if (link) return link.points && link.points.length >= 2 ? link : null;
  const points = /[,\s]/.test(trimmed) ? decodeCoordinateList(trimmed) : decodePolyline(trimmed);
  return points && points.length >= 2 ? { points: points.map(roundPoint), buffer: null } : null;
}
