// "Along my route": the route drawn on the map (its line, the corridor searched and the stops
// found, numbered as in the list) and the panel above the list (corridor width, share, paste).
// Routes are kept in WGS-84 rounded to the polyline's precision; the map may be in GCJ-02.
import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { distance } from './format.js';
import { convert } from './crs.js';
import { parseRoute } from './route-codec.js';
import { metresBetween } from './offline.js';
import { copyButton } from './detail.js';

/** Corridor half-widths offered (the API takes 1-1000 m, default 300). */
export const BUFFERS = [100, 300, 500, 1000];
export const DEFAULT_BUFFER = 300;
// Wider than this on screen, the corridor would only hide the map.
const MAX_CORRIDOR_PX = 240;
const EARTH_CIRCUMFERENCE_M = 40_075_016.686;

/** Length of a WGS-84 route on the sphere (the API's own figure replaces it once answered). */
export function routeLength(points) {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += metresBetween(points[i - 1], points[i]);
  return total;
}

export class RouteLayer {
  constructor(map, crs) {
    this.map = map;
    this.crs = crs;
    this.buffer = DEFAULT_BUFFER;
    // The corridor: a line as wide on screen as the searched band is on the ground.
    this.corridor = L.polyline([], { color: '#1565c0', opacity: 0.16, lineCap: 'round', lineJoin: 'round', interactive: false });
    this.line = L.polyline([], { color: '#0d47a1', weight: 4, opacity: 0.9, interactive: false });
    this.vertices = L.layerGroup();
    this.stops = L.layerGroup();
    this.group = L.layerGroup([this.corridor, this.line, this.vertices, this.stops]);
    map.on('zoomend', () => this.fitCorridor());
  }

  toMap(p) {
    const q = convert(p, 'wgs84', this.crs);
    return [q.lat, q.lng];
  }

  /** Draws `points` (WGS-84) with a corridor `buffer` metres either side. */
  show(points, buffer) {
    this.buffer = buffer;
    this.points = points;
    const latLngs = points.map((p) => this.toMap(p));
    this.line.setLatLngs(latLngs);
    this.corridor.setLatLngs(latLngs);
    this.vertices.clearLayers();
    latLngs.forEach((ll, i) => this.vertices.addLayer(L.circleMarker(ll, {
      radius: i === 0 || i === latLngs.length - 1 ? 7 : 5, color: '#0d47a1', weight: 2, fillColor: i === 0 ? '#2e7d32' : '#fff', fillOpacity: 1, interactive: false,
    })));
    if (!this.map.hasLayer(this.group)) this.group.addTo(this.map);
    this.fitCorridor();
  }

  fitCorridor() {
    if (!this.points?.length) return;
    const lat = this.points.reduce((sum, p) => sum + p.lat, 0) / this.points.length;
    const metresPerPixel = (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / 2 ** (this.map.getZoom() + 8);
    this.corridor.setStyle({ weight: Math.min(MAX_CORRIDOR_PX, Math.max(6, (2 * this.buffer) / metresPerPixel)) });
  }

  /** Numbered stops (stations already in the map's crs), in the order along the route. */
  showStops(stations, onSelect) {
    this.stops.clearLayers();
    stations.forEach((s, i) => {
      const label = t('route.stop', { n: i + 1, name: s.name });
      const marker = L.marker([s.location.lat, s.location.lng], {
        icon: L.divIcon({ className: 'route-stop', html: '', iconSize: [26, 26], iconAnchor: [13, 13] }),
        keyboard: true, title: label, alt: label, zIndexOffset: 500,
      });
      // The number is text set after the marker exists: no HTML is built from data.
      marker.on('add', () => { marker.getElement().textContent = String(i + 1); });
      marker.on('click', () => onSelect(s.code));
      this.stops.addLayer(marker);
    });
  }

  fit() {
    if (this.line.getLatLngs().length >= 2) this.map.fitBounds(this.line.getBounds(), { padding: [28, 28], maxZoom: 16 });
  }

  hide() {
    this.points = [];
    this.stops.clearLayers();
    this.group.remove();
  }
}

/** A corridor width as a chip says it: short enough for four in a row on a 360 px phone. */
function widthLabel(m) {
  return m < 1000 ? distance(m) : t('distance.km', { n: m / 1000 });
}

/**
 * The panel heading the list in route mode: the route's length and its link, the corridor
 * width, and while drawing a box to paste a route into. (Edit and close are on the map's bar.)
 * `route`: {points, buffer, drawing, length}; `shareUrl`: the route's link or null; handlers:
 * onBuffer(metres), onPaste({points, buffer}).
 */
export function renderRoutePanel(container, route, { shareUrl, onBuffer, onPaste }) {
  clear(container);
  const enough = route.points.length >= 2;
  const summary = enough
    ? t('route.summary', { length: distance(route.length ?? routeLength(route.points)), n: route.points.length })
    : t('route.prompt');
  const chips = BUFFERS.map((m) => h('button', {
    type: 'button', class: 'chip chip-small', 'aria-pressed': String(route.buffer === m), 'data-buffer': m, onclick: () => onBuffer(m),
  }, widthLabel(m)));
  // Element.append would write a null as the text "null": drop absent parts first.
  container.append(...[
    h('div', { class: 'route-head' },
      h('p', { class: 'route-summary', id: 'route-summary' }, summary),
      enough && shareUrl
        ? h('p', { class: 'share route-share' }, h('a', { id: 'route-share', href: shareUrl, class: 'share-link' }, t('route.share')), copyButton(shareUrl))
        : null),
    h('div', { class: 'route-buffer', role: 'group', 'aria-labelledby': 'route-buffer-label' },
      h('span', { id: 'route-buffer-label', class: 'route-buffer-label' }, t('route.buffer')), chips),
    route.drawing ? pasteBox(onPaste, !enough) : null,
  ].filter(Boolean));
}

function pasteBox(onPaste, open) {
  const input = h('input', {
    id: 'route-paste-input', type: 'text', inputmode: 'url', autocomplete: 'off', spellcheck: 'false', enterkeyhint: 'go',
  });
  const error = h('p', { id: 'route-paste-error', class: 'route-paste-error', 'aria-live': 'polite' });
  const form = h('form', { class: 'route-paste-form', novalidate: true },
    h('label', { for: 'route-paste-input', class: 'form-label' }, t('route.paste.label')),
    h('span', { class: 'route-paste-row' }, input, h('button', { type: 'submit', class: 'small-button' }, t('route.paste.use'))),
    error);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const parsed = parseRoute(input.value);
    if (parsed) onPaste(parsed);
    else error.textContent = t('route.paste.invalid');
  });
  return h('details', { class: 'route-paste', id: 'route-paste', open: open || null }, h('summary', {}, t('route.paste')), form);
}
