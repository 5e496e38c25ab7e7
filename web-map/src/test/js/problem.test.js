import { test } from 'node:test';
import assert from 'node:assert/strict';
import './support.js';
import { setLanguage } from '../../main/resources/META-INF/resources/js/i18n.js';
import { problemMessage, problemText } from '../../main/resources/META-INF/resources/js/problem.js';

test('a problem document speaks for itself: its title and detail', () => {
  setLanguage('en');
  assert.deepEqual(problemMessage({ status: 400, title: 'Invalid station code', detail: 'The check character should be 9.' }),
    { title: 'Invalid station code', detail: 'The check character should be 9.' });
});

test('the API words its problems in the page language: the page shows them as they come, untranslated', () => {
  setLanguage('zh');
  assert.deepEqual(problemMessage({ status: 404, title: '没有这个站点', detail: '没有编码为 150302-59999-1 的站点。' }),
    { title: '没有这个站点', detail: '没有编码为 150302-59999-1 的站点。' });
  // An English title on a Chinese page (an API older than the bundle) is not second-guessed either.
  assert.equal(problemMessage({ status: 404, title: 'No such station', detail: null }).title, 'No such station');
  setLanguage('en');
  assert.equal(problemMessage({ status: 404, title: 'No such station' }).title, 'No such station');
});

test('without a problem document each status has its own words, in the page language', () => {
  const statuses = [0, 401, 403, 404, 409, 413, 429, 503, 500, 502];
  for (const lang of ['zh', 'en']) {
    setLanguage(lang);
    const titles = statuses.map((status) => problemMessage({ status, title: null, detail: null }).title);
    // Every status but the two unnamed server errors has a message of its own.
    assert.equal(new Set(titles).size, statuses.length - 1, titles.join(' | '));
    assert.equal(titles[8], titles[9]);
    for (const title of titles) assert.ok(title && !title.startsWith('error.'), title);
    const chinese = /[\u4e00-\u9fff]/.test(titles.join(''));
    assert.equal(chinese, lang === 'zh');
  }
});

test('a 429 says how long to wait when Retry-After did', () => {
  setLanguage('en');
  assert.match(problemMessage({ status: 429, title: null, retryAfter: 37 }).title, /\b37 s\b/);
  assert.doesNotMatch(problemMessage({ status: 429, title: null, retryAfter: null }).title, /\d/);
  setLanguage('zh');
  assert.match(problemMessage({ status: 429, title: null, retryAfter: 5 }).title, /5 秒/);
});

test('a detail without a title keeps the detail under the status message', () => {
  setLanguage('en');
  const message = problemMessage({ status: 413, title: null, detail: 'At most 10 MB.' });
  assert.equal(message.detail, 'At most 10 MB.');
  assert.match(message.title, /too large/);
});

test('problemText puts title and detail on one line', () => {
  setLanguage('en');
  assert.equal(problemText({ status: 400, title: 'Bad', detail: 'Why.' }), 'Bad Why.');
  assert.equal(problemText({ status: 400, title: 'Bad', detail: null }), 'Bad');
  assert.equal(problemText({ status: 0, title: null }), problemMessage({ status: 0 }).title);
});
