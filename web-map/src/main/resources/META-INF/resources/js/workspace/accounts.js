import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { showMessage, showProblem } from '../alerts.js';

/** Administrators list, create and change accounts (role, regions, enabled, password). */
export function renderAccounts(container) {
  const alerts = h('div', { class: 'ws-alerts', id: 'accounts-alerts', role: 'alert' });
  const list = h('tbody');
  const formBox = h('div', { id: 'account-form-box' });

  async function load() {
    try {
      const accounts = await api.accounts();
      clear(list).append(...accounts.map((a) => h('tr', { 'data-username': a.username },
        h('td', { class: 'code' }, a.username), h('td', {}, a.displayName), h('td', {}, t(`role.${a.role}`)),
        h('td', {}, a.regions.join(', ') || '—'), h('td', {}, a.enabled ? t('yes') : t('accounts.disabled')),
        h('td', {}, h('button', { type: 'button', class: 'row-link', onclick: () => edit(a) }, t('accounts.edit'))))));
    } catch (e) {
      showProblem(alerts, e);
    }
  }

  function edit(account) {
    const input = (id, labelKey, attrs = {}) => {
      const el = h('input', { id, ...attrs });
      return [el, h('div', { class: 'field' }, h('label', { for: id }, t(labelKey)), el)];
    };
    const [username, usernameField] = input('acc-username', 'accounts.username', { value: account?.username || '', disabled: Boolean(account), autocomplete: 'off' });
    const [displayName, nameField] = input('acc-display', 'accounts.displayName', { value: account?.displayName || '' });
    const [password, passwordField] = input('acc-password', 'accounts.password', { type: 'password', autocomplete: 'new-password', placeholder: account ? t('accounts.passwordKeep') : '' });
    const [regions, regionsField] = input('acc-regions', 'accounts.regions', { value: account?.regions.join(', ') || '', placeholder: '1503, 150302' });
    const role = h('select', { id: 'acc-role' }, ['editor', 'viewer', 'admin'].map((r) => h('option', { value: r, selected: (account?.role || 'editor') === r }, t(`role.${r}`))));
    const enabled = h('input', { type: 'checkbox', id: 'acc-enabled', checked: account ? account.enabled : true });
    const form = h('form', { class: 'ws-form-row', novalidate: true },
      usernameField, nameField, passwordField,
      h('div', { class: 'field' }, h('label', { for: 'acc-role' }, t('accounts.role')), role),
      regionsField,
      h('label', { class: 'checks' }, enabled, t('accounts.enabled')),
      h('button', { type: 'submit', class: 'primary' }, t('accounts.save')),
      h('button', { type: 'button', class: 'secondary', onclick: () => clear(formBox) }, t('accounts.cancel')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const body = {
        username: username.value.trim(), displayName: displayName.value.trim(), password: password.value || null, role: role.value,
        regions: regions.value.split(/[,，\s]+/).map((s) => s.trim()).filter(Boolean), enabled: enabled.checked,
      };
      try {
        if (account) await api.updateAccount(account.username, { ...body, version: account.version });
        else await api.createAccount(body);
        clear(formBox);
        showMessage(alerts, { kind: 'info', title: t('accounts.saved') });
        load();
      } catch (err) {
        const errors = err.problem?.errors;
        showProblem(alerts, err, { detail: errors ? errors.map((x) => `${x.field}: ${x.message}`).join('; ') : err.detail });
      }
    });
    clear(formBox).append(h('h3', {}, account ? `${t('accounts.edit')} ${account.username}` : t('accounts.new')), form);
    (account ? displayName : username).focus();
  }

  clear(container).append(h('section', { class: 'ws-card' },
    h('h2', {}, t('accounts.title')),
    alerts,
    h('p', {}, h('button', { type: 'button', class: 'primary', id: 'new-account', onclick: () => edit(null) }, t('accounts.new'))),
    formBox,
    h('div', { class: 'ws-table-wrap' }, h('table', { class: 'ws-table', id: 'accounts-table' },
      h('thead', {}, h('tr', {}, ['accounts.username', 'accounts.displayName', 'accounts.role', 'accounts.regionsShort', 'accounts.enabled', ''].map((k) => h('th', {}, k ? t(k) : '')))),
      list))));
  load();
}
