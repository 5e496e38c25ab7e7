import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeDocument, stubFetch, json } from './support.js';
import { setLanguage } from '../../main/resources/META-INF/resources/js/i18n.js';
import { api, account, feedbackApi, links, cachedAt, retryAfterSeconds, ApiError } from '../../main/resources/META-INF/resources/js/api.js';

test('GET sends the query without empty values, joins lists, and no CSRF token', async () => {
  fakeDocument({ cookie: 'XSRF-TOKEN=abc' });
  const requests = stubFetch(() => json(200, { features: [] }));
  await api.nearest({ lat: 39.65, lng: 106.82, limit: 5, amenities: ['kettle', 'microwave'], openNow: false, crs: null, lang: '' });
  const url = new URL(requests[0].url, 'http://x');
  assert.equal(url.pathname, '/api/v1/stations/nearest');
  assert.deepEqual([...url.searchParams], [['lat', '39.65'], ['lng', '106.82'], ['limit', '5'], ['amenities', 'kettle,microwave']]);
  assert.equal(requests[0].method, 'GET');
  assert.equal(requests[0].headers['X-XSRF-TOKEN'], undefined);
  assert.equal(requests[0].credentials, 'same-origin');
});

test('a write carries the XSRF-TOKEN cookie back as X-XSRF-TOKEN, decoded, with JSON as JSON', async () => {
  fakeDocument({ cookie: 'JSESSIONID=1; XSRF-TOKEN=a%2Fb%3D; other=2' });
  const requests = stubFetch(() => json(200, { code: '150302-00001-9' }));
  await api.updateStation(' 150302-00001-9 ', { name: '驿站' });
  const r = requests[0];
  assert.equal(r.method, 'PUT');
  assert.equal(r.url, '/api/v1/stations/150302-00001-9');
  assert.equal(r.headers['X-XSRF-TOKEN'], 'a/b=');
  assert.equal(r.headers['Content-Type'], 'application/json');
  assert.deepEqual(JSON.parse(r.body), { name: '驿站' });
});

test('the inbox writes are protected by the same token without being handed one', async () => {
  fakeDocument({ cookie: 'XSRF-TOKEN=t1' });
  const requests = stubFetch(() => new Response(null, { status: 204 }));
  assert.equal(await feedbackApi.acknowledge(7), null);
  await feedbackApi.resolve(7, 'fixed');
  assert.deepEqual(requests.map((r) => [r.method, r.url, r.headers['X-XSRF-TOKEN']]),
    [['POST', '/api/v1/feedback/reports/7/acknowledge', 't1'], ['POST', '/api/v1/feedback/reports/7/resolve', 't1']]);
});

test('sign-in posts the form to /login; no cookie, no token header', async () => {
  fakeDocument({ cookie: '' });
  const requests = stubFetch(() => new Response(null, { status: 204 }));
  await account.signIn('wuhai', 'p&ss word');
  assert.equal(requests[0].url, '/login');
  assert.equal(requests[0].body.toString(), 'username=wuhai&password=p%26ss+word');
  assert.equal(requests[0].headers['X-XSRF-TOKEN'], undefined);
});

test('the language of data goes in the URL (lang=), so the service worker keeps each language apart', async () => {
  const requests = stubFetch(() => json(200, { amenities: [] }));
  await api.amenities('en');
  await api.station('150302-00001-9', { crs: 'gcj02', lang: 'zh' });
  assert.deepEqual(requests.map((r) => r.url), ['/api/v1/amenities?lang=en', '/api/v1/stations/150302-00001-9?crs=gcj02&lang=zh']);
});

test('every request asks for the page language, so the API words its problems in it', async () => {
  const requests = stubFetch(() => json(200, {}));
  setLanguage('en');
  await account.me();
  setLanguage('zh');
  await account.me();
  await api.amenities('en');
  assert.deepEqual(requests.map((r) => r.headers['Accept-Language']), ['en', 'zh-CN', 'zh-CN']);
});

test('a problem becomes an ApiError with status, title, detail, the document and Retry-After', async () => {
  stubFetch(() => json(429, { title: 'Too many requests', detail: 'Slow down.', status: 429 }, { 'Retry-After': '30' }));
  const error = await account.me().catch((e) => e);
  assert.ok(error instanceof ApiError);
  assert.deepEqual([error.status, error.title, error.detail, error.retryAfter], [429, 'Too many requests', 'Slow down.', 30]);
  assert.equal(error.problem.status, 429);
});

test('an error that is not a problem document (a proxy page, null) still becomes an ApiError', async () => {
  for (const body of ['<html>Bad gateway</html>', 'null', '"text"']) {
    stubFetch(() => new Response(body, { status: 502 }));
    const error = await account.me().catch((e) => e);
    assert.deepEqual([error.status, error.title, error.detail, error.retryAfter], [502, null, null, null], body);
  }
});

test('no answer at all is status 0; an abort stays an abort', async () => {
  stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
  assert.equal((await account.me().catch((e) => e)).status, 0);
  stubFetch(() => Promise.reject(new DOMException('aborted', 'AbortError')));
  assert.equal((await account.me().catch((e) => e)).name, 'AbortError');
});

test('an answer from the service worker\'s cache says when it was fetched; a live one does not', async () => {
  const at = Date.UTC(2026, 10, 20, 8, 30);
  stubFetch(() => json(200, { stations: [] }, { 'X-Yizhan-Fetched-At': String(at) }));
  assert.equal(cachedAt(await api.nearest({ lat: 1, lng: 2 })).getTime(), at);
  stubFetch(() => json(200, { stations: [] }));
  assert.equal(cachedAt(await api.nearest({ lat: 1, lng: 2 })), null);
});

test('Retry-After in seconds or as an HTTP date', () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  assert.equal(retryAfterSeconds('120', now), 120);
  assert.equal(retryAfterSeconds(new Date(now + 90_500).toUTCString(), now), 90);
  assert.equal(retryAfterSeconds(new Date(now - 5000).toUTCString(), now), 0);
  assert.equal(retryAfterSeconds(null, now), null);
  assert.equal(retryAfterSeconds('soon', now), null);
});

test('links use the same query rules', () => {
  assert.equal(links.exportRegister({ format: 'xlsx', region: '1503', status: null }), '/api/v1/register/export?format=xlsx&region=1503');
  assert.equal(links.plaques({ codes: ['a', 'b'] }), '/api/v1/plaques?codes=a%2Cb');
});
