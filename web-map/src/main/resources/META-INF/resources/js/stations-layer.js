import { api } from './api.js';
import { t } from './i18n.js';

const DEBOUNCE_MS = 300;
const LIMIT = 2000;
const CACHE_SIZE = 24;
const CACHE_TTL_MS = 120_000;

/** Snaps outward to a grid that scales with zoom, so small pans reuse the same request. */
function snappedBox(bounds, zoom) {
  const step = Math.min(8, 2 ** (8 - zoom));
  const floor = (v) => Math.floor(v / step) * step;
  const ceil = (v) => Math.ceil(v / step) * step;
  const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
  return [
    clamp(floor(bounds.getWest()), -180, 180), clamp(floor(bounds.getSouth()), -90, 90),
    clamp(ceil(bounds.getEast()), -180, 180), clamp(ceil(bounds.getNorth()), -90, 90),
  ].map((v) => Number(v.toFixed(6)));
}

const contains = (outer, inner) => outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];

/**
 * Every station in view, clustered. Viewport requests are debounced, a newer one aborts the
 * older, and answers are cached by snapped box; a cached box that covers the view is reused.
 * "Open now" and "24 h" are applied here, on the properties the API returns.
 */
export class StationsLayer {
  constructor(map, { crs, onSelect, onPartial, onError }) {
    this.map = map;
    this.crs = crs;
    this.onSelect = onSelect;
    this.onPartial = onPartial;
    this.onError = onError;
    this.filters = { amenities: [], openNow: false, alwaysOpen: false, lang: 'zh' };
    this.cache = new Map();
    this.markers = new Map();
    this.requests = 0;
    this.cluster = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 48 });
    map.addLayer(this.cluster);
    // Server clusters already carry their counts; the client clusterer must not merge them.
    this.serverClusters = L.layerGroup().addTo(map);
    map.on('moveend', () => this.schedule());
  }

  setFilters(filters) {
    this.filters = { ...filters };
    this.schedule();
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.load(), DEBOUNCE_MS);
  }

  key(box) {
    const f = this.filters;
    return `${this.crs}|${f.lang}|${[...f.amenities].sort().join(',')}|${box.join(',')}`;
  }

  cached(box) {
    const now = Date.now();
    const prefix = this.key([]);
    for (const [key, entry] of this.cache) {
      if (now - entry.at > CACHE_TTL_MS) {
        this.cache.delete(key);
      } else if (key.startsWith(prefix) && !entry.partial && contains(entry.box, box)) {
        return entry;
      }
    }
    return this.cache.get(this.key(box));
  }

  async load() {
    const box = snappedBox(this.map.getBounds(), this.map.getZoom());
    const hit = this.cached(box);
    if (hit) {
      this.controller?.abort();
      this.render(hit);
      return;
    }
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    try {
      this.requests += 1;
      const collection = await api.inBox({ bbox: box, limit: LIMIT, amenities: this.filters.amenities, crs: this.crs, lang: this.filters.lang }, controller.signal);
      const partial = (collection.links || []).some((l) => l.rel === 'next');
      // Too many stations to draw one by one: show the server's counted clusters instead.
      const clusters = partial
        ? (await api.clusters({ bbox: box, columns: this.clusterColumns(box), amenities: this.filters.amenities, crs: this.crs }, controller.signal)).features
        : null;
      const entry = { box, at: Date.now(), features: collection.features, partial, clusters };
      this.cache.set(this.key(box), entry);
      if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value);
      if (this.controller === controller) this.render(entry);
    } catch (e) {
      if (e.name !== 'AbortError') this.onError(e);
    }
  }

  render(entry) {
    if (entry.clusters) {
      this.renderClusters(entry.clusters);
      return;
    }
    this.serverClusters.clearLayers();
    const { openNow, alwaysOpen } = this.filters;
    const shown = entry.features.filter((f) => (!openNow || f.properties.openNow) && (!alwaysOpen || f.properties.alwaysOpen));
    this.cluster.clearLayers();
    this.markers.clear();
    this.cluster.addLayers(shown.map((feature) => this.marker(feature.properties)));
    this.onPartial(entry.partial);
  }

  /** About one cluster per 70 screen pixels along the requested box's longer side. */
  clusterColumns(box) {
    const size = this.map.getSize();
    const view = this.map.getBounds();
    const spanLng = (box[2] - box[0]) / Math.max(1e-9, view.getEast() - view.getWest());
    const spanLat = (box[3] - box[1]) / Math.max(1e-9, view.getNorth() - view.getSouth());
    const pixels = Math.max(size.x * spanLng, size.y * spanLat);
    return Math.min(256, Math.max(8, Math.round(pixels / 70)));
  }

  /** Counted circles for zoomed-out views; a tap zooms in towards the cluster. */
  renderClusters(features) {
    this.cluster.clearLayers();
    this.markers.clear();
    const markers = features.map((f) => {
      const [lng, lat] = f.geometry.coordinates;
      const count = f.properties.count;
      const size = count >= 1000 ? 52 : count >= 100 ? 44 : 36;
      const icon = L.divIcon({ className: 'server-cluster', html: '', iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
      const marker = L.marker([lat, lng], { icon, keyboard: true, title: String(count), alt: String(count) });
      // Six-digit counts do not fit a circle: 124453 shows as 124k (the full count is the title).
      const label = count >= 10_000 ? `${Math.round(count / 1000)}k` : String(count);
      marker.on('add', () => { marker.getElement().textContent = label; });
      marker.on('click', () => this.map.setView([lat, lng], Math.min(this.map.getZoom() + 3, 18)));
      return marker;
    });
    this.serverClusters.clearLayers();
    markers.forEach((m) => this.serverClusters.addLayer(m));
    this.onPartial(false);
  }

  marker(station) {
    const open = station.openNow;
    const icon = L.divIcon({ className: `station-marker ${open ? 'is-open' : 'is-closed'}`, iconSize: [30, 30], iconAnchor: [15, 15] });
    // title is set as a DOM property by Leaflet, so a hostile name stays text.
    const marker = L.marker([station.location.lat, station.location.lng], {
      icon, keyboard: true, title: `${station.name} (${t(open ? 'marker.open' : 'marker.closed')})`, alt: station.name,
    });
    marker.on('click', () => this.onSelect(station.code));
    this.markers.set(station.code, marker);
    return marker;
  }

  /** Brings a station's marker into view (opening its cluster) if it is loaded. */
  reveal(code) {
    const marker = this.markers.get(code);
    if (marker) this.cluster.zoomToShowLayer(marker);
  }
}
