import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeDocument, stubFetch, json } from './support.js';
import { setLanguage, t } from '../../main/resources/META-INF/resources/js/i18n.js';
import { currentAccount, signInFailure, awaitSignIn } from '../../main/resources/META-INF/resources/js/sign-in.js';

const ME = { username: 'wuhai', role: 'editor', regions: ['150302'] };

// A sign-in form as the flow sees it: value-holding inputs, a button, and onsubmit.
function fakeForm(username, password) {
  const selected = [];
  const form = {
    form: { onsubmit: null },
    username: { value: username },
    password: { value: password, select: () => selected.push(true) },
    submit: { disabled: false, textContent: 'Sign in' },
    failures: [],
    selected,
  };
  form.onFailure = (m) => form.failures.push(m);
  form.send = () => form.form.onsubmit({ preventDefault() {} });
  return form;
}

test('nobody signed in is null; another failure is the caller\'s', async () => {
  const asked = stubFetch(() => json(200, { signedIn: false, regions: [] }));
  assert.equal(await currentAccount(), null);
  assert.deepEqual(asked.map((r) => r.url), ['/api/v1/session']);
  stubFetch(() => json(200, { signedIn: true, ...ME }));
  assert.deepEqual(await currentAccount(), ME);
  // A session ended by the server (the account changed) still says 401: signed out, not an error.
  stubFetch(() => json(401, { title: 'Sign-in required' }));
  assert.equal(await currentAccount(), null);
  stubFetch(() => json(503, { title: 'Temporarily unavailable' }));
  assert.equal((await currentAccount().catch((e) => e)).status, 503);
});

test('signs in, asks who it is (a fresh XSRF cookie), clears the password and resolves with the account', async () => {
  fakeDocument();
  setLanguage('en');
  const requests = stubFetch((url) => (url === '/login' ? new Response(null, { status: 204 }) : json(200, ME)));
  const f = fakeForm('  wuhai ', 'secret');
  const signedIn = awaitSignIn(f);
  await f.send();
  assert.deepEqual(await signedIn, ME);
  assert.deepEqual(requests.map((r) => r.url), ['/login', '/api/v1/me']);
  assert.equal(requests[0].body.get('username'), 'wuhai');
  assert.equal(f.password.value, '');
  assert.equal(f.form.onsubmit, null);
  assert.deepEqual([f.submit.disabled, f.submit.textContent], [false, 'Sign in']);
});

test('a wrong password or too many tries are said in the API\'s words; the form stays for another try', async () => {
  setLanguage('zh');
  const f = fakeForm('wuhai', 'wrong');
  awaitSignIn(f);
  stubFetch(() => json(401, { title: '用户名或密码错误', detail: '请检查用户名和密码后重试。' }));
  await f.send();
  stubFetch(() => json(429, { title: '登录尝试次数过多', detail: '请等一分钟后再试。' }, { 'Retry-After': '60' }));
  await f.send();
  // Without a problem document (a proxy's page, no network) the page words it itself.
  stubFetch(() => Promise.resolve(new Response('<html>', { status: 401 })));
  await f.send();
  stubFetch(() => Promise.reject(new TypeError('offline')));
  await f.send();
  assert.deepEqual(f.failures, [
    { title: '用户名或密码错误', detail: '请检查用户名和密码后重试。' },
    { title: '登录尝试次数过多', detail: '请等一分钟后再试。' },
    { title: t('signin.wrong'), detail: null },
    { title: t('error.network'), detail: null },
  ]);
  assert.equal(f.selected.length, 4);
  assert.equal(typeof f.form.onsubmit, 'function');
  assert.equal(f.submit.disabled, false);
});

test('empty fields never reach the server', async () => {
  const requests = stubFetch(() => json(200, ME));
  const f = fakeForm('  ', 'secret');
  awaitSignIn(f);
  await f.send();
  assert.equal(requests.length, 0);
  assert.deepEqual(f.failures, [signInFailure({ status: 401 })]);
});
