import { h, clear } from './dom.js';
import { t } from './i18n.js';

/** Toggle chips: open now, 24 h, then every amenity with its icon. aria-pressed carries the state. */
export function renderFilters(container, amenities, filters, onChange) {
  clear(container);
  const chip = (label, icon, pressed, toggle, key) =>
    h('button', { type: 'button', class: 'chip', 'aria-pressed': String(pressed), 'data-filter': key, onclick: toggle },
      icon ? h('span', { class: 'chip-icon', 'aria-hidden': 'true' }, icon) : null, label);
  container.append(
    chip(t('filter.openNow'), '🕒', filters.openNow, () => onChange({ ...filters, openNow: !filters.openNow }), 'openNow'),
    chip(t('filter.alwaysOpen'), '🌙', filters.alwaysOpen, () => onChange({ ...filters, alwaysOpen: !filters.alwaysOpen }), 'alwaysOpen'),
    ...amenities.map((a) => {
      const on = filters.amenities.includes(a.key);
      const next = on ? filters.amenities.filter((k) => k !== a.key) : [...filters.amenities, a.key];
      return chip(a.label, a.icon, on, () => onChange({ ...filters, amenities: next }), a.key);
    }));
}
