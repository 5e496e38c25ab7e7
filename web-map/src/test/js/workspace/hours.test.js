import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayList, osmFromRows } from '../../../main/resources/META-INF/resources/js/workspace/hours-osm.js';

const days = (s) => [...s].map((c) => c === '1');

test('days: runs of three or more become ranges, shorter runs a list', () => {
  assert.equal(dayList(days('1111100')), 'Mo-Fr');
  assert.equal(dayList(days('0000011')), 'Sa,Su');
  assert.equal(dayList(days('1010100')), 'Mo,We,Fr');
  assert.equal(dayList(days('1101111')), 'Mo,Tu,Th-Su');
  assert.equal(dayList(days('0000000')), '');
});

test('rows become rules; several ranges a day', () => {
  const rows = [
    { days: days('1111100'), ranges: [['08:00', '12:00'], ['14:00', '18:00']] },
    { days: days('0000010'), ranges: [['09:00', '12:00']] },
  ];
  assert.equal(osmFromRows(rows), 'Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00');
  assert.equal(osmFromRows([{ days: days('1111111'), ranges: [['08:00', '20:00']] }]), 'Mo-Su 08:00-20:00');
  assert.equal(osmFromRows([{ days: days('1111111'), ranges: [['20:00', '06:00']] }]), 'Mo-Su 20:00-06:00');
});

test('round the clock, and incomplete rows give nothing to write', () => {
  assert.equal(osmFromRows([], { allDay: true }), '24/7');
  assert.equal(osmFromRows([{ days: days('0000000'), ranges: [['08:00', '18:00']] }]), null);
  assert.equal(osmFromRows([{ days: days('1000000'), ranges: [['8:00', '18:00']] }]), null);
  assert.equal(osmFromRows([{ days: days('1000000'), ranges: [['08:00', '08:00']] }]), null);
  assert.equal(osmFromRows([]), null);
});
