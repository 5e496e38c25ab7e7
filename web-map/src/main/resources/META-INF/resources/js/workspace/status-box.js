import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { ask } from './ask.js';

const NEXT = { active: ['suspended', 'closed'], suspended: ['active', 'closed'], closed: ['active'] };
const LABEL = { suspended: 'status.suspend', closed: 'status.close', active: 'status.activate' };

/** Suspend, close or reopen a station; a reason is required for all but reopening. Closing asks first and can be undone. */
export function statusBox(station, { onSaved, onFailed }) {
  const reason = h('input', { id: 'status-reason', maxlength: 200, value: '' });
  const reasonError = h('p', { class: 'field-error', id: 'status-reason-error' });
  reason.setAttribute('aria-describedby', 'status-reason-error');
  const change = async (status) => {
    reasonError.textContent = '';
    if (status !== 'active' && !reason.value.trim()) {
      reasonError.textContent = t('status.reasonRequired');
      reason.setAttribute('aria-invalid', 'true');
      reason.focus();
      return;
    }
    // Closing or suspending takes the station off workers' maps: asked first, and undone by the next click.
    if (status !== 'active' && !(await ask({ title: t(`status.confirm.${status}`, { name: station.name }), detail: reason.value.trim(),
      yes: t(LABEL[status]), no: t('status.keep'), danger: true }))) return;
    try {
      const saved = await api.changeStatus(station.code, { status, reason: reason.value.trim() || null, version: station.version });
      const previous = { status: station.status, reason: station.statusReason || null };
      onSaved(saved, { kind: 'info', title: t('status.changedTo', { status: t(`status.${status}`) }),
        actions: [{ id: 'undo-status', label: t(previous.status === 'active' ? 'status.undoReopen' : 'status.undo'), onClick: () => undo(saved, previous) }] });
    } catch (err) {
      onFailed(err);
    }
  };
  const undo = async (saved, previous) => {
    try {
      const back = await api.changeStatus(station.code, { status: previous.status,
        reason: previous.status === 'active' ? null : previous.reason || t('status.undoReason'), version: saved.version });
      onSaved(back, { kind: 'info', title: t('status.undone', { status: t(`status.${previous.status}`) }) });
    } catch (err) {
      onFailed(err);
    }
  };
  return h('section', { class: 'status-section' },
    h('h3', { class: 'ws-section-title' }, t('status.change')),
    h('div', { class: 'status-box' },
      h('div', { class: 'field' }, h('label', { for: 'status-reason' }, t('field.statusReason')), reason, reasonError),
      (NEXT[station.status] || []).map((c) => h('button', { type: 'button', class: c === 'active' ? 'secondary' : 'danger', 'data-status': c, onclick: () => change(c) }, t(LABEL[c])))));
}
