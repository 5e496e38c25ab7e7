import { convert } from '../crs.js';

const round6 = (v) => Math.round(v * 1e6) / 1e6;

/** The typed latitude and longitude as a point, or null unless both are numbers in range. */
export function typedPoint(latText, lngText) {
  const lat = Number(latText);
  const lng = Number(lngText);
  if (latText.trim() === '' || lngText.trim() === '' || !Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return { lat, lng };
}

/**
 * A pasted coordinate pair as {lat, lng}, or null when the text is not two numbers. Amap and
 * Baidu copy "lng,lat": in China the longitude is the larger number, which tells the two apart.
 */
export function pastedPair(text) {
  // Trimmed first: a copied pair often ends in a newline, which would split off an empty "0".
  const parts = text.trim().split(/[,，\s]+/).map(Number).filter((n) => Number.isFinite(n));
  if (parts.length !== 2) return null;
  const [a, b] = parts;
  const [lat, lng] = Math.abs(a) > Math.abs(b) ? [b, a] : [a, b];
  return { lat, lng };
}

/**
 * Ties the form's lat/lng inputs and CRS select to the pin on the map. Coordinates are typed in
 * any system; the pin is in the map's. `onMoved` runs when the point changes.
 * Returns {setLocation(mapPoint), showPin()}.
 */
export function bindCoordinates({ inputs, crsSelect, mapCrs, pin, editable, setError, onMoved }) {
  let crs = crsSelect.value;
  const typed = () => typedPoint(inputs.lat.value, inputs.lng.value);

  function showPin() {
    const p = typed();
    if (p) pin.place(convert(p, crs, mapCrs), { draggable: editable });
  }

  function setLocation(mapPoint) {
    if (!editable) return;
    const p = convert(mapPoint, mapCrs, crs);
    inputs.lat.value = round6(p.lat);
    inputs.lng.value = round6(p.lng);
    setError('lat', null);
    setError('lng', null);
    pin.place(mapPoint, { draggable: true });
    onMoved();
  }

  function splitPair(e) {
    const pair = pastedPair((e.clipboardData || window.clipboardData)?.getData('text') || '');
    if (!pair) return;
    e.preventDefault();
    inputs.lat.value = pair.lat;
    inputs.lng.value = pair.lng;
    showPin();
    onMoved();
  }

  for (const name of ['lat', 'lng']) {
    inputs[name].addEventListener('paste', splitPair);
    inputs[name].addEventListener('change', () => {
      showPin();
      onMoved();
    });
  }
  // Another system keeps the point where it is: the typed numbers are converted.
  crsSelect.addEventListener('change', () => {
    const p = typed();
    const next = crsSelect.value;
    if (p) {
      const q = convert(p, crs, next);
      inputs.lat.value = round6(q.lat);
      inputs.lng.value = round6(q.lng);
    }
    crs = next;
  });
  return { setLocation, showPin };
}
