import { api, planningApi } from '../api.js';
import { $, h, clear } from '../dom.js';
import { setLanguage, language, t, translateStatic, addStrings } from '../i18n.js';
import { chooseTiles, mapCrsOf, addBaseLayer } from '../tiles.js';
import { showMessage, showProblem } from '../alerts.js';
import { PLANNING_STRINGS } from './strings.js';
import { PlanningLayers } from './layers.js';
import { Sources } from './sources.js';
import { askToSignIn, showSignedIn } from './session.js';
import { currentAccount } from '../sign-in.js';
import { mountStaffNav } from '../staff-nav.js';
import { message, renderCoverage, renderSuggestions, renderFullCover, renderRedundancy, describeSite, placeName, siteTitle } from './panels.js';

// 乌海市: the first city planning was asked for; the map moves to the demand once there is some.
const START = { center: [39.655, 106.825], zoom: 12 };
const GAP_CELL_METERS = 500;
const STATIONS_MIN_ZOOM = 9;
// Sites named by their division; a longer list keeps its coordinates (and the export) only.
const PLACES_NAMED = 30;
// The catchments API takes 100 stations per request; one request keeps panning responsive.
const MAX_CATCHMENTS = 100;

addStrings(PLANNING_STRINGS);
const query = new URLSearchParams(location.search);
const results = {};
let map;
let layers;
let sources;
let analysis = 0;
let stationsController;
let stationsTimer;
let tilesAvailable = true;
let nav;

function applyLanguage(lang) {
  setLanguage(lang);
  translateStatic();
  document.title = t('plan.page.title');
}

function showAlert(error) {
  showProblem($('alerts'), error);
}

function failed(error) {
  if (error.name === 'AbortError') return;
  if (error.status === 401) signIn();
  showAlert(error);
}

function radius() {
  const value = Number($('radius').value);
  return Number.isFinite(value) && value > 0 ? value : 1000;
}

/** How reach is measured: a straight-line radius, or minutes on foot or by bike along the roads. */
function reach() {
  const distance = $('distance').value;
  if (distance === 'straight') return { distance, radius: radius() };
  const minutes = Number($('minutes').value);
  return { distance, minutes: Number.isFinite(minutes) && minutes > 0 ? minutes : 15 };
}

function straightRadius() {
  return reach().radius ?? null;
}

function showReachFields() {
  const straight = $('distance').value === 'straight';
  $('radius-field').hidden = !straight;
  $('minutes-field').hidden = straight;
}

/** Walking and riding appear only when the server has a road graph (map-config's travel). */
async function offerTravel() {
  try {
    const config = await api.mapConfig();
    const travel = config.travel ?? [];
    for (const option of $('distance').options) {
      if (option.value !== 'straight') option.hidden = !travel.includes(option.value);
    }
    const wanted = query.get('distance');
    if (wanted && travel.includes(wanted)) $('distance').value = wanted;
  } catch {
    // Without map-config the page plans on straight lines, which always work.
  }
  showReachFields();
}

/* On the road network: the streets within reach of the stations nearest the map centre. */
async function loadCatchments(features, signal) {
  const r = reach();
  clear($('catchments-note'));
  if (r.distance === 'straight' || !features.length) {
    layers.setCatchments([]);
    return;
  }
  const centre = map.getCenter();
  const nearest = [...features]
    .map((f) => ({ f, d: map.distance(centre, layers.at(f.geometry.coordinates[1], f.geometry.coordinates[0])) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, MAX_CATCHMENTS)
    .map((x) => x.f.properties.code);
  const answer = await planningApi.catchments({ codes: nearest, ...r }, signal);
  layers.setCatchments(answer.features);
  if (features.length > MAX_CATCHMENTS) $('catchments-note').append(t('catchments.partial', { n: MAX_CATCHMENTS }));
}

/* Stations in view, each with its coverage circle (public GeoJSON, always WGS-84). */
function scheduleStations() {
  clearTimeout(stationsTimer);
  stationsTimer = setTimeout(loadStations, 250);
}

async function loadStations() {
  stationsController?.abort();
  if (map.getZoom() < STATIONS_MIN_ZOOM) {
    layers.setStations([], straightRadius());
    layers.setCatchments([]);
    return;
  }
  stationsController = new AbortController();
  const b = map.getBounds().pad(0.2);
  const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => Number(v.toFixed(5)));
  try {
    const page = await api.inBox({ bbox, limit: 5000, lang: language() }, stationsController.signal);
    results.stations = page.features;
    layers.setStations(page.features, straightRadius());
    await loadCatchments(page.features, stationsController.signal);
  } catch (e) {
    failed(e);
  }
}

/* Coverage and gaps for the chosen demand. */
async function analyse(demand) {
  const run = ++analysis;
  for (const key of ['coverage', 'gaps', 'plan', 'full', 'redundancy']) delete results[key];
  layers.clearAnalyses();
  clear($('suggestions'));
  clear($('full-cover'));
  clear($('redundancy'));
  clear($('alerts'));
  if (!demand) {
    message($('coverage'), 'coverage.prompt');
    return;
  }
  message($('coverage'), 'coverage.loading', true);
  const params = { demand, ...reach() };
  try {
    const [coverage, gaps] = await Promise.all([
      planningApi.coverage(params),
      planningApi.gaps({ ...params, cell: GAP_CELL_METERS }),
    ]);
    if (run !== analysis) return;
    results.coverage = { data: coverage, params };
    results.gaps = gaps;
    renderCoverage($('coverage'), coverage, params);
    $('coverage-h').closest('.card').scrollIntoView({ block: 'start' });
    layers.setUncovered(coverage.uncovered);
    layers.setGaps(gaps, GAP_CELL_METERS);
    layers.fit([
      ...coverage.uncovered.map((p) => [p.lat, p.lng]),
      ...gaps.features.flatMap((f) => f.geometry.coordinates[0].map(([lng, lat]) => [lat, lng])),
    ]);
    scheduleStations();
  } catch (e) {
    if (run !== analysis) return;
    message($('coverage'), 'coverage.prompt');
    failed(e);
  }
}

async function suggest(event) {
  event.preventDefault();
  const demand = sources.demand();
  if (!demand) {
    message($('suggestions'), 'suggest.needDemand');
    return;
  }
  const params = { demand, k: Number($('k').value) || 5, ...reach(), candidates: sources.candidates() };
  const button = $('suggest-submit');
  button.disabled = true;
  message($('suggestions'), 'suggest.loading', true);
  try {
    const plan = await planningApi.suggestions(params);
    results.plan = { data: plan, params, places: new Map() };
    showPlan();
    namePlaces(results.plan);
    $('suggest-h').closest('.card').scrollIntoView({ block: 'start' });
    const sites = plan.sites.map((s) => layers.at(s.location.lat, s.location.lng));
    if (sites.length && !sites.every((p) => map.getBounds().contains(p))) map.fitBounds(map.getBounds().extend(L.latLngBounds(sites)));
  } catch (e) {
    clear($('suggestions'));
    failed(e);
  } finally {
    button.disabled = false;
  }
}

/** Names where the first sites lie (no geocoder: the division from /divisions/at), then shows them. */
async function namePlaces(plan) {
  const named = await Promise.all(plan.data.sites.slice(0, PLACES_NAMED).map((s) => planningApi.divisionAt(s.location)
    .then((d) => [s.rank, placeName(d)]).catch(() => [s.rank, null])));
  if (results.plan !== plan) return;
  for (const [rank, name] of named) if (name) plan.places.set(rank, name);
  // In place: the list keeps its elements (and the keyboard focus) while the names arrive.
  for (const li of $('site-list')?.querySelectorAll('li[data-rank]') || []) {
    li.querySelector('.place').textContent = siteTitle(Number(li.dataset.rank), plan.places);
  }
}

function showPlan() {
  const { data, params, places } = results.plan;
  layers.radius = params.radius;
  renderSuggestions($('suggestions'), data, params, { places, onFocus: (s) => layers.focus(s.location.lat, s.location.lng) });
  layers.setSuggestions(data.sites, describeSite);
}

async function secondary(key, box, load, show) {
  const demand = sources.demand();
  if (!demand) {
    message(box, 'suggest.needDemand');
    return;
  }
  message(box, `${key}.loading`, true);
  try {
    results[key] = await load({ demand, ...reach(), candidates: sources.candidates() });
    show();
  } catch (e) {
    clear(box);
    failed(e);
  }
}

function showFull() {
  renderFullCover($('full-cover'), results.full);
  layers.setFullCover(results.full.sites, describeSite);
}

function showRedundancy() {
  renderRedundancy($('redundancy'), results.redundancy, { onFocus: (p) => layers.focus(p.lat, p.lng) });
}

function showTilesNotice() {
  const box = clear($('map-notices'));
  if (!tilesAvailable) box.append(h('p', { class: 'notice' }, t('tiles.offline')));
}

/** On a phone the layer switches would cover half the map: folded to their summary until tapped. */
function foldLayersOnPhones() {
  const phone = window.matchMedia('(max-width: 600px)');
  const fold = () => {
    $('layer-box').open = !phone.matches;
  };
  fold();
  phone.addEventListener('change', fold);
}

/** Re-renders everything that holds text after a language switch. */
function rerender() {
  sources.render();
  showTilesNotice();
  layers.renderToggles($('layer-toggles'));
  layers.renderLegend();
  if (results.coverage) renderCoverage($('coverage'), results.coverage.data, results.coverage.params);
  else if (!$('workspace').hidden) message($('coverage'), 'coverage.prompt');
  if (results.plan) showPlan();
  if (results.full) showFull();
  if (results.redundancy) showRedundancy();
  if (results.stations) layers.setStations(results.stations, straightRadius());
}

function switchLanguage(lang) {
  applyLanguage(lang);
  const url = new URL(location.href);
  if (language() === 'en') url.searchParams.set('lang', 'en');
  else url.searchParams.delete('lang');
  history.replaceState(null, '', url);
  rerender();
}

function signIn() {
  askToSignIn({ nav, onSignedIn: start, onError: (message) => showMessage($('alerts'), message) });
}

async function start(user) {
  clear($('alerts'));
  showSignedIn(user, { nav });
  sources.mayChange = user.role !== 'viewer';
  message($('coverage'), 'coverage.prompt');
  try {
    await sources.load();
  } catch (e) {
    failed(e);
  }
  const wanted = query.get('demand');
  if (wanted && [...$('demand-select').options].some((o) => o.value === wanted)) {
    $('demand-select').value = wanted;
    analyse(wanted);
  }
}

async function main() {
  applyLanguage((query.get('lang') || '').toLowerCase().startsWith('en') ? 'en' : 'zh');
  nav = mountStaffNav({ page: 'planning', onLanguage: switchLanguage });
  const tiles = await chooseTiles(query.get('tiles'), showAlert);
  map = L.map('map', { center: START.center, zoom: START.zoom });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  addBaseLayer(map, tiles, (available) => {
    tilesAvailable = available;
    showTilesNotice();
  });
  layers = new PlanningLayers(map, { crs: mapCrsOf(tiles) });
  layers.renderToggles($('layer-toggles'));
  foldLayersOnPhones();
  layers.renderLegend();
  map.on('moveend', scheduleStations);
  scheduleStations();

  sources = new Sources({ onDemand: analyse, onError: failed });
  $('radius').addEventListener('change', () => analyse(sources.demand()));
  $('minutes').addEventListener('change', () => {
    analyse(sources.demand());
    scheduleStations();
  });
  $('distance').addEventListener('change', () => {
    showReachFields();
    analyse(sources.demand());
    scheduleStations();
  });
  await offerTravel();
  scheduleStations();
  $('suggest-form').addEventListener('submit', suggest);
  $('full-submit').addEventListener('click', () => secondary('full', $('full-cover'), planningApi.fullCover, showFull));
  $('redundancy-submit').addEventListener('click', () => secondary('redundancy', $('redundancy'), planningApi.redundancy, showRedundancy));

  try {
    const user = await currentAccount();
    if (user) start(user);
    else signIn();
  } catch (e) {
    showAlert(e);
  }
}

main();
