import { $, h, clear } from '../dom.js';
import { t, language } from '../i18n.js';
import { api } from '../api.js';
import { convert } from '../crs.js';
import { showProblem } from '../alerts.js';
import { renderEditor } from './editor.js';
import { fetchAll, fetchRegions, viewportBox } from './register-data.js';
import { createRegisterMap } from './register-map.js';
import { renderTable, renderStatusFilter } from './register-table.js';

const VIEWPORT_DEBOUNCE_MS = 300;
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

  const { map, showStations, fitRegions, pin } = createRegisterMap({ tiles, start });
  pin.onDrag((latlng) => editor?.setLocation(latlng));
  map.on('click', (e) => {
    if (mode === 'new') editor?.setLocation(e.latlng);
  });
  if (!byRegion) map.on('moveend', () => {
    clearTimeout(viewportTimer);
    viewportTimer = setTimeout(load, VIEWPORT_DEBOUNCE_MS);
  });

  function show(partial = false) {
    // While placing a new station, a click on a neighbour places it there rather than leaving the form.
    showStations(features, (p, latlng) => (mode === 'new' ? editor?.setLocation(latlng) : open(p.code)));
    renderTable({ features, current, byRegion, partial, onOpen: open });
  }

  async function load() {
    loadController?.abort();
    const controller = new AbortController();
    loadController = controller;
    $('register-count').textContent = t('register.loading');
    const options = { crs: mapCrs, lang: language() };
    try {
      let answer;
      if (byRegion) {
        answer = await fetchRegions(regions, options, controller.signal);
      } else if (map.getZoom() < MIN_VIEWPORT_ZOOM) {
        features = [];
        show();
        $('register-count').textContent = t('register.zoomIn');
        return;
      } else {
        const b = map.getBounds();
        answer = await fetchAll(viewportBox(b.getWest(), b.getSouth(), b.getEast(), b.getNorth()), options, controller.signal);
      }
      if (loadController !== controller) return;
      features = answer.features;
      show(answer.partial);
    } catch (e) {
      if (e.name === 'AbortError') return;
      if (e.status === 401) onSignedOut();
      else showProblem($('ws-alerts'), e);
    }
  }

  /* Panes: the list, or one station's form */
  function showPane(which) {
    $('list-pane').hidden = which !== 'list';
    $('station-pane').hidden = which === 'list';
  }

  function setHash(value) {
    history.replaceState(null, '', `${location.pathname}${location.search}${value ? `#${value}` : ''}`);
  }

  function enter(nextMode, code, hash) {
    mode = nextMode;
    current = code;
    pin.clear();
    clear($('ws-alerts'));
    setHash(hash);
    showPane('station');
  }

  function back() {
    mode = 'list';
    current = null;
    editor = null;
    pin.clear();
    setHash('');
    showPane('list');
    renderTable({ features, current, byRegion, partial: false, onOpen: open });
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
    enter('new', null, 'new');
    editor = renderEditor($('station-pane'), editorOptions(null));
    $('editor-title').focus();
  }

  async function open(code, { flash } = {}) {
    enter('edit', code, `code=${encodeURIComponent(code)}`);
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

  const filtered = () => renderTable({ features, current, byRegion, partial: false, onOpen: open });
  $('filter-status').addEventListener('change', filtered);
  $('filter-text').addEventListener('input', filtered);
  $('new-station').hidden = me.role === 'viewer';
  $('new-station').addEventListener('click', newStation);
  renderStatusFilter();

  if (byRegion && !start) fitRegions(regions);
  load();
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (hash.get('code')) open(hash.get('code'));
  else if (hash.has('new') && me.role !== 'viewer') {
    newStation();
    // "Create a station here" from planning: the suggested site (WGS-84) placed as a map click would.
    const at = { lat: Number(hash.get('lat')), lng: Number(hash.get('lng')) };
    if (hash.get('lat') && hash.get('lng') && Number.isFinite(at.lat) && Number.isFinite(at.lng)) editor.setLocation(convert(at, 'wgs84', mapCrs));
  }

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
