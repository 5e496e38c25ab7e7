import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { icon, amenityIcon } from './icons.js';

let amenitiesOpen = false;

/**
 * Toggle chips (aria-pressed carries the state): open now, 24 h, and a disclosure with every
 * amenity and its icon; the disclosure shows how many amenities are chosen while closed.
 */
export function renderFilters(container, amenities, filters, onChange) {
  clear(container);
  const chip = (label, glyph, pressed, toggle, key) =>
    h('button', { type: 'button', class: 'chip', 'aria-pressed': String(pressed), 'data-filter': key, onclick: toggle },
      glyph, label);
  container.append(
    chip(t('filter.openNow'), icon('clock', { className: 'chip-icon' }), filters.openNow, () => onChange({ ...filters, openNow: !filters.openNow }), 'openNow'),
    chip(t('filter.alwaysOpen'), icon('moon', { className: 'chip-icon' }), filters.alwaysOpen, () => onChange({ ...filters, alwaysOpen: !filters.alwaysOpen }), 'alwaysOpen'));
  const chosen = filters.amenities.length;
  const panel = h('div', { id: 'amenity-filters', class: 'amenity-filters', role: 'group', 'aria-label': t('filter.amenities'), hidden: !amenitiesOpen },
    amenities.map((a) => {
      const on = filters.amenities.includes(a.key);
      const next = on ? filters.amenities.filter((k) => k !== a.key) : [...filters.amenities, a.key];
      return chip(a.label, amenityIcon(a.key, { className: 'chip-icon' }), on, () => onChange({ ...filters, amenities: next }), a.key);
    }));
  const toggle = h('button', {
    type: 'button', id: 'amenity-toggle', class: `chip disclosure${chosen ? ' has-choice' : ''}`,
    'aria-expanded': String(amenitiesOpen), 'aria-controls': 'amenity-filters',
  }, icon('filter', { className: 'chip-icon' }), chosen ? t('filter.amenitiesChosen', { n: chosen }) : t('filter.amenities'),
  icon(amenitiesOpen ? 'collapse' : 'expand', { className: 'caret' }));
  toggle.addEventListener('click', () => {
    amenitiesOpen = !amenitiesOpen;
    renderFilters(container, amenities, filters, onChange);
    document.getElementById('amenity-toggle').focus();
  });
  container.append(toggle, panel);
}
