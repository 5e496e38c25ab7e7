import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupReports, idsFor } from '../../../main/resources/META-INF/resources/js/inbox/groups.js';

const report = (id, code, reason, status, amenity = null) => ({ id, code, stationName: `站 ${code}`, reason, status, amenity });

test('identical reports of one station are one group, in the order the API sorted them', () => {
  const groups = groupReports([
    report(5, 'A', 'closed_when_open', 'open'),
    report(4, 'B', 'closed_when_open', 'open'),
    report(3, 'A', 'closed_when_open', 'acknowledged'),
    report(2, 'A', 'amenity_missing', 'open', 'water'),
    report(1, 'A', 'amenity_missing', 'open', 'toilet'),
  ]);
  assert.deepEqual(groups.map((g) => [g.code, g.reason, g.amenity, g.reports.map((r) => r.id)]), [
    ['A', 'closed_when_open', null, [5, 3]],
    ['B', 'closed_when_open', null, [4]],
    ['A', 'amenity_missing', 'water', [2]],
    ['A', 'amenity_missing', 'toilet', [1]],
  ]);
});

test('resolved reports group apart, and each action takes only the reports it would change', () => {
  const [open, resolved] = groupReports([
    report(1, 'A', 'cannot_find', 'open'),
    report(2, 'A', 'cannot_find', 'resolved'),
    report(3, 'A', 'cannot_find', 'acknowledged'),
  ]);
  assert.deepEqual([open.resolved, resolved.resolved], [false, true]);
  assert.deepEqual(idsFor(open, 'acknowledge'), [1]);
  assert.deepEqual(idsFor(open, 'resolve'), [1, 3]);
  assert.deepEqual(idsFor(resolved, 'reopen'), [2]);
  assert.deepEqual(idsFor(open, 'reopen'), []);
});
