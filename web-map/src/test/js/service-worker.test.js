import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { JS } from './support.js';

const SW = readFileSync(new URL('../../main/sw/sw.js', import.meta.url), 'utf8');
const shell = new Set(SW.match(/const SHELL_FILES = \[([\s\S]*?)\];/)[1].match(/'[^']+'/g).map((s) => s.slice(1, -1)));

// The map page's modules, found by following its imports from app.js.
function modules(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(new URL(file, JS), 'utf8');
  for (const [, target] of source.matchAll(/^import [^;]*? from '(\.[^']+)';/gm)) {
    modules(new URL(target, new URL(file, JS)).href.slice(JS.href.length), seen);
  }
  return seen;
}

test('offline, the map page finds every module it imports in the service worker\'s shell', () => {
  const needed = [...modules('app.js')];
  assert.ok(needed.length > 10, needed.join(' '));
  const missing = needed.filter((m) => !shell.has(`/js/${m}`));
  assert.deepEqual(missing, [], 'add these to SHELL_FILES in src/main/sw/sw.js');
});
