import { h, clear } from '../dom.js';
import { t, language } from '../i18n.js';
import { api } from '../api.js';
import { problemMessage } from '../problem.js';

const FIELD_KEYS = {
  name: 'field.name', nameEn: 'field.nameEn', address: 'field.address', lat: 'field.lat', lng: 'field.lng',
  adcode: 'field.adcode', hostType: 'field.hostType', hostOrganisation: 'field.hostOrganisation',
  contactPerson: 'field.contactPerson', contactPhone: 'field.contactPhone', openingHours: 'field.openingHours',
  amenities: 'field.amenities', status: 'field.status', statusReason: 'field.statusReason', floorArea: 'field.floorArea',
  code: 'field.code',
};

function when(instant) {
  return new Intl.DateTimeFormat(language() === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).format(new Date(instant));
}

function value(field, v, amenityLabels) {
  if (v == null || v === '' || (Array.isArray(v) && v.length === 0)) return t('history.empty.value');
  if (Array.isArray(v)) return v.map((k) => (field === 'amenities' ? amenityLabels.get(k) || k : k)).join('、');
  const key = String(v).toLowerCase();
  if (field === 'status' && ['active', 'suspended', 'closed'].includes(key)) return t(`status.${key}`);
  if (field === 'hostType' && ['self_built', 'co_built'].includes(key)) return t(`host.${key}`);
  return String(v);
}

function entry(e, amenityLabels) {
  const changes = Object.entries(e.changes || {});
  // A creation (by the form or by an import) sets values: there is nothing before them to strike out.
  const isCreate = e.action === 'create' || (changes.length > 0 && changes.every(([, c]) => !('before' in (c || {}))));
  const actionKey = `history.action.${e.action}`;
  return h('li', { class: `history-entry action-${e.action}` },
    h('div', { class: 'entry-head' },
      h('span', { class: 'when' }, when(e.changedAt)),
      h('span', { class: 'action' }, t(actionKey) === actionKey ? e.action : t(actionKey)),
      ' · ', h('span', { class: 'who' }, e.changedBy)),
    // An import's reason is the file it came from.
    e.reason ? h('p', { class: 'reason' }, t(e.action === 'import' ? 'history.importFile' : 'history.reason', { reason: e.reason, file: e.reason })) : null,
    changes.length ? h('dl', { class: 'changes' }, changes.flatMap(([field, c]) => [
      h('dt', { 'data-field': field }, FIELD_KEYS[field] ? t(FIELD_KEYS[field]) : field),
      h('dd', { 'data-field': field },
        isCreate ? null : h('span', { class: 'before' }, value(field, c.before, amenityLabels)),
        isCreate ? null : h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'),
        isCreate ? h('span', { class: 'visually-hidden' }, `${t('history.set')} `) : null,
        h('span', { class: 'after' }, value(field, c.after, amenityLabels))),
    ])) : null);
}

/** The station's change history, newest first, each change as field: before → after. */
export async function renderHistory(container, code, { amenityLabels = new Map() } = {}) {
  clear(container).append(h('p', { class: 'muted' }, t('history.loading')));
  try {
    const answer = await api.history(code);
    clear(container);
    if (!answer.entries.length) container.append(h('p', { class: 'muted' }, t('history.empty')));
    else container.append(h('ol', { class: 'timeline', id: 'history-list' }, answer.entries.map((e) => entry(e, amenityLabels))));
  } catch (e) {
    const { title, detail } = problemMessage(e);
    clear(container).append(h('p', { class: 'field-error' }, detail ? `${title}: ${detail}` : title));
  }
}
