import { test } from 'node:test';
import assert from 'node:assert/strict';
import { weeklyPoints } from '../../../main/resources/META-INF/resources/js/inbox/charts.js';

test('every week of the period has its slot, weeks without ratings at zero', () => {
  const points = weeklyPoints('2026-09-07', 12, [{ weekStart: '2026-11-23', ratings: 3 }, { weekStart: '2026-09-14', ratings: 1 }]);
  assert.equal(points.length, 12);
  assert.equal(points[0].key, '2026-09-07');
  assert.equal(points[11].key, '2026-11-23');
  assert.deepEqual(points.map((p) => p.value), [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3]);
  assert.equal(points[11].label, '11/23');
});
