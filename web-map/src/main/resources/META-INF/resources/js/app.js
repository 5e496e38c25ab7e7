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
import { measured } from './format.js';
import { alongRoute, routeFromUrl, routeForUrl } from './along-route.js';

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
  // How nearest measures: the URL's by= (walk, ride, straight) when the server has a road graph
  // (map-config's travel); `measure` is how the list on screen was measured.
  by: url.by,
  travel: [],
  measure: 'straight',
  // Along my route: on (the list is the route's), drawing (taps add points), points in WGS-84.
  route: routeFromUrl(url),
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
// The "along my route" controller (along-route.js), once the map exists.
let route;

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
  if (!pickResolve && state.route.on) {
    // Drawing, a tap is the route's next point; with a route shown, taps leave it alone.
    if (state.route.drawing && e.type === 'click') route.addPoint(e.latlng);
    return;
  }
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
  writeUrl({ ...state.filters, lang: state.lang, code: state.code, by: state.by, ...routeForUrl(state.route) });
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
  for (const [k, tk] of notices) (k === 'tiles' || k === 'pick' || k === 'route' ? mapBox : box).append(h('p', { class: `notice notice-${k}`, 'data-notice': k }, t(tk)));
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
/** walk or ride when the server has a road graph (walk unless the rider chose otherwise), else null. */
function travelBy() {
  const wanted = state.by || 'walk';
  return state.travel.includes(wanted) ? wanted : null;
}

/**
 * The nearest answer, by the way there when a road graph is loaded. Outside the graph (or where
 * no road is near) the API refuses by=: then the straight-line answer, and a notice saying so.
 */
async function nearestAnswer(query, signal) {
  const by = travelBy();
  if (by) {
    try {
      const answer = await api.nearest({ ...query, by }, signal);
      setNotice('travel', null);
      return { answer, measure: by };
    } catch (e) {
      if (e.name === 'AbortError' || !(e.status === 400 || e.status === 422)) throw e;
      setNotice('travel', 'travel.unavailable');
    }
  } else {
    setNotice('travel', null);
  }
  return { answer: await api.nearest(query, signal), measure: 'straight' };
}

async function searchNearest({ fit = false } = {}) {
  if (!state.origin || state.route.on) return;
  nearestController?.abort();
  nearestController = new AbortController();
  const { amenities: keys, openNow, alwaysOpen } = state.filters;
  renderListMessage($('list'), 'list.loading', true);
  try {
    const { answer, measure } = await nearestAnswer({
      lat: state.origin.lat, lng: state.origin.lng, limit: alwaysOpen ? NEAREST_LIMIT_24H : NEAREST_LIMIT,
      amenities: keys, openNow, crs, lang: state.lang,
    }, nearestController.signal);
    const asOf = cachedAt(answer);
    // A saved copy is re-measured here in a straight line, whatever the live answer measured.
    state.measure = asOf ? 'straight' : measure;
    renderTravel();
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
  if (state.route.on) {
    route.showList();
    return;
  }
  if (!state.origin) {
    renderListMessage($('list'), 'list.prompt');
    $('list-count').textContent = '';
    return;
  }
  if (state.nearest.length === 0) renderListMessage($('list'), 'list.empty');
  else renderList($('list'), state.nearest, { onSelect: (code) => openStation(code, { focus: true }), kind: state.measure });
  $('list-count').textContent = state.nearest.length ? t('list.count', { n: state.nearest.length }) : '';
}

/* Walking or riding distances: a two-button switch, shown only when the server can measure them. */
function renderTravel() {
  const box = clear($('travel'));
  // Where the graph has no road near the rider, the notice says why the list is straight-line.
  box.hidden = state.travel.length === 0 || state.route.on || notices.has('travel');
  if (box.hidden) return;
  const current = travelBy();
  box.append(h('span', { id: 'travel-label', class: 'travel-label' }, t('travel.label')),
    ...state.travel.map((mode) => h('button', {
      type: 'button', class: 'chip chip-small', 'aria-pressed': String(mode === current), 'data-travel': mode,
      onclick: () => {
        state.by = mode === 'walk' ? null : mode;
        saveUrl();
        renderTravel();
        box.querySelector(`[data-travel="${mode}"]`)?.focus();
        searchNearest();
      },
    }, t(`travel.${mode}`))));
}

/* Along my route */
function routeKind() {
  return state.route.on ? 'route' : state.measure;
}

function listed() {
  return state.route.on ? state.route.stations : state.nearest;
}

function setOrigin(latlng, kind, options) {
  state.origin = { lat: latlng.lat, lng: latlng.lng };
  originMarker?.remove();
  const label = t(kind === 'gps' ? 'you.here' : 'search.point');
  originMarker = L.marker([latlng.lat, latlng.lng], {
    icon: L.divIcon({ className: `origin-marker origin-${kind}`, iconSize: [22, 22], iconAnchor: [11, 11] }),
    title: label, alt: label, keyboard: false, interactive: false, zIndexOffset: 1000,
  }).addTo(map);
  if (!state.route.on) clear($('alerts'));
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
    if (!state.code && !state.route.on) map.setView([here.lat, here.lng], Math.max(map.getZoom(), 15));
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
  $('route-panel').hidden = !state.route.on;
  renderTravel();
  toggleSheet(false);
  const previous = document.querySelector('.station-button[aria-current="true"]');
  if (previous) previous.focus();
}

async function openStation(code, { focus = false, fly = true } = {}) {
  const trimmed = code.trim();
  state.code = trimmed;
  const detail = $('detail-view');
  for (const b of document.querySelectorAll('.station-button')) b.removeAttribute('aria-current');
  const inList = listed().find((s) => s.code === trimmed);
  document.querySelector(`.station-button[data-code="${CSS.escape(trimmed)}"]`)?.setAttribute('aria-current', 'true');
  $('list-view').hidden = true;
  $('filters').hidden = true;
  $('travel').hidden = true;
  $('route-panel').hidden = true;
  detail.hidden = false;
  toggleSheet(true);
  renderDetailMessage(detail, t('detail.loading'), showList);
  try {
    const { views, asOf } = await stationViews(trimmed, inList);
    if (state.code !== trimmed) return;
    const { wgs84 } = views;
    state.code = wgs84.code;
    saveUrl();
    const far = inList ? measured(inList, routeKind()) : null;
    renderDetail(detail, views, { distanceText: far ? `${far.label} · ${far.detail}` : null, onBack: showList, asOf });
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
  if (state.route.on) route.changed({ search: true });
  else searchNearest();
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
  route.render();
  if (state.route.on) route.changed({ search: true });
  else if (state.origin) searchNearest();
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

  const tiles = await chooseTiles(url.tiles, showAlert, (config) => {
    state.travel = Array.isArray(config.travel) ? config.travel.filter((m) => m === 'walk' || m === 'ride') : [];
  });
  crs = mapCrsOf(tiles);
  document.body.dataset.crs = crs;

  const start = url.lat != null && url.lng != null ? fromGps(url.lat, url.lng, crs) : null;
  const firstRoutePoint = state.route.points.length ? convert(state.route.points[0], 'wgs84', crs) : null;
  const centre = start || firstRoutePoint;
  map = L.map('map', {
    center: centre ? [centre.lat, centre.lng] : CHINA.center,
    zoom: url.zoom ?? (centre ? 15 : CHINA.zoom),
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
  route = alongRoute({
    map, crs, state,
    page: {
      saveUrl, setNotice, showAlert, showList, toggleSheet, renderTravel, travelBy,
      openStation: (code, options) => openStation(code, options),
      // Back from the route to the nearest list.
      nearest: () => (state.origin ? searchNearest() : showNearest()),
    },
  });
  $('sheet-toggle').addEventListener('click', () => toggleSheet());
  $('code-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const code = $('code-input').value;
    if (code.trim()) openStation(code, { focus: true });
  });

  await loadAmenities();
  layer.setFilters({ ...state.filters, lang: state.lang });
  // A shared route link opens on the route, fitted to the screen unless the link says where.
  if (state.route.on) route.changed({ search: true, fit: url.zoom == null && !start });
  else renderTravel();
  if (url.routeUnreadable) setNotice('route-link', 'route.link.invalid');
  if (state.code) openStation(state.code);
  if (start) setOrigin(start, 'point', { fit: url.zoom == null && !state.route.on });
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
