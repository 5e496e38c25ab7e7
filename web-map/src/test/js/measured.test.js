import { test } from 'node:test';
import assert from 'node:assert/strict';
import './support.js';
import { setLanguage } from '../../main/resources/META-INF/resources/js/i18n.js';
import { measured } from '../../main/resources/META-INF/resources/js/format.js';
import { fromCache } from '../../main/resources/META-INF/resources/js/offline.js';

const walked = { code: 'A', distanceMeters: 310, routeMeters: 846.2, routeSeconds: 609, amenities: [], location: { lat: 27.9, lng: 98.9 }, alwaysOpen: true, openNow: true };

test('on the road network: the route length and time, labelled with the way', () => {
  setLanguage('zh');
  assert.deepEqual(measured(walked, 'walk'), { label: '步行 850 米', detail: '约 10 分钟' });
  setLanguage('en');
  assert.deepEqual(measured(walked, 'ride'), { label: 'ride 850 m', detail: 'about 10 min' });
});

test('a straight line says so, even for a station that once had a route', () => {
  setLanguage('zh');
  assert.equal(measured(walked, 'straight').label, '直线 310 米');
  // Asked for walking, but the station carries no route figures: never passed off as walking.
  assert.equal(measured({ ...walked, routeMeters: undefined }, 'walk').label, '直线 310 米');
});

test('along a route: distance from the start and off the route', () => {
  setLanguage('zh');
  assert.deepEqual(measured({ alongMetres: 1234, offRouteMetres: 42 }, 'route'), { label: '沿途 1.2 公里', detail: '离路线 40 米' });
});

test('along a route by road: the detour there and back and its time, never for a straight-line answer', () => {
  setLanguage('zh');
  const byRoad = { alongMetres: 1234, offRouteMetres: 42, detourMetres: 2980.4, detourSeconds: 2146, detourBy: 'walk' };
  assert.deepEqual(measured(byRoad, 'route'), { label: '沿途 1.2 公里', detail: '来回绕行 3.0 公里 · 约 36 分钟' });
  setLanguage('en');
  assert.equal(measured(byRoad, 'route').detail, '3.0 km detour there and back · about 36 min');
  setLanguage('zh');
  assert.equal(measured({ ...byRoad, detourBy: 'straight', detourSeconds: undefined }, 'route').detail, '离路线 40 米');
});

test('the offline copy, re-measured from here, drops the walking figures it can no longer vouch for', () => {
  const [again] = fromCache([walked], { lat: 27.901, lng: 98.9 }, {});
  assert.equal(again.routeMeters, undefined);
  assert.equal(again.routeSeconds, undefined);
  assert.ok(Math.abs(again.distanceMeters - 111) < 2, String(again.distanceMeters));
  setLanguage('zh');
  assert.match(measured(again, 'walk').label, /^直线 /);
});
