import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../support.js';
import { addStrings, setLanguage, t } from '../../../main/resources/META-INF/resources/js/i18n.js';
import { WORKSPACE_STRINGS } from '../../../main/resources/META-INF/resources/js/workspace/strings.js';
import { fieldProblem } from '../../../main/resources/META-INF/resources/js/workspace/station-form.js';
import { typedPoint, pastedPair } from '../../../main/resources/META-INF/resources/js/workspace/coordinates.js';

addStrings(WORKSPACE_STRINGS);
setLanguage('en');

test('required fields, ranges and formats; optional fields may stay empty', () => {
  const cases = [
    ['name', '  ', 'invalid.required'], ['name', '乌海驿站', null],
    ['nameEn', '', null], ['floorArea', '', null], ['floorArea', '0', 'invalid.floorArea'], ['floorArea', '12.5', null],
    ['lat', '90', null], ['lat', '90.0001', 'invalid.lat'], ['lat', 'north', 'invalid.lat'],
    ['lng', '-180', null], ['lng', '181', 'invalid.lng'],
    ['adcode', '150302', null], ['adcode', '15030', 'invalid.adcode'], ['adcode', '15030a', 'invalid.adcode'],
    ['contactPhone', '0473-1234567', null], ['contactPhone', '+86 (473) 123', null], ['contactPhone', '1234', 'invalid.phone'],
    ['contactPhone', 'call me', 'invalid.phone'],
  ];
  for (const [name, value, key] of cases) assert.equal(fieldProblem(name, value), key && t(key), `${name}=${value}`);
});

test('a typed point needs two numbers in range', () => {
  assert.deepEqual(typedPoint('39.65', ' 106.82 '), { lat: 39.65, lng: 106.82 });
  assert.equal(typedPoint('', '106.8'), null);
  assert.equal(typedPoint('39.6', 'east'), null);
  assert.equal(typedPoint('91', '106.8'), null);
  assert.equal(typedPoint('39.6', '-181'), null);
});

test('a pasted pair is read either way round: in China the longitude is the larger', () => {
  assert.deepEqual(pastedPair('106.825417,39.655337'), { lat: 39.655337, lng: 106.825417 });
  assert.deepEqual(pastedPair('39.655337，106.825417'), { lat: 39.655337, lng: 106.825417 });
  assert.deepEqual(pastedPair(' 39.65 106.82 '), { lat: 39.65, lng: 106.82 });
  assert.equal(pastedPair('39.65'), null);
  assert.equal(pastedPair('1,2,3'), null);
});
