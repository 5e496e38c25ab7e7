import { test } from 'node:test';
import assert from 'node:assert/strict';
import './support.js';
import { setLanguage } from '../../main/resources/META-INF/resources/js/i18n.js';
import { distance, duration, travelTimes, when, openingState, openingClass, stationName } from '../../main/resources/META-INF/resources/js/format.js';

// 2026-11-20 10:00 in China (UTC+8).
const NOW = new Date('2026-11-20T02:00:00Z');

test('distances: metres rounded to tens (never 0), kilometres with one decimal below 10', () => {
  setLanguage('en');
  assert.deepEqual([3, 14, 996, 1000, 9_949, 12_600].map(distance), ['1 m', '10 m', '1000 m', '1.0 km', '9.9 km', '13 km']);
  setLanguage('zh');
  assert.equal(distance(250), '250 米');
});

test('durations in minutes, hours, or both; never 0 minutes', () => {
  setLanguage('en');
  assert.deepEqual([0.2, 59.4, 60, 61, 150].map(duration), ['1 min', '59 min', '1 h', '1 h 1 min', '2 h 30 min']);
});

test('travel times: walking at 5 km/h, riding at 15 km/h', () => {
  setLanguage('en');
  assert.deepEqual(travelTimes(2500), { walk: '30 min walk', ride: '10 min ride' });
});

test('when: today as a time, tomorrow by name, later as a date — all in station time', () => {
  setLanguage('en');
  assert.equal(when('2026-11-20T22:00+08:00', NOW), 'at 22:00');
  assert.equal(when('2026-11-21T08:00+08:00', NOW), 'tomorrow at 08:00');
  assert.match(when('2026-11-23T08:00+08:00', NOW), /23 Nov.* 08:00$/);
  // At 00:30 on the 21st in China it is still the 20th in UTC: station time makes 08:00 today.
  assert.equal(when('2026-11-21T08:00+08:00', new Date('2026-11-20T16:30:00Z')), 'at 08:00');
});

test('opening state from openNow and nextChange, and unknown once a saved nextChange has passed', () => {
  setLanguage('en');
  const open = openingState({ openNow: true, nextChange: '2026-11-20T18:00+08:00', openingHours: 'Mo-Fr 08:00-18:00' }, NOW);
  assert.deepEqual(open, { open: true, text: 'Open · closes at 18:00' });
  const closed = openingState({ openNow: false, nextChange: '2026-11-21T08:00+08:00' }, NOW);
  assert.deepEqual(closed, { open: false, text: 'Closed · opens tomorrow at 08:00' });
  assert.deepEqual(openingState({ alwaysOpen: true, openNow: true }, NOW), { open: true, text: 'Open 24 hours' });
  const stale = openingState({ openNow: true, nextChange: '2026-11-20T09:00+08:00', openingHours: 'Mo-Fr 08:00-09:00' }, NOW);
  assert.equal(stale.open, null);
  assert.match(stale.text, /Mo-Fr 08:00-09:00/);
  assert.deepEqual([open, closed, stale].map(openingClass), ['is-open', 'is-closed', 'is-unknown']);
});

test('the English name only on an English page and only when there is one', () => {
  setLanguage('en');
  assert.equal(stationName({ name: '乌海驿站', nameEn: 'Wuhai Station' }), 'Wuhai Station');
  assert.equal(stationName({ name: '乌海驿站', nameEn: null }), '乌海驿站');
  setLanguage('zh');
  assert.equal(stationName({ name: '乌海驿站', nameEn: 'Wuhai Station' }), '乌海驿站');
});
