import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { distance, travelTimes, openingState, stationName } from './format.js';

/** One row per station: a button that opens it, readable without the map. */
function row(station, amenityIcons, onSelect) {
  const opening = openingState(station);
  const times = travelTimes(station.distanceMeters);
  const icons = station.amenities.map((key, i) => h('span', { class: 'amenity-icon', title: station.amenityLabels[i] }, amenityIcons.get(key) || '•'));
  return h('li', { class: 'station-row' },
    h('button', { type: 'button', class: 'station-button', 'data-code': station.code, onclick: () => onSelect(station.code) },
      h('span', { class: 'row-top' },
        h('span', { class: 'station-name' }, stationName(station)),
        h('span', { class: 'station-distance' }, distance(station.distanceMeters))),
      h('span', { class: 'row-mid' },
        h('span', { class: `open-state ${opening.open ? 'is-open' : 'is-closed'}` }, opening.text),
        h('span', { class: 'times' }, `${times.walk} · ${times.ride}`)),
      h('span', { class: 'row-icons', 'aria-label': station.amenityLabels.join('、') }, icons)));
}

export function renderList(listEl, stations, { amenityIcons, onSelect }) {
  clear(listEl);
  listEl.setAttribute('aria-busy', 'false');
  listEl.append(...stations.map((s) => row(s, amenityIcons, onSelect)));
}

export function renderListMessage(listEl, key, busy = false) {
  clear(listEl);
  listEl.setAttribute('aria-busy', String(busy));
  listEl.append(h('li', { class: 'list-message' }, t(key)));
}
