import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { measured, openingState, openingClass, stationName } from './format.js';
import { amenityIcon } from './icons.js';

/**
 * One row per station: a button that opens it, readable without the map. `kind` says how the
 * distance was measured (see format.measured); along a route, rows are numbered as on the map.
 */
function row(station, index, { onSelect, kind }) {
  const opening = openingState(station);
  const far = measured(station, kind);
  // Each icon is an image named by its label, so the button reads "... microwave, seating".
  const icons = station.amenities.map((key, i) => amenityIcon(key, { label: station.amenityLabels[i], className: 'amenity-icon' }));
  return h('li', { class: 'station-row' },
    h('button', {
      type: 'button', class: 'station-button', 'data-code': station.code, 'data-kind': kind,
      'data-route-meters': kind === 'walk' || kind === 'ride' ? station.routeMeters : null, onclick: () => onSelect(station.code),
    },
      h('span', { class: 'row-top' },
        kind === 'route' ? h('span', { class: 'stop-number', 'aria-hidden': 'true' }, String(index + 1)) : null,
        h('span', { class: 'station-name' }, stationName(station)),
        h('span', { class: 'station-distance' }, far.label)),
      h('span', { class: 'row-mid' },
        h('span', { class: `open-state ${openingClass(opening)}` }, opening.text),
        h('span', { class: 'times' }, far.detail)),
      h('span', { class: 'row-icons' }, icons)));
}

export function renderList(listEl, stations, { onSelect, kind = 'straight' }) {
  clear(listEl);
  listEl.setAttribute('aria-busy', 'false');
  listEl.append(...stations.map((s, i) => row(s, i, { onSelect, kind })));
}

export function renderListMessage(listEl, key, busy = false) {
  clear(listEl);
  listEl.setAttribute('aria-busy', String(busy));
  listEl.append(h('li', { class: 'list-message' }, t(key)));
}
