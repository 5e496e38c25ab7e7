import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { editorHref } from '../staff-nav.js';
import { fromGps } from '../crs.js';
import { weight as fmtWeight } from './numbers.js';

// Sequential reds for the gap choropleth (ColorBrewer Reds, 5 classes).
const GAP_COLOURS = ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'];
const LAYERS = [
  { key: 'gaps', label: 'layers.gaps', swatch: '#fb6a4a' },
  { key: 'stations', label: 'layers.stations', swatch: '#b71c1c' },
  { key: 'catchments', label: 'layers.catchments', swatch: '#2e7d32' },
  { key: 'uncovered', label: 'layers.uncovered', swatch: '#ef6c00' },
  { key: 'suggestions', label: 'layers.suggestions', swatch: '#0d47a1' },
  { key: 'full', label: 'layers.full', swatch: '#6a1b9a' },
];

/** Up to five class breaks at quantiles of the values, without repeats. */
export function breaks(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return [];
  const out = [];
  for (let i = 1; i <= GAP_COLOURS.length; i++) {
    const v = sorted[Math.min(sorted.length - 1, Math.ceil((i / GAP_COLOURS.length) * sorted.length) - 1)];
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

const text = (s) => h('span', {}, s);

/**
 * Everything the planning view draws: stations with their coverage circles, uncovered demand,
 * the gap choropleth with its legend, suggested sites and the full-coverage plan. Analyses
 * answer in WGS-84; on GCJ-02 tiles every point is shifted to sit on the right street.
 */
export class PlanningLayers {
  constructor(map, { crs }) {
    this.map = map;
    this.crs = crs;
    this.renderer = L.canvas({ padding: 0.3 });
    map.createPane('gaps').style.zIndex = 350;
    this.groups = Object.fromEntries(LAYERS.map((l) => [l.key, L.layerGroup().addTo(map)]));
    this.legend = L.control({ position: 'bottomright' });
    this.legend.onAdd = () => h('div', { class: 'gap-legend', id: 'gap-legend' });
    this.legend.addTo(map);
    this.gapState = null;
  }

  at(lat, lng) {
    const p = fromGps(lat, lng, this.crs);
    return [p.lat, p.lng];
  }

  /**
   * Active stations from the public GeoJSON, each with its coverage circle when reach is a
   * straight-line radius (on the road network, {@link setCatchments} draws the streets instead).
   */
  setStations(features, radiusMeters) {
    const group = this.groups.stations.clearLayers();
    for (const f of features) {
      const [lng, lat] = f.geometry.coordinates;
      const here = this.at(lat, lng);
      if (radiusMeters) L.circle(here, { radius: radiusMeters, renderer: this.renderer, color: '#b71c1c', weight: 1, opacity: 0.6, fillColor: '#e57373', fillOpacity: 0.12, interactive: false }).addTo(group);
      const p = f.properties;
      L.marker(here, { icon: L.divIcon({ className: 'plan-station', iconSize: [14, 14] }), keyboard: false, title: `${p.name} ${p.code}` })
        .bindTooltip(text(t('station.popup', { name: p.name, code: p.code })))
        // Staff go from a station on the plan to its editor (the redundancy table links there too).
        .on('click', () => location.assign(editorHref(p.code))).addTo(group);
    }
  }

  /** Each station's catchment on the road network: the streets from which it is reached in time. */
  setCatchments(features) {
    const group = this.groups.catchments.clearLayers();
    for (const f of features) {
      if (f.geometry.type !== 'MultiLineString') continue;
      const lines = f.geometry.coordinates.map((line) => line.map(([lng, lat]) => this.at(lat, lng)));
      L.polyline(lines, { renderer: this.renderer, color: '#2e7d32', weight: 3, opacity: 0.55, interactive: false })
        .addTo(group);
    }
  }

  setUncovered(points) {
    const group = this.groups.uncovered.clearLayers();
    for (const p of points) {
      L.circleMarker(this.at(p.lat, p.lng), { renderer: this.renderer, radius: 3 + Math.min(5, Math.sqrt(p.weight)), color: '#fff', weight: 1, fillColor: '#ef6c00', fillOpacity: 0.9 })
        .bindTooltip(text(t('uncovered.popup', { weight: fmtWeight(p.weight), group: p.group }))).addTo(group);
    }
  }

  setGaps(collection, cellMeters) {
    const group = this.groups.gaps.clearLayers();
    const values = collection.features.map((f) => f.properties.uncoveredWeight);
    const classes = breaks(values);
    const colour = (v) => GAP_COLOURS[Math.max(0, classes.findIndex((b) => v <= b)) + (GAP_COLOURS.length - classes.length)];
    for (const f of collection.features) {
      const ring = f.geometry.coordinates[0].map(([lng, lat]) => this.at(lat, lng));
      const { uncoveredWeight, points } = f.properties;
      L.polygon(ring, { pane: 'gaps', color: '#7f0000', weight: 0.5, fillColor: colour(uncoveredWeight), fillOpacity: 0.7, className: 'gap-cell' })
        .bindTooltip(text(t('gap.popup', { weight: fmtWeight(uncoveredWeight), points }))).addTo(group);
    }
    this.gapState = { classes, cellMeters };
    this.renderLegend();
  }

  renderLegend() {
    const box = document.getElementById('gap-legend');
    if (!box) return;
    clear(box);
    if (!this.gapState) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    const { classes, cellMeters } = this.gapState;
    box.append(h('strong', {}, t('legend.title')), h('span', {}, t('legend.cell', { cell: cellMeters })));
    if (!classes.length) box.append(h('div', {}, t('legend.none')));
    const offset = GAP_COLOURS.length - classes.length;
    classes.forEach((upper, i) => {
      const lower = i === 0 ? 0 : classes[i - 1];
      box.append(h('div', { class: 'row' }, h('span', { class: 'box', style: `background:${GAP_COLOURS[i + offset]}` }),
        `${i === 0 ? '≤' : `${fmtWeight(lower)} –`} ${fmtWeight(upper)}`));
    });
  }

  /** Numbered markers for suggested sites; the number is the greedy rank. */
  setSuggestions(sites, describe) {
    const group = this.groups.suggestions.clearLayers();
    for (const s of sites) {
      const icon = L.divIcon({ className: '', html: h('span', { class: 'suggest-marker', 'data-rank': s.rank }, String(s.rank)), iconSize: [26, 26], iconAnchor: [13, 13] });
      L.marker(this.at(s.location.lat, s.location.lng), { icon, zIndexOffset: 1000, title: describe(s) })
        .bindTooltip(text(describe(s)), { direction: 'top', offset: [0, -12] }).addTo(group);
      // A circle only for straight-line reach: on the road network it would promise what the streets do not.
      if (this.radius) L.circle(this.at(s.location.lat, s.location.lng), { radius: this.radius, renderer: this.renderer, color: '#0d47a1', weight: 2, dashArray: '6 4', fill: false, interactive: false }).addTo(group);
    }
  }

  setFullCover(sites, describe) {
    const group = this.groups.full.clearLayers();
    for (const s of sites) {
      L.marker(this.at(s.location.lat, s.location.lng), { icon: L.divIcon({ className: 'full-marker', iconSize: [12, 12] }), keyboard: false, title: describe(s) })
        .bindTooltip(text(describe(s))).addTo(group);
    }
  }

  clearAnalyses() {
    for (const key of ['uncovered', 'gaps', 'suggestions', 'full']) this.groups[key].clearLayers();
    this.gapState = null;
    this.renderLegend();
  }

  /** Fits the map to the given WGS-84 points (uncovered demand, gap cells), if there are any. */
  fit(latLngs) {
    if (!latLngs.length) return;
    this.map.fitBounds(L.latLngBounds(latLngs.map(([lat, lng]) => this.at(lat, lng))), { padding: [30, 30], maxZoom: 14 });
  }

  focus(lat, lng) {
    this.map.setView(this.at(lat, lng), Math.max(this.map.getZoom(), 14));
  }

  renderToggles(box) {
    clear(box);
    box.append(h('legend', {}, t('layers.title')));
    for (const l of LAYERS) {
      const group = this.groups[l.key];
      const input = h('input', { type: 'checkbox', 'data-layer': l.key, onchange: (e) => (e.target.checked ? group.addTo(this.map) : group.remove()) });
      input.checked = this.map.hasLayer(group);
      box.append(h('label', {}, input, h('span', { class: 'swatch', style: `background:${l.swatch}` }), t(l.label)));
    }
  }
}
