import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stubFetch, json } from '../support.js';
import { activeFilters, pageCount } from '../../../main/resources/META-INF/resources/js/workspace/register-search.js';
import { staffApi, exportUrl, prefixOf } from '../../../main/resources/META-INF/resources/js/workspace/staff-api.js';

test('the export names the same stations as the search: its filters, without paging or sorting', () => {
  const url = new URL(exportUrl('csv', { q: '海勃湾 驿站', district: '150302', status: 'active', amenities: '', needsChecking: 'true', page: 3, sort: 'name' }), 'http://x');
  assert.equal(url.pathname, '/api/v1/register/export');
  assert.deepEqual(Object.fromEntries(url.searchParams), { format: 'csv', q: '海勃湾 驿站', district: '150302', status: 'active', needsChecking: 'true' });
});

test('pages: at least one; filters counted without the text', () => {
  assert.equal(pageCount(0), 1);
  assert.equal(pageCount(100), 1);
  assert.equal(pageCount(113), 2);
  assert.equal(activeFilters({ q: 'x', district: '', status: 'active', amenities: '', needsChecking: 'true' }), 2);
});

test('a division\'s prefix follows its level', () => {
  assert.equal(prefixOf({ code: '150000', level: 'province' }), '15');
  assert.equal(prefixOf({ code: '150300', level: 'city' }), '1503');
  assert.equal(prefixOf({ code: '110105', level: 'county' }), '110105');
});

test('a region is asked for once however often the pickers need it', async () => {
  const requests = stubFetch(() => json(200, { prefix: '1503', children: [] }));
  await staffApi.region('1503');
  await staffApi.region('1503');
  assert.equal(requests.length, 1);
  assert.equal(requests[0].url, '/api/v1/regions/1503');
});
