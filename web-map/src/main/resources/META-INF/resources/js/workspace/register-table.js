import { $, h, clear } from '../dom.js';
import { t } from '../i18n.js';

const MAX_ROWS = 2000;

/** Whether a station's properties pass the table's filters: a status and a piece of text. */
export function matches(p, status, text) {
  if (status && p.status !== status) return false;
  if (!text) return true;
  return [p.code, p.name, p.nameEn, p.address, p.division].some((v) => v && v.toLowerCase().includes(text));
}

/**
 * The register's table: the loaded stations that pass the filters (at most MAX_ROWS rows), the
 * open one selected, and the count line. A row's click calls onOpen(code).
 */
export function renderTable({ features, current, byRegion, partial, onOpen }) {
  const status = $('filter-status').value;
  const text = $('filter-text').value.trim().toLowerCase();
  const shown = features.filter((f) => matches(f.properties, status, text));
  const body = clear($('register-table').tBodies[0]);
  body.append(...shown.slice(0, MAX_ROWS).map((f) => {
    const p = f.properties;
    return h('tr', { class: 'clickable', 'data-code': p.code, 'aria-selected': p.code === current ? 'true' : null, onclick: () => onOpen(p.code) },
      h('td', {}, h('button', { type: 'button', class: 'row-link code' }, p.code)),
      h('td', {}, p.name, h('span', { class: 'division' }, p.division || p.adcode)),
      h('td', {}, h('span', { class: `status-pill is-${p.status}` }, t(`status.${p.status}`))));
  }));
  if (!shown.length) body.append(h('tr', {}, h('td', { colspan: 3, class: 'muted' }, t('register.empty'))));
  const count = shown.length === features.length ? t('register.count', { n: features.length })
    : t('register.countOf', { shown: shown.length, n: features.length });
  $('register-count').textContent = `${byRegion ? '' : `${t('register.inView')} · `}${count}${partial ? ` · ${t('register.partial')}` : ''}`;
}

/** The status filter's options, in the page's language, keeping the choice. */
export function renderStatusFilter() {
  const select = $('filter-status');
  const value = select.value;
  clear(select).append(h('option', { value: '' }, t('register.status.all')),
    ...['active', 'suspended', 'closed'].map((s) => h('option', { value: s }, t(`status.${s}`))));
  select.value = value;
}
