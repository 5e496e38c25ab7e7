import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { distance, travelTimes, openingState, openingClass, stationName } from './format.js';
import { amenityIcon } from './icons.js';

/** One row per station: a button that opens it, readable without the map. */
function row(station, onSelect) {
  const opening = openingState(station);
  const times = travelTimes(station.distanceMeters);
  // Each icon is an image named by its label, so the button reads "... microwave, seating".
  const icons = station.amenities.map((key, i) => amenityIcon(key, { label: station.amenityLabels[i], className: 'amenity-icon' }));
  return h('li', { class: 'station-row' },
    h('button', { type: 'button', class: 'station-button', 'data-code': station.code, onclick: () => onSelect(station.code) },
      h('span', { class: 'row-top' },
        h('span', { class: 'station-name' }, stationName(station)),
        h('span', { class: 'station-distance' }, distance(station.distanceMeters))),
      h('span', { class: 'row-mid' },
        h('span', { class: `open-state ${openingClass(opening)}` }, opening.text),
        h('span', { class: 'times' }, `${times.walk} · ${times.ride}`)),
      h('span', { class: 'row-icons' }, icons)));
}

export function renderList(listEl, stations, { onSelect }) {
  clear(listEl);
  listEl.setAttribute('aria-busy', 'false');
  listEl.append(...stations.map((s) => row(s, onSelect)));
}

export function renderListMessage(listEl, key, busy = false) {
  clear(listEl);
  listEl.setAttribute('aria-busy', String(busy));
  listEl.append(h('li', { class: 'list-message' }, t(key)));
}
