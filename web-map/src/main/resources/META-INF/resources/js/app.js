import { api, cachedAt } from './api.js';
import { $, h, clear } from './dom.js';
import { setLanguage, language, t, translateStatic } from './i18n.js';
import { readUrl, writeUrl } from './state.js';
import { fromGps } from './crs.js';
import { CHINA, chooseTiles, mapCrsOf, addBaseLayer } from './tiles.js';
import { StationsLayer } from './stations-layer.js';
import { renderFilters } from './filters.js';
import { renderList, renderListMessage } from './list.js';
import { renderDetail, renderDetailMessage } from './detail.js';
import { renderFeedback } from './feedback.js';
import { renderPhotos } from './photos.js';
import { icon } from './icons.js';
import { fromCache, asOfText } from './offline.js';
import { showProblem } from './alerts.js';
import { convert } from './crs.js';

const NEAREST_LIMIT = 20;
// The API has no 24-hour filter on nearest; ask for more and keep the always-open ones.
const NEAREST_LIMIT_24H = 100;

const url = readUrl();
const state = {
  lang: url.lang,
  filters: { amenities: url.amenities, openNow: url.openNow, alwaysOpen: url.alwaysOpen },
  code: url.code,
  origin: null,
  nearest: [],
  // When the list is the service worker's saved copy: the time it was fetched; null when live.
  asOf: null,
};
const notices = new Map();
let amenities = [];
let crs = 'wgs84';
let map;
let layer;
let originMarker;
let selectedMarker;
let nearestController;
let pickResolve = null;
let pickMarker;

/** For a wrong-location report: the next tap on the map is the suggested pin, in the map's crs. */
function pickPoint() {
  return new Promise((resolve) => {
    pickResolve = resolve;
    document.body.classList.add('picking');
    setNotice('pick', 'feedback.tapMap');
    toggleSheet(false);
  });
}

function onMapTap(e) {
  if (!pickResolve) {
    setOrigin(e.latlng, 'point');
    return;
  }
  const resolve = pickResolve;
  pickResolve = null;
  document.body.classList.remove('picking');
  setNotice('pick', null);
  pickMarker?.remove();
  pickMarker = L.circleMarker(e.latlng, { radius: 10, color: '#e65100', weight: 3, fillOpacity: 0.6, interactive: false }).addTo(map);
  resolve({ lat: e.latlng.lat, lng: e.latlng.lng, crs });
}

function saveUrl() {
  writeUrl({ ...state.filters, lang: state.lang, code: state.code });
}

/* Messages: notices are calm status lines (keyed, re-rendered on language change); alerts are errors. */
function setNotice(key, textKey) {
  if (textKey) notices.set(key, textKey);
  else notices.delete(key);
  renderNotices();
}

function renderNotices() {
  const box = clear($('notices'));
  const mapBox = clear($('map-notices'));
  // The base-map notice sits on the map it is about; the others head the list.
  for (const [k, tk] of notices) (k === 'tiles' || k === 'pick' ? mapBox : box).append(h('p', { class: `notice notice-${k}`, 'data-notice': k }, t(tk)));
  // Offline, the list is a saved copy: say so first, with the time it was fetched.
  if (state.asOf) {
    box.prepend(h('p', { class: 'notice notice-offline', 'data-notice': 'offline' }, icon('offline'),
      h('strong', { class: 'as-of', id: 'as-of' }, asOfText(state.asOf)), ' ', t('offline.notice')));
  }
}

function showAlert(error) {
  showProblem($('alerts'), error);
}

/* Nearest list */
async function searchNearest({ fit = false } = {}) {
  if (!state.origin) return;
  nearestController?.abort();
  nearestController = new AbortController();
  const { amenities: keys, openNow, alwaysOpen } = state.filters;
  renderListMessage($('list'), 'list.loading', true);
  try {
    const answer = await api.nearest({
      lat: state.origin.lat, lng: state.origin.lng, limit: alwaysOpen ? NEAREST_LIMIT_24H : NEAREST_LIMIT,
      amenities: keys, openNow, crs, lang: state.lang,
    }, nearestController.signal);
    const asOf = cachedAt(answer);
    // A saved copy was fetched elsewhere and maybe with other filters: re-rank it from here.
    state.nearest = asOf
      ? fromCache(answer.stations, state.origin, state.filters).slice(0, NEAREST_LIMIT)
      : answer.stations.filter((s) => !alwaysOpen || s.alwaysOpen).slice(0, NEAREST_LIMIT);
    if (asOf || state.asOf) {
      state.asOf = asOf;
      renderNotices();
      // The offline notice replaces any "no connection" alert the map's own loading raised.
      if (asOf) clear($('alerts'));
    }
    showNearest();
    if (fit && state.nearest.length && !state.code) {
      const points = [state.origin, state.nearest[0].location].map((p) => [p.lat, p.lng]);
      map.fitBounds(L.latLngBounds(points), { padding: [40, 40], maxZoom: 16 });
    }
  } catch (e) {
    if (e.name === 'AbortError') return;
    renderListMessage($('list'), 'list.empty');
    $('list-count').textContent = '';
    showAlert(e);
  }
}

function showNearest() {
  if (!state.origin) {
    renderListMessage($('list'), 'list.prompt');
    return;
  }
  if (state.nearest.length === 0) renderListMessage($('list'), 'list.empty');
  else renderList($('list'), state.nearest, { onSelect: (code) => openStation(code, { focus: true }) });
  $('list-count').textContent = state.nearest.length ? t('list.count', { n: state.nearest.length }) : '';
}

function setOrigin(latlng, kind, options) {
  state.origin = { lat: latlng.lat, lng: latlng.lng };
  originMarker?.remove();
  const label = t(kind === 'gps' ? 'you.here' : 'search.point');
  originMarker = L.marker([latlng.lat, latlng.lng], {
    icon: L.divIcon({ className: `origin-marker origin-${kind}`, iconSize: [22, 22], iconAnchor: [11, 11] }),
    title: label, alt: label, keyboard: false, interactive: false, zIndexOffset: 1000,
  }).addTo(map);
  clear($('alerts'));
  searchNearest(options);
}

/* Geolocation */
function locate() {
  if (!('geolocation' in navigator)) {
    setNotice('geo', 'geo.unsupported');
    showNearest();
    return;
  }
  setNotice('geo', 'geo.locating');
  navigator.geolocation.getCurrentPosition((position) => {
    setNotice('geo', null);
    const here = fromGps(position.coords.latitude, position.coords.longitude, crs);
    setOrigin(here, 'gps', { fit: true });
    if (!state.code) map.setView([here.lat, here.lng], Math.max(map.getZoom(), 15));
  }, (error) => {
    setNotice('geo', error.code === 1 ? 'geo.denied' : 'geo.unavailable');
    showNearest();
  }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
}

/* Station detail */
function showList() {
  state.code = null;
  saveUrl();
  selectedMarker?.remove();
  pickMarker?.remove();
  $('detail-view').hidden = true;
  $('list-view').hidden = false;
  $('filters').hidden = false;
  toggleSheet(false);
  const previous = document.querySelector('.station-button[aria-current="true"]');
  if (previous) previous.focus();
}

async function openStation(code, { focus = false, fly = true } = {}) {
  const trimmed = code.trim();
  state.code = trimmed;
  const detail = $('detail-view');
  for (const b of document.querySelectorAll('.station-button')) b.removeAttribute('aria-current');
  const inList = state.nearest.find((s) => s.code === trimmed);
  document.querySelector(`.station-button[data-code="${CSS.escape(trimmed)}"]`)?.setAttribute('aria-current', 'true');
  $('list-view').hidden = true;
  $('filters').hidden = true;
  detail.hidden = false;
  toggleSheet(true);
  renderDetailMessage(detail, t('detail.loading'), showList);
  try {
    const { views, asOf } = await stationViews(trimmed, inList);
    if (state.code !== trimmed) return;
    const { wgs84 } = views;
    state.code = wgs84.code;
    saveUrl();
    renderDetail(detail, views, { distanceMeters: inList?.distanceMeters, onBack: showList, asOf });
    renderPhotos($('photos'), wgs84);
    renderFeedback($('feedback'), wgs84, { pickPoint, amenityLabels: wgs84.amenityLabels });
    const here = views[crs].location;
    selectedMarker?.remove();
    selectedMarker = L.circleMarker([here.lat, here.lng], { radius: 22, color: '#0d47a1', weight: 3, fill: false, interactive: false }).addTo(map);
    if (fly) map.setView([here.lat, here.lng], Math.max(map.getZoom(), 16));
    if (focus) $('detail-title').focus();
  } catch (e) {
    if (state.code !== trimmed) return;
    // The alert above says what went wrong; the card keeps only the way back, not a second copy.
    renderDetailMessage(detail, null, showList);
    showAlert(e);
  }
}

/**
 * The station in the three coordinate systems the direction links need. Without a network the
 * card comes from the service worker's copy, or else from the saved list's own entry (the
 * nearest answer carries every public field), converted on the phone.
 */
async function stationViews(code, inList) {
  try {
    const [wgs84, gcj02, bd09] = await Promise.all(['wgs84', 'gcj02', 'bd09'].map((c) => api.station(code, { crs: c, lang: state.lang })));
    return { views: { wgs84, gcj02, bd09 }, asOf: cachedAt(wgs84) };
  } catch (e) {
    if (e.status !== 0 || !inList || !state.asOf) throw e;
    const at = (to) => ({ ...inList, crs: to, location: convert(inList.location, crs, to) });
    return { views: { wgs84: at('wgs84'), gcj02: at('gcj02'), bd09: at('bd09') }, asOf: state.asOf };
  }
}

/* Filters and language */
function applyFilters(filters) {
  state.filters = filters;
  saveUrl();
  renderFilters($('filters'), amenities, state.filters, applyFilters);
  layer.setFilters({ ...state.filters, lang: state.lang });
  searchNearest();
}

async function loadAmenities() {
  try {
    amenities = (await api.amenities(state.lang)).amenities;
  } catch (e) {
    showAlert(e);
  }
  renderFilters($('filters'), amenities, state.filters, applyFilters);
}

async function switchLanguage() {
  state.lang = language() === 'en' ? 'zh' : 'en';
  setLanguage(state.lang);
  translateStatic();
  renderNotices();
  saveUrl();
  await loadAmenities();
  layer.setFilters({ ...state.filters, lang: state.lang });
  if (state.origin) searchNearest();
  else showNearest();
  if (state.code) openStation(state.code, { fly: false });
}

function toggleSheet(expand) {
  const sheet = $('sheet');
  const expanded = expand ?? !sheet.classList.contains('expanded');
  sheet.classList.toggle('expanded', expanded);
  const toggle = $('sheet-toggle');
  toggle.setAttribute('aria-expanded', String(expanded));
  toggle.dataset.i18nLabel = expanded ? 'sheet.collapse' : 'sheet.expand';
  toggle.setAttribute('aria-label', t(toggle.dataset.i18nLabel));
  toggle.title = t(toggle.dataset.i18nLabel);
  setTimeout(() => map.invalidateSize(), 250);
}

async function main() {
  setLanguage(state.lang);
  translateStatic();
  document.body.classList.toggle('embed', url.embed);
  renderListMessage($('list'), 'list.prompt', true);

  const tiles = await chooseTiles(url.tiles, showAlert);
  crs = mapCrsOf(tiles);
  document.body.dataset.crs = crs;

  const start = url.lat != null && url.lng != null ? fromGps(url.lat, url.lng, crs) : null;
  map = L.map('map', {
    center: start ? [start.lat, start.lng] : CHINA.center,
    zoom: url.zoom ?? (start ? 15 : CHINA.zoom),
    attributionControl: true,
  });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  addBaseLayer(map, tiles, (available) => setNotice('tiles', available ? null : 'tiles.offline'));
  layer = new StationsLayer(map, {
    crs,
    onSelect: (code) => openStation(code, { focus: true, fly: false }),
    onPartial: (partial) => setNotice('partial', partial ? 'tiles.partial' : null),
    // Offline the viewport cannot load; the offline notice already says why.
    onError: (e) => (e.status === 0 && state.asOf ? null : showAlert(e)),
  });
  // A tap (or long-press / right-click) on the map searches from that point.
  map.on('click contextmenu', onMapTap);

  $('locate').addEventListener('click', locate);
  $('search-here').addEventListener('click', () => setOrigin(map.getCenter(), 'point'));
  $('lang-switch').addEventListener('click', switchLanguage);
  $('sheet-toggle').addEventListener('click', () => toggleSheet());
  $('code-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const code = $('code-input').value;
    if (code.trim()) openStation(code, { focus: true });
  });

  await loadAmenities();
  layer.setFilters({ ...state.filters, lang: state.lang });
  if (state.code) openStation(state.code);
  if (start) setOrigin(start, 'point', { fit: url.zoom == null });
  else locate();
}

/** The offline copy of the page and the last nearby stations (see /sw.js); not in third-party frames. */
function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || url.embed) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
    // No worker (private mode, an old browser): the page works as before, just not offline.
  });
}

registerServiceWorker();
main();
