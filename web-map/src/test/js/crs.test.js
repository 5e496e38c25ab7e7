import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convert, outsideMainland } from '../../main/resources/META-INF/resources/js/crs.js';
import { metresBetween } from '../../main/resources/META-INF/resources/js/offline.js';

// A grid over the mainland, from Xinjiang to Heilongjiang and Hainan.
const POINTS = [];
for (let lat = 19; lat <= 53; lat += 2.5) for (let lng = 76; lng <= 134; lng += 4.5) POINTS.push({ lat, lng });
const SYSTEMS = ['wgs84', 'gcj02', 'bd09'];

test('every conversion has its inverse: there and back within 1e-7 degrees (about 1 cm)', () => {
  for (const p of POINTS) {
    for (const from of SYSTEMS) {
      for (const to of SYSTEMS) {
        const back = convert(convert(p, from, to), to, from);
        assert.ok(Math.abs(back.lat - p.lat) < 1e-7 && Math.abs(back.lng - p.lng) < 1e-7, `${from}->${to} at ${p.lat},${p.lng}`);
      }
    }
  }
});

test('the published offsets are hundreds of metres in the mainland, and none outside it', () => {
  for (const p of POINTS) {
    const gcj = convert(p, 'wgs84', 'gcj02');
    const shift = metresBetween(p, gcj);
    assert.ok(shift > 1 && shift < 1000, `GCJ-02 shift ${shift} m at ${p.lat},${p.lng}`);
  }
  const tokyo = { lat: 35.68, lng: 139.77 };
  assert.ok(outsideMainland(tokyo.lat, tokyo.lng));
  assert.deepEqual(convert(tokyo, 'wgs84', 'gcj02'), tokyo);
});
