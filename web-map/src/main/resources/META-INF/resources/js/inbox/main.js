import { feedbackApi, links } from '../api.js';
import { icon } from '../icons.js';
import { h, clear, $ } from '../dom.js';
import { addStrings, setLanguage, t, translateStatic } from '../i18n.js';
import { verifiedText } from '../feedback.js';
import { renderDashboard } from './dashboard.js';
import { groupReports, idsFor } from './groups.js';
import { INBOX_STRINGS } from './strings.js';
import { showMessage, showProblem } from '../alerts.js';
import { currentAccount, awaitSignIn } from '../sign-in.js';
import { mountStaffNav, editorHref } from '../staff-nav.js';

addStrings(INBOX_STRINGS, { title: 'inbox.pageTitle' });

const TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
let nav;
let account = null;

function showAlert(error) {
  showProblem($('alerts'), error);
}

function reasonText(g) {
  return t(`reason.${g.reason}`) + (g.amenity ? ` · ${g.amenity}` : '');
}

/** Runs one write, then says how many reports changed and reloads (or says why it failed). */
async function act(write) {
  try {
    const answer = await write();
    reloadAll();
    if (answer && typeof answer.changed === 'number') showMessage($('alerts'), { kind: 'info', title: t('inbox.done', { n: answer.changed }) });
  } catch (e) {
    showAlert(e);
  }
}

function bulk(group, action, label, className, note) {
  const ids = idsFor(group, action);
  if (!ids.length) return null;
  const text = ids.length > 1 ? t(`inbox.${action}All`, { n: ids.length }) : t(`inbox.${action}`);
  return h('button', { type: 'button', class: className, 'data-count': ids.length, onclick: () => {
    const said = note ? note.value.trim() : '';
    if (note && !said) {
      note.setAttribute('aria-invalid', 'true');
      showMessage($('alerts'), { kind: 'warning', title: t('inbox.noteNeeded') });
      note.focus();
      return;
    }
    act(() => feedbackApi.bulk({ ids, action, note: said || null }));
  } }, label || text);
}

function verifyButton(code) {
  return h('button', { type: 'button', class: 'verify-button', title: t('inbox.verifyHint'), onclick: () => act(() => feedbackApi.verify(code)) },
    icon('verified'), ' ', t('inbox.verify'));
}

function meta(g) {
  const times = g.reports.map((r) => new Date(r.createdAt)).sort((a, b) => a - b);
  const first = TIME.format(times[0]);
  const last = TIME.format(times[times.length - 1]);
  const parts = [g.reports.length > 1 ? t('inbox.times', { n: g.reports.length }) : null,
    first === last ? first : t('inbox.between', { first, last })];
  if (!g.resolved) {
    for (const status of ['open', 'acknowledged']) {
      const n = g.reports.filter((r) => r.status === status).length;
      if (n) parts.push(t(`inbox.counts.${status}`, { n }));
    }
    const by = [...new Set(g.reports.map((r) => r.acknowledgedBy).filter(Boolean))];
    if (by.length) parts.push(t('inbox.ackBy', { who: by.join('、') }));
  }
  return h('p', { class: 'meta' }, parts.filter(Boolean).join(' · '));
}

function details(g) {
  const texts = g.reports.filter((r) => r.text).map((r) => h('li', { class: 'report-text' }, r.text));
  const places = g.reports.filter((r) => r.suggestedLocation)
    .map((r) => h('li', {}, t('inbox.suggested', { lat: r.suggestedLocation.lat.toFixed(5), lng: r.suggestedLocation.lng.toFixed(5) })));
  const out = [];
  if (texts.length) out.push(h('ul', { class: 'texts', 'aria-label': t('inbox.texts') }, texts));
  if (places.length) out.push(h('ul', { class: 'texts meta' }, places));
  if (g.resolved) {
    const seen = new Set();
    for (const r of g.reports) {
      const key = `${r.resolutionNote}|${r.resolvedBy}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(h('p', { class: 'resolution' }, icon('verified'), ' ',
        t('inbox.resolvedBy', { when: verifiedText(r.resolvedAt), note: r.resolutionNote || '', who: r.resolvedBy || '' })));
    }
  }
  return out;
}

function actions(g) {
  if (!account || account.role === 'viewer') return null;
  const box = h('div', { class: 'actions' });
  if (g.resolved) {
    box.append(bulk(g, 'reopen', null, 'reopen-button') || '');
    return box;
  }
  const note = h('input', { type: 'text', maxlength: '200', 'aria-label': t('inbox.note'), placeholder: t('inbox.note'), class: 'note-input',
    oninput: (e) => e.target.removeAttribute('aria-invalid') });
  box.append(bulk(g, 'acknowledge', null, 'ack-button') || '', note, bulk(g, 'resolve', null, 'primary resolve-button', note) || '', verifyButton(g.code));
  return box;
}

function groupItem(g) {
  const burst = g.reports.some((r) => r.burst);
  const stationBurst = g.reports.some((r) => r.stationBurst);
  const unresolved = Math.max(...g.reports.map((r) => r.stationUnresolved));
  return h('li', { class: `report report-group${g.resolved ? ' status-resolved' : g.reports.some((r) => r.status === 'open') ? ' status-open' : ' status-acknowledged'}`,
    'data-code': g.code, 'data-reason': g.reason, 'data-ids': g.reports.map((r) => r.id).join(',') },
  h('div', { class: 'report-head' },
    h('span', { class: 'reason' }, reasonText(g)),
    g.reports.length > 1 ? h('span', { class: 'times-badge' }, `×${g.reports.length}`) : null,
    h('a', { class: 'station', href: editorHref(g.code) }, g.stationName, ' ', h('span', { class: 'code' }, g.code)),
    !g.resolved && unresolved > g.reports.length ? h('span', { class: 'count-badge', title: t('inbox.unresolvedCount') }, String(unresolved)) : null,
    // One network sent as much as it may about this station: perhaps one person, so look twice.
    burst || stationBurst ? h('span', { class: 'burst-badge', title: t('inbox.burstHint') }, t(burst ? 'inbox.burst' : 'inbox.stationBurst')) : null),
  meta(g),
  details(g),
  actions(g));
}

async function loadInbox() {
  try {
    const answer = await feedbackApi.inbox({ status: $('status-filter').value, sort: $('sort').value });
    const list = clear($('reports'));
    if (!answer.reports.length) list.append(h('li', { class: 'empty' }, t('inbox.empty')));
    for (const g of groupReports(answer.reports)) list.append(groupItem(g));
  } catch (e) {
    showAlert(e);
  }
}

async function loadDashboard() {
  try {
    const numbers = await feedbackApi.dashboard({ weeks: 12 });
    renderDashboard($('dashboard-body'), numbers, {
      onVerify: account.role === 'viewer' ? null : (code) => act(() => feedbackApi.verify(code)),
    });
  } catch (e) {
    showAlert(e);
  }
}

function reloadAll() {
  clear($('alerts'));
  loadInbox();
  loadDashboard();
}

function signedIn(me) {
  account = me;
  nav.setAccount(me);
  $('sign-in').hidden = true;
  $('inbox').hidden = false;
  $('dashboard').hidden = false;
  $('export-xlsx').href = links.feedbackExport({ format: 'xlsx', days: 90 });
  $('export-csv').href = links.feedbackExport({ format: 'csv', days: 90 });
  reloadAll();
}

function switchLanguage(lang) {
  setLanguage(lang);
  translateStatic();
  const url = new URL(location.href);
  if (lang === 'en') url.searchParams.set('lang', 'en');
  else url.searchParams.delete('lang');
  history.replaceState(null, '', url);
  if (account) reloadAll();
}

async function main() {
  setLanguage(new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh');
  translateStatic();
  nav = mountStaffNav({ page: 'inbox', onLanguage: switchLanguage });
  $('status-filter').addEventListener('change', loadInbox);
  $('sort').addEventListener('change', loadInbox);
  let me;
  try {
    me = await currentAccount();
  } catch (e) {
    showAlert(e);
  }
  if (!me) {
    $('sign-in').hidden = false;
    me = await awaitSignIn({
      form: $('sign-in'), username: $('username'), password: $('password'), submit: $('sign-in-submit'),
      onFailure: (message) => showMessage($('alerts'), message),
    });
    clear($('alerts'));
  }
  signedIn(me);
}

main();
