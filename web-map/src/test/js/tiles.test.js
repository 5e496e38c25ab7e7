import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stubFetch, json } from './support.js';
import { pickTiles, chooseTiles, mapCrsOf } from '../../main/resources/META-INF/resources/js/tiles.js';

const CONFIG = {
  defaultTiles: 'amap',
  tiles: [{ id: 'osm', url: 'https://osm/{z}/{x}/{y}.png', crs: 'wgs84' }, { id: 'amap', url: 'https://amap/{z}/{x}/{y}', crs: 'gcj02' }],
};

test('the requested tiles, else the configured default, else the first', () => {
  assert.equal(pickTiles(CONFIG, 'osm').id, 'osm');
  assert.equal(pickTiles(CONFIG, 'nonesuch').id, 'amap');
  assert.equal(pickTiles({ ...CONFIG, defaultTiles: 'gone' }, null).id, 'osm');
});

test('the configuration comes from the API', async () => {
  const requests = stubFetch(() => json(200, CONFIG));
  const tiles = await chooseTiles(null);
  assert.equal(requests[0].url, '/api/v1/map-config');
  assert.equal(tiles.id, 'amap');
  assert.equal(mapCrsOf(tiles), 'gcj02');
});

test('without the configuration: OpenStreetMap in WGS-84, and the caller hears why', async () => {
  stubFetch(() => json(503, { title: 'Temporarily unavailable' }));
  const heard = [];
  const tiles = await chooseTiles('amap', (e) => heard.push(e.status));
  assert.match(tiles.url, /tile\.openstreetmap\.org/);
  assert.equal(mapCrsOf(tiles), 'wgs84');
  assert.deepEqual(heard, [503]);
});
