import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stubFetch, json } from '../support.js';
import { fetchAll, fetchRegions, regionBox, viewportBox } from '../../../main/resources/META-INF/resources/js/workspace/register-data.js';
import { matches } from '../../../main/resources/META-INF/resources/js/workspace/register-table.js';

const feature = (id, adcode) => ({ id, properties: { code: id, adcode } });

// A register paged `per` to a page, with next links as the API writes them.
function pagedRegister(all, per) {
  return stubFetch((url) => {
    const offset = Number(new URL(url, 'http://x').searchParams.get('offset') || 0);
    const features = all.slice(offset, offset + per);
    const links = offset + per < all.length ? [{ rel: 'next', href: `/api/v1/stations?offset=${offset + per}` }] : [];
    return json(200, { features, links });
  });
}

test('all pages are followed, and the first asks for every status in the map\'s system', async () => {
  const all = Array.from({ length: 7 }, (_, i) => feature(`s${i}`, '150302'));
  const requests = pagedRegister(all, 3);
  const answer = await fetchAll([106, 39, 107, 40], { crs: 'gcj02', lang: 'en' });
  assert.deepEqual(answer.features.map((f) => f.id), all.map((f) => f.id));
  assert.equal(answer.partial, false);
  assert.equal(requests.length, 3);
  const first = new URL(requests[0].url, 'http://x').searchParams;
  assert.deepEqual([first.get('bbox'), first.get('status'), first.get('crs'), first.get('lang')], ['106,39,107,40', 'active,suspended,closed', 'gcj02', 'en']);
});

test('after twenty pages the answer is partial', async () => {
  const all = Array.from({ length: 25 }, (_, i) => feature(`s${i}`, '150302'));
  const requests = pagedRegister(all, 1);
  const answer = await fetchAll([0, 0, 1, 1], {});
  assert.equal(requests.length, 20);
  assert.equal(answer.features.length, 20);
  assert.equal(answer.partial, true);
});

test('regions keep their own stations, each once, though their boxes overlap', async () => {
  const all = [feature('a', '150302'), feature('b', '150303'), feature('c', '150402')];
  stubFetch(() => json(200, { features: all, links: [] }));
  const regions = [{ prefix: '1503', extent: [106, 39, 107, 40] }, { prefix: '150302', extent: [106, 39, 106.5, 39.5] }, { prefix: '1504', extent: null }];
  const answer = await fetchRegions(regions, {});
  assert.deepEqual(answer.features.map((f) => f.id), ['a', 'b']);
});

test('query boxes: a region padded, a view clamped to the world', () => {
  assert.deepEqual(regionBox([106.1, 39.2, 107.3, 40.4]), [106.08, 39.18, 107.32, 40.42]);
  assert.deepEqual(viewportBox(-200.1234567, -95, 190, 91), [-180, -90, 180, 90]);
  assert.deepEqual(viewportBox(106.12345678, 39.1, 106.2, 39.2), [106.123457, 39.1, 106.2, 39.2]);
});

test('the table filter: status, then text in code, names, address or division, case-insensitive', () => {
  const p = { status: 'active', code: '150302-00001-9', name: '乌海驿站', nameEn: 'Wuhai Rest Stop', address: '海勃湾区', division: '海勃湾区' };
  assert.ok(matches(p, '', ''));
  assert.ok(matches(p, 'active', 'rest stop'));
  assert.ok(matches(p, '', '00001'));
  assert.ok(!matches(p, 'closed', ''));
  assert.ok(!matches(p, '', 'baotou'));
  assert.ok(matches({ ...p, nameEn: null }, '', '乌海'));
});
