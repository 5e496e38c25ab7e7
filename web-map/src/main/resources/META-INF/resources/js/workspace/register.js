import { $, h, clear } from '../dom.js';
import { t, language } from '../i18n.js';
import { api } from '../api.js';
import { CHINA, addBaseLayer } from '../tiles.js';
import { showProblem } from '../alerts.js';
import { renderEditor } from './editor.js';

const STATUSES = 'active,suspended,closed';
const PAGE = 5000;
const MAX_PAGES = 20;
const VIEWPORT_DEBOUNCE_MS = 300;
const PAD_DEG = 0.02; // covers the GCJ-02 shift when the map is on Amap tiles
const MAX_ROWS = 2000;
// Without regions (admins) the view is the query: below this zoom it would be the whole country.
const MIN_VIEWPORT_ZOOM = 9;

/**
 * The register: every station of the account's regions on the map and in a table, and the
 * station form beside the map. Admins (no regions) see the stations in the map's view.
 */
export function createRegister({ me, regions, amenities, counties, mapCrs, tiles, start, onSignedOut }) {
  const byRegion = me.role !== 'admin' && regions.length > 0;
  let features = [];
  let mode = 'list';
  let current = null; // the open station's code
  let editor = null;
  let loadController;
  let viewportTimer;

  const map = L.map('map', { center: start ? [start.lat, start.lng] : CHINA.center, zoom: start?.zoom ?? (start ? 16 : CHINA.zoom) });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  addBaseLayer(map, tiles, (available) => {
    clear($('map-notices'));
    if (!available) $('map-notices').append(h('p', { class: 'notice notice-tiles' }, t('tiles.offline')));
  });
  const cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, disableClusteringAtZoom: 15 });
  map.addLayer(cluster);
  let pinMarker = null;
  const pin = {
    place(point, { draggable }) {
      if (!pinMarker) {
        pinMarker = L.marker([point.lat, point.lng], {
          icon: L.divIcon({ className: 'edit-marker', iconSize: [30, 30], iconAnchor: [15, 15] }),
          draggable, zIndexOffset: 2000, keyboard: false, title: t('field.location'), alt: t('field.location'),
        }).addTo(map);
        pinMarker.on('dragend', () => editor?.setLocation(pinMarker.getLatLng()));
      } else {
        pinMarker.setLatLng([point.lat, point.lng]);
      }
      if (draggable) pinMarker.dragging?.enable();
      else pinMarker.dragging?.disable();
      if (!map.getBounds().pad(-0.1).contains([point.lat, point.lng])) map.panTo([point.lat, point.lng]);
    },
    clear() {
      pinMarker?.remove();
      pinMarker = null;
    },
  };

  map.on('click', (e) => {
    if (mode === 'new') editor?.setLocation(e.latlng);
  });
  if (!byRegion) map.on('moveend', () => {
    clearTimeout(viewportTimer);
    viewportTimer = setTimeout(load, VIEWPORT_DEBOUNCE_MS);
  });

  /* Loading */
  async function fetchAll(bbox, signal) {
    let page = await api.inBox({ bbox, limit: PAGE, status: STATUSES, crs: mapCrs, lang: language() }, signal);
    const out = [...page.features];
    let partial = false;
    for (let i = 1; i < MAX_PAGES; i++) {
      const next = (page.links || []).find((l) => l.rel === 'next');
      if (!next) return { features: out, partial };
      page = await api.follow(next.href, signal);
      out.push(...page.features);
    }
    partial = (page.links || []).some((l) => l.rel === 'next');
    return { features: out, partial };
  }

  async function load() {
    loadController?.abort();
    const controller = new AbortController();
    loadController = controller;
    $('register-count').textContent = t('register.loading');
    try {
      let loaded = [];
      let partial = false;
      if (byRegion) {
        for (const region of regions.filter((r) => r.extent)) {
          const [w, s, e, n] = region.extent;
          const answer = await fetchAll([w - PAD_DEG, s - PAD_DEG, e + PAD_DEG, n + PAD_DEG].map((v) => Number(v.toFixed(6))), controller.signal);
          loaded.push(...answer.features.filter((f) => f.properties.adcode.startsWith(region.prefix)));
          partial ||= answer.partial;
        }
        const seen = new Set();
        loaded = loaded.filter((f) => !seen.has(f.id) && seen.add(f.id));
      } else if (map.getZoom() < MIN_VIEWPORT_ZOOM) {
        features = [];
        renderMarkers();
        renderTable();
        $('register-count').textContent = t('register.zoomIn');
        return;
      } else {
        const b = map.getBounds();
        const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => Number(Math.max(-180, Math.min(180, v)).toFixed(6)));
        bbox[1] = Math.max(-90, Math.min(90, bbox[1]));
        bbox[3] = Math.max(-90, Math.min(90, bbox[3]));
        const answer = await fetchAll(bbox, controller.signal);
        loaded = answer.features;
        partial = answer.partial;
      }
      if (loadController !== controller) return;
      features = loaded;
      renderMarkers();
      renderTable(partial);
    } catch (e) {
      if (e.name === 'AbortError') return;
      if (e.status === 401) onSignedOut();
      else showProblem($('ws-alerts'), e);
    }
  }

  function fitRegions() {
    const boxes = regions.filter((r) => r.extent).map((r) => r.extent);
    if (!boxes.length) return;
    const bounds = L.latLngBounds(boxes.flatMap(([w, s, e, n]) => [[s, w], [n, e]]));
    map.fitBounds(bounds.pad(0.05), { maxZoom: 15 });
  }

  /* Map and table */
  function renderMarkers() {
    cluster.clearLayers();
    cluster.addLayers(features.map((f) => {
      const p = f.properties;
      const css = p.status === 'active' ? 'is-open' : p.status === 'suspended' ? 'is-suspended' : 'is-closed-down';
      const marker = L.marker([p.location.lat, p.location.lng], {
        icon: L.divIcon({ className: `station-marker ${css}`, iconSize: [24, 24], iconAnchor: [12, 12] }),
        title: `${p.name} · ${p.code}`, alt: p.name, keyboard: true,
      });
      // While placing a new station, a click on a neighbour places it there rather than leaving the form.
      marker.on('click', (e) => (mode === 'new' ? editor?.setLocation(e.latlng) : open(p.code)));
      return marker;
    }));
  }

  function matches(p, status, text) {
    if (status && p.status !== status) return false;
    if (!text) return true;
    return [p.code, p.name, p.nameEn, p.address, p.division].some((v) => v && v.toLowerCase().includes(text));
  }

  function renderTable(partial = false) {
    const status = $('filter-status').value;
    const text = $('filter-text').value.trim().toLowerCase();
    const shown = features.filter((f) => matches(f.properties, status, text));
    const body = clear($('register-table').tBodies[0]);
    body.append(...shown.slice(0, MAX_ROWS).map((f) => {
      const p = f.properties;
      return h('tr', { class: 'clickable', 'data-code': p.code, 'aria-selected': p.code === current ? 'true' : null, onclick: () => open(p.code) },
        h('td', {}, h('button', { type: 'button', class: 'row-link code' }, p.code)),
        h('td', {}, p.name, h('span', { class: 'division' }, p.division || p.adcode)),
        h('td', {}, h('span', { class: `status-pill is-${p.status}` }, t(`status.${p.status}`))));
    }));
    if (!shown.length) body.append(h('tr', {}, h('td', { colspan: 3, class: 'muted' }, t('register.empty'))));
    const count = shown.length === features.length ? t('register.count', { n: features.length })
      : t('register.countOf', { shown: shown.length, n: features.length });
    $('register-count').textContent = `${byRegion ? '' : `${t('register.inView')} · `}${count}${partial ? ` · ${t('register.partial')}` : ''}`;
  }

  /* Panes */
  function showPane(which) {
    $('list-pane').hidden = which !== 'list';
    $('station-pane').hidden = which === 'list';
  }

  function setHash(value) {
    history.replaceState(null, '', `${location.pathname}${location.search}${value ? `#${value}` : ''}`);
  }

  function back() {
    mode = 'list';
    current = null;
    editor = null;
    pin.clear();
    setHash('');
    showPane('list');
    renderTable();
  }

  function editorOptions(station, flash) {
    return {
      station, me, amenities: amenities(), counties, mapCrs, pin, flash,
      onBack: back,
      onReload: (code) => open(code),
      onSaved: (saved, message) => {
        load();
        open(saved.code, { flash: message });
      },
    };
  }

  function newStation() {
    mode = 'new';
    current = null;
    pin.clear();
    clear($('ws-alerts'));
    setHash('new');
    showPane('station');
    editor = renderEditor($('station-pane'), editorOptions(null));
    $('editor-title').focus();
  }

  async function open(code, { flash } = {}) {
    mode = 'edit';
    current = code;
    pin.clear();
    clear($('ws-alerts'));
    setHash(`code=${encodeURIComponent(code)}`);
    showPane('station');
    clear($('station-pane')).append(h('p', { class: 'muted' }, t('detail.loading')));
    try {
      const station = await api.station(code, { crs: mapCrs, lang: language() });
      if (current !== code) return;
      editor = renderEditor($('station-pane'), editorOptions(station, flash));
      map.setView([station.location.lat, station.location.lng], Math.max(map.getZoom(), 16));
      $('editor-title').focus({ preventScroll: true });
    } catch (e) {
      if (e.status === 401) {
        onSignedOut();
        return;
      }
      back();
      showProblem($('ws-alerts'), e);
    }
  }

  function renderStatusFilter() {
    const select = $('filter-status');
    const value = select.value;
    clear(select).append(h('option', { value: '' }, t('register.status.all')),
      ...['active', 'suspended', 'closed'].map((s) => h('option', { value: s }, t(`status.${s}`))));
    select.value = value;
  }

  $('filter-status').addEventListener('change', () => renderTable());
  $('filter-text').addEventListener('input', () => renderTable());
  $('new-station').hidden = me.role === 'viewer';
  $('new-station').addEventListener('click', newStation);
  renderStatusFilter();

  if (byRegion && !start) fitRegions();
  load();
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (hash.get('code')) open(hash.get('code'));
  else if (location.hash === '#new' && me.role !== 'viewer') newStation();

  return {
    map,
    rerender() {
      renderStatusFilter();
      load();
      if (mode === 'edit' && current) open(current);
      else if (mode === 'new') newStation();
    },
    invalidate: () => map.invalidateSize(),
  };
}
