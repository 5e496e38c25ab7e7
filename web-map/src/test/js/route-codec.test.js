import { test } from 'node:test';
import assert from 'node:assert/strict';
import './support.js';
import { encodePolyline, decodePolyline, parseRoute, roundPoint } from '../../main/resources/META-INF/resources/js/route-codec.js';

test("encodes Google's documented example and decodes it back", () => {
  // https://developers.google.com/maps/documentation/utilities/polylinealgorithm
  const points = [{ lat: 38.5, lng: -120.2 }, { lat: 40.7, lng: -120.95 }, { lat: 43.252, lng: -126.453 }];
  assert.equal(encodePolyline(points), '_p~iF~ps|U_ulLnnqC_mqNvxq`@');
  assert.deepEqual(decodePolyline('_p~iF~ps|U_ulLnnqC_mqNvxq`@'), points);
});

test('round trip of seeded points at the precision kept (1e-5 degrees)', () => {
  let seed = 20261126;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const points = Array.from({ length: 200 }, () => roundPoint({ lat: 18 + next() * 35, lng: 73 + next() * 62 }));
  assert.deepEqual(decodePolyline(encodePolyline(points)), points);
});

test('not a polyline: other characters, a cut-off value, an odd count of numbers', () => {
  assert.equal(decodePolyline('abc def'), null);
  assert.equal(decodePolyline('_p~iF~ps|U_'), null);
  assert.equal(decodePolyline('_p~iF'), null);
  assert.equal(decodePolyline(''), null);
});

test('pasted: a shared link, with its corridor width', () => {
  const line = encodePolyline([{ lat: 43.93, lng: 116.07 }, { lat: 43.94, lng: 116.08 }]);
  const link = `https://yizhan.example/#${new URLSearchParams({ route: line, buffer: '500' })}`;
  assert.deepEqual(parseRoute(link), { points: [{ lat: 43.93, lng: 116.07 }, { lat: 43.94, lng: 116.08 }], buffer: 500 });
  assert.equal(parseRoute('https://yizhan.example/#code=150302-00001-9'), null);
});

test('pasted: a bare polyline, or lng,lat pairs split by semicolons, spaces or lines', () => {
  const line = encodePolyline([{ lat: 43.93, lng: 116.07 }, { lat: 43.94, lng: 116.08 }]);
  assert.deepEqual(parseRoute(` ${line} `).points, [{ lat: 43.93, lng: 116.07 }, { lat: 43.94, lng: 116.08 }]);
  assert.deepEqual(parseRoute('116.07,43.93;116.08,43.94').points, [{ lat: 43.93, lng: 116.07 }, { lat: 43.94, lng: 116.08 }]);
  assert.deepEqual(parseRoute('116.07,43.93\n116.08,43.94 116.09,43.95').points.length, 3);
});

test('pasted: nonsense, one point, or coordinates out of range are no route', () => {
  assert.equal(parseRoute('hello, world'), null);
  assert.equal(parseRoute('116.07,43.93'), null);
  assert.equal(parseRoute('116.07,93.93;116.08,43.94'), null);
  assert.equal(parseRoute(''), null);
});
