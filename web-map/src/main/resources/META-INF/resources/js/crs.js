// WGS-84 -> GCJ-02, the published forward formula, ported from geo-data
// org/yizhan/geo/crs/ChinaCoordinates.java (keep in sync; CoordinatesIT compares both).
// The map needs the forward step for the GPS fix; the workspace converts coordinates typed in
// any system to the map's system, so the inverses are here too.
const A = 6378245.0;
const EE = 0.00669342162296594323;

export function outsideMainland(lat, lng) {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x, y) {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
  ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
  ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
  return ret;
}

function transformLng(x, y) {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
  ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
  ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
  return ret;
}

export function wgs84ToGcj02(lat, lng) {
  if (outsideMainland(lat, lng)) return { lat, lng };
  const x = lng - 105.0;
  const y = lat - 35.0;
  const radLat = lat * (Math.PI / 180);
  const magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (transformLat(x, y) * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
  const dLng = (transformLng(x, y) * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
  return { lat: lat + dLat, lng: lng + dLng };
}

/** The user's position in the map's coordinate system ('wgs84' or 'gcj02'). */
export function fromGps(lat, lng, crs) {
  return crs === 'gcj02' ? wgs84ToGcj02(lat, lng) : { lat, lng };
}

const X_PI = (Math.PI * 3000.0) / 180.0;

export function gcj02ToBd09(lat, lng) {
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * X_PI);
  return { lat: z * Math.sin(theta) + 0.006, lng: z * Math.cos(theta) + 0.0065 };
}

// Both forward maps are the identity plus a small, slowly varying offset, so the fixed-point
// step converges in a few iterations (as ChinaCoordinates.invert does).
function invert(lat, lng, forward) {
  let x = lat;
  let y = lng;
  for (let i = 0; i < 30; i++) {
    const image = forward(x, y);
    const dLat = image.lat - lat;
    const dLng = image.lng - lng;
    if (Math.abs(dLat) < 1e-9 && Math.abs(dLng) < 1e-9) break;
    x -= dLat;
    y -= dLng;
  }
  return { lat: x, lng: y };
}

const TO_WGS84 = {
  wgs84: (lat, lng) => ({ lat, lng }),
  gcj02: (lat, lng) => invert(lat, lng, wgs84ToGcj02),
  bd09: (lat, lng) => {
    const gcj = invert(lat, lng, gcj02ToBd09);
    return invert(gcj.lat, gcj.lng, wgs84ToGcj02);
  },
};

const FROM_WGS84 = {
  wgs84: (lat, lng) => ({ lat, lng }),
  gcj02: wgs84ToGcj02,
  bd09: (lat, lng) => {
    const gcj = wgs84ToGcj02(lat, lng);
    return gcj02ToBd09(gcj.lat, gcj.lng);
  },
};

/** A point from one system ('wgs84', 'gcj02', 'bd09') to another. */
export function convert(point, from, to) {
  if (from === to) return { lat: point.lat, lng: point.lng };
  const wgs = TO_WGS84[from](point.lat, point.lng);
  return FROM_WGS84[to](wgs.lat, wgs.lng);
}
