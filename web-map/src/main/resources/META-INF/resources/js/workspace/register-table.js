import { $, h, clear } from '../dom.js';
import { t } from '../i18n.js';

/**
 * One page of the register search as table rows, the open station selected. A row's click (or
 * its code button, for the keyboard) calls onOpen(code). Station text goes in as text nodes.
 */
export function renderTable({ items, current, onOpen }) {
  const body = clear($('register-table').tBodies[0]);
  body.append(...items.map((p) => h('tr', { class: 'clickable', 'data-code': p.code, 'aria-selected': p.code === current ? 'true' : null, onclick: () => onOpen(p.code) },
    h('td', {}, h('button', { type: 'button', class: 'row-link code' }, p.code)),
    h('td', {}, p.name,
      h('span', { class: 'division' }, [p.district || p.adcode, p.address].filter(Boolean).join(' · '))),
    h('td', {}, h('span', { class: `status-pill is-${p.status}` }, t(`status.${p.status}`)),
      p.needsChecking ? h('span', { class: 'check-pill', title: t('register.needsChecking') }, t('register.needsCheckingShort')) : null,
      p.openReports ? h('span', { class: 'check-pill' }, t('register.openReports', { n: p.openReports })) : null))));
  if (!items.length) body.append(h('tr', {}, h('td', { colspan: 3, class: 'muted' }, t('register.empty'))));
}

/** The status filter's options, in the page's language, keeping the choice. */
export function renderStatusFilter() {
  const select = $('filter-status');
  const value = select.value;
  clear(select).append(h('option', { value: '' }, t('register.status.all')),
    ...['active', 'suspended', 'closed'].map((s) => h('option', { value: s }, t(`status.${s}`))));
  select.value = value;
}

/** The amenity filter's options from the API's vocabulary, keeping the choice. */
export function renderAmenityFilter(amenities) {
  const select = $('filter-amenity');
  const value = select.value;
  clear(select).append(h('option', { value: '' }, t('register.amenity.all')),
    ...amenities.map((a) => h('option', { value: a.key }, a.label)));
  select.value = value;
}

const SORTS = [['code', 'asc'], ['name', 'asc'], ['district', 'asc'], ['status', 'asc'], ['updated', 'desc']];

/** The sort choices ("name asc"), keeping the choice. */
export function renderSortChoice() {
  const select = $('filter-sort');
  const value = select.value || 'code asc';
  clear(select).append(...SORTS.map(([key, order]) => h('option', { value: `${key} ${order}` }, t(`register.sort.${key}`))));
  select.value = value;
}
