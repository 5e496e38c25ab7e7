// WGS-84 -> GCJ-02, the published forward formula, ported from geo-data
// org/yizhan/geo/crs/ChinaCoordinates.java (keep in sync; CoordinatesIT compares both).
// Only the user's GPS fix needs it; station coordinates come from the API in the map's system.
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
