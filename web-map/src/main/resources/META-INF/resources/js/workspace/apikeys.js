import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { showMessage, showProblem } from '../alerts.js';

/**
 * Administrators issue, list and revoke the API keys of third-party apps and see their daily use.
 * A new key is shown once, in a read-only field to copy; the service keeps only its hash.
 */
export function renderApiKeys(container) {
  const alerts = h('div', { class: 'ws-alerts', id: 'apikeys-alerts', role: 'alert' });
  const issuedBox = h('div', { id: 'apikey-issued' });
  const lead = h('p', { class: 'muted', id: 'apikeys-lead' });
  const list = h('tbody');
  const field = (id, labelKey, attrs = {}) => {
    const el = h('input', { id, ...attrs });
    return [el, h('div', { class: 'field' }, h('label', { for: id }, t(labelKey)), el)];
  };
  const [app, appField] = field('apikey-app', 'apikeys.app', { autocomplete: 'off', maxlength: 120, required: true });
  const [contact, contactField] = field('apikey-contact', 'apikeys.contact', { autocomplete: 'off', maxlength: 200, required: true });
  const [perMinute, perMinuteField] = field('apikey-per-minute', 'apikeys.perMinute', { type: 'number', min: 1, step: 1, required: true });
  const [perDay, perDayField] = field('apikey-per-day', 'apikeys.perDay', { type: 'number', min: 1, step: 1, required: true });

  function usage(key) {
    const days = key.usage.map((u) => `${u.day.slice(5)}: ${u.requests}`).join(' · ');
    return days || '—';
  }

  function row(key) {
    const revoke = h('button', { type: 'button', class: 'row-link', 'data-revoke': key.id }, t('apikeys.revoke'));
    const cell = h('td', {}, key.revokedAt ? '' : revoke);
    revoke.addEventListener('click', () => {
      const confirm = h('button', { type: 'button', class: 'danger', 'data-confirm-revoke': key.id }, t('apikeys.revoke'));
      confirm.addEventListener('click', async () => {
        try {
          await api.revokeApiKey(key.id);
          showMessage(alerts, { kind: 'info', title: t('apikeys.revokedDone') });
          load();
        } catch (e) {
          showProblem(alerts, e);
        }
      });
      clear(cell).append(h('span', { class: 'muted' }, t('apikeys.confirmRevoke', { app: key.appName })), ' ', confirm);
    });
    return h('tr', { 'data-key-id': key.id },
      h('td', {}, key.appName), h('td', {}, key.contact), h('td', { class: 'code' }, `${key.keyPrefix}…`),
      h('td', { class: 'num' }, `${key.perMinute} / ${key.perDay}`),
      h('td', { class: 'num', 'data-today': key.id }, String(key.today)), h('td', {}, usage(key)),
      h('td', {}, key.revokedAt ? t('apikeys.revoked') : t('apikeys.active')), cell);
  }

  async function load() {
    try {
      const answer = await api.apiKeys();
      lead.textContent = t('apikeys.lead', { am: answer.anonymous.perMinute, ad: answer.anonymous.perDay });
      if (!perMinute.value) perMinute.value = answer.newKey.perMinute;
      if (!perDay.value) perDay.value = answer.newKey.perDay;
      clear(list).append(...(answer.keys.length ? answer.keys.map(row) : [h('tr', {}, h('td', { colspan: 8, class: 'muted' }, t('apikeys.none')))]));
    } catch (e) {
      showProblem(alerts, e);
    }
  }

  const form = h('form', { class: 'ws-form-row', id: 'apikey-form', novalidate: true },
    appField, contactField, perMinuteField, perDayField,
    h('button', { type: 'submit', class: 'primary', id: 'apikey-issue' }, t('apikeys.issue')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const issued = await api.issueApiKey({
        appName: app.value.trim(), contact: contact.value.trim(), perMinute: Number(perMinute.value), perDay: Number(perDay.value),
      });
      const keyField = h('input', { id: 'apikey-secret', readonly: true, value: issued.key, size: 50, spellcheck: 'false' });
      clear(issuedBox).append(h('div', { class: 'ws-card ws-note' }, h('p', {}, t('apikeys.issued')), keyField));
      keyField.select();
      app.value = '';
      contact.value = '';
      clear(alerts);
      load();
    } catch (err) {
      showProblem(alerts, err);
    }
  });

  clear(container).append(h('section', { class: 'ws-card' },
    h('h2', {}, t('apikeys.title')), lead, alerts,
    h('h3', {}, t('apikeys.new')), form, issuedBox,
    h('div', { class: 'ws-table-wrap' }, h('table', { class: 'ws-table', id: 'apikeys-table' },
      h('thead', {}, h('tr', {}, ['apikeys.app', 'apikeys.contact', 'apikeys.prefix', 'apikeys.perMinute', 'apikeys.today', 'apikeys.week', 'apikeys.status', '']
        .map((k) => h('th', {}, k === 'apikeys.perMinute' ? `${t('apikeys.perMinute')} / ${t('apikeys.perDay')}` : (k ? t(k) : ''))))),
      list))));
  load();
}
