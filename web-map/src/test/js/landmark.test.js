import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bearing, compassPoint } from '../../main/resources/META-INF/resources/js/planning/landmark.js';

test('initial bearing matches a published reference (Land\'s End to John o\' Groats, 009°07′11″)', () => {
  // Movable Type Scripts, "Calculate distance, bearing and more between Latitude/Longitude points".
  const b = bearing({ lat: 50.0664, lng: -5.7147 }, { lat: 58.6439, lng: -3.07 });
  assert.ok(Math.abs(b - (9 + 7 / 60 + 11 / 3600)) < 0.01, `bearing ${b}`);
});

test('bearings along the axes and across the antimeridian', () => {
  assert.ok(Math.abs(bearing({ lat: 0, lng: 0 }, { lat: 1, lng: 0 }) - 0) < 1e-9);
  assert.ok(Math.abs(bearing({ lat: 0, lng: 0 }, { lat: 0, lng: 1 }) - 90) < 1e-9);
  assert.ok(Math.abs(bearing({ lat: 0, lng: 0 }, { lat: -1, lng: 0 }) - 180) < 1e-9);
  assert.ok(Math.abs(bearing({ lat: 0, lng: 0 }, { lat: 0, lng: -1 }) - 270) < 1e-9);
  assert.ok(Math.abs(bearing({ lat: 0, lng: 179.5 }, { lat: 0, lng: -179.5 }) - 90) < 1e-9);
});

test('eight compass points, each 45° wide, centred on its direction', () => {
  const cases = [[0, 'n'], [22.4, 'n'], [22.6, 'ne'], [45, 'ne'], [90, 'e'], [135, 'se'], [180, 's'], [225, 'sw'], [270, 'w'], [315, 'nw'], [337.6, 'n'], [359.9, 'n'], [-10, 'n'], [360, 'n']];
  for (const [deg, point] of cases) assert.equal(compassPoint(deg), point, `${deg}°`);
});
