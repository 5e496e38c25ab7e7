import { feedbackApi } from '../api.js';
import { icon } from '../icons.js';
import { h, clear, $ } from '../dom.js';
import { setLanguage, t, translateStatic } from '../i18n.js';
import { verifiedText } from '../feedback.js';
import { renderDashboard } from './dashboard.js';
import { showMessage, showProblem } from '../alerts.js';
import { currentAccount, awaitSignIn } from '../sign-in.js';

const TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });

function showAlert(error) {
  showProblem($('alerts'), error);
}

function reasonText(r) {
  return t(`reason.${r.reason}`) + (r.amenity ? ` · ${r.amenity}` : '');
}

/** A button that sends one write about a report, then reloads (or says why it failed). */
function action(label, className, write, reload) {
  return h('button', { type: 'button', class: className, onclick: async () => {
    try {
      await write();
      reload();
    } catch (e) {
      showAlert(e);
    }
  } }, label);
}

function reportItem(r, reload) {
  const actions = h('div', { class: 'actions' });
  if (r.status !== 'resolved') {
    const note = h('input', { type: 'text', maxlength: '200', 'aria-label': t('inbox.note'), placeholder: t('inbox.note'), class: 'note-input' });
    if (r.status === 'open') actions.append(action(t('inbox.acknowledge'), 'ack-button', () => feedbackApi.acknowledge(r.id), reload));
    actions.append(note, action(t('inbox.resolve'), 'primary resolve-button', () => feedbackApi.resolve(r.id, note.value), reload));
  } else {
    actions.append(h('span', { class: 'resolution' }, icon('verified'), ` ${verifiedText(r.resolvedAt)} · ${r.resolutionNote || ''} (${r.resolvedBy})`));
  }
  return h('li', { class: `report status-${r.status}`, 'data-id': r.id, 'data-code': r.code },
    h('div', { class: 'report-head' },
      h('span', { class: 'reason' }, reasonText(r)),
      h('a', { class: 'station', href: `/s/${encodeURIComponent(r.code)}` }, r.stationName, ' ', h('span', { class: 'code' }, r.code)),
      r.stationUnresolved > 1 ? h('span', { class: 'count-badge', title: t('inbox.unresolvedCount') }, String(r.stationUnresolved)) : null,
      // One network sent as much as it may about this station: perhaps one person, so look twice.
      r.burst || r.stationBurst ? h('span', { class: 'burst-badge', title: t('inbox.burstHint') }, t(r.burst ? 'inbox.burst' : 'inbox.stationBurst')) : null),
    h('p', { class: 'meta' }, `${TIME.format(new Date(r.createdAt))} · ${t(`inbox.status.${r.status}`)}`,
      r.acknowledgedBy ? ` · ${t('inbox.ackBy', { who: r.acknowledgedBy })}` : ''),
    r.suggestedLocation ? h('p', { class: 'meta' }, t('inbox.suggested', { lat: r.suggestedLocation.lat.toFixed(5), lng: r.suggestedLocation.lng.toFixed(5) })) : null,
    r.text ? h('p', { class: 'report-text' }, r.text) : null,
    actions);
}

async function loadInbox() {
  try {
    const answer = await feedbackApi.inbox({ status: $('status-filter').value, sort: $('sort').value });
    const list = clear($('reports'));
    if (!answer.reports.length) list.append(h('li', { class: 'empty' }, t('inbox.empty')));
    for (const r of answer.reports) list.append(reportItem(r, reloadAll));
  } catch (e) {
    showAlert(e);
  }
}

async function loadDashboard() {
  try {
    renderDashboard($('dashboard-body'), await feedbackApi.dashboard({ weeks: 12 }));
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
  $('who').textContent = t('inbox.who', { who: me.username, regions: me.regions.join(', ') || '*' });
  $('sign-in').hidden = true;
  $('inbox').hidden = false;
  $('dashboard').hidden = false;
  reloadAll();
}

async function main() {
  setLanguage(new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh');
  document.title = t('inbox.pageTitle');
  translateStatic();
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
