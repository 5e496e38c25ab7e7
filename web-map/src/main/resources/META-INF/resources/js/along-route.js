// "Along my route" on the rider's map: drawing (taps add points; undo, clear, done), a pasted or
// shared route, the corridor width, and the list of stations along the route from the API. The
// route itself is state.route (the URL keeps it: see state.js); the page lends its own notices,
// alerts, station card and nearest list through `page`.
import { api } from './api.js';
import { $, clear } from './dom.js';
import { t } from './i18n.js';
import { convert } from './crs.js';
import { renderList, renderListMessage } from './list.js';
import { routeShareUrl } from './state.js';
import { RouteLayer, renderRoutePanel, DEFAULT_BUFFER } from './route.js';
import { encodePolyline, roundPoint } from './route-codec.js';

// The first stations the rider passes (the API's default and a page's worth).
const ROUTE_LIMIT = 100;
const ROUTE_DEBOUNCE_MS = 350;

/** The route state as the URL gives it (points WGS-84, rounded as the polyline keeps them). */
export function routeFromUrl(url) {
  return {
    on: Boolean(url.route && url.route.length),
    drawing: Boolean(url.route && url.route.length === 1),
    points: (url.route || []).map(roundPoint),
    buffer: url.buffer >= 1 && url.buffer <= 1000 ? url.buffer : DEFAULT_BUFFER,
    stations: [],
    length: null,
    more: false,
  };
}

/** The route as the URL keeps it: {route: polyline or null, buffer: metres or null for the default}. */
export function routeForUrl(route) {
  return {
    route: route.on && route.points.length ? encodePolyline(route.points) : null,
    buffer: route.buffer !== DEFAULT_BUFFER ? route.buffer : null,
  };
}

export function alongRoute({ map, crs, state, page }) {
  const layer = new RouteLayer(map, crs);
  let pending;
  let timer;

  function toggle() {
    const route = state.route;
    if (route.on) {
      // The button toggles: a second press leaves route mode.
      exit();
      return;
    }
    route.on = true;
    route.drawing = route.points.length < 2;
    clear($('alerts'));
    page.setNotice('route-link', null);
    if (state.code) page.showList();
    changed({ search: true });
  }

  function exit() {
    const route = state.route;
    route.on = false;
    route.drawing = false;
    route.points = [];
    route.stations = [];
    pending?.abort();
    clearTimeout(timer);
    layer.hide();
    clear($('alerts'));
    render();
    page.saveUrl();
    page.nearest();
    $('route-toggle').focus();
  }

  function addPoint(latlng) {
    state.route.points.push(roundPoint(convert(latlng, crs, 'wgs84')));
    changed({ search: true });
  }

  /** Re-draws the route and its controls; with `search`, asks the API again (debounced). */
  function changed({ search = false, fit = false } = {}) {
    const route = state.route;
    route.length = null;
    route.refused = false;
    page.saveUrl();
    render();
    if (route.points.length) layer.show(route.points, route.buffer);
    else layer.hide();
    if (fit) layer.fit();
    if (!search) return;
    clearTimeout(timer);
    pending?.abort();
    if (route.points.length < 2) {
      route.stations = [];
      layer.stops.clearLayers();
      clear($('alerts'));
      showList();
      return;
    }
    renderListMessage($('list'), 'list.loading', true);
    timer = setTimeout(searchAlong, ROUTE_DEBOUNCE_MS);
  }

  /**
   * Stations along the route, each detour measured the way the rider travels when the server has a
   * road graph (as nearest is); where it has none near the route, in a straight line, with the same
   * notice as the nearest list.
   */
  async function alongAnswer(query, signal) {
    const by = page.travelBy();
    let unmeasured = false;
    if (by) {
      try {
        const answer = await api.alongRoute({ ...query, by }, signal);
        page.setNotice('travel', null);
        return answer;
      } catch (e) {
        if (e.name === 'AbortError' || !(e.status === 400 || e.status === 422)) throw e;
        unmeasured = true;
      }
    }
    // A route the API refuses either way is the route's problem, shown by the caller, not a notice.
    const answer = await api.alongRoute(query, signal);
    page.setNotice('travel', unmeasured ? 'travel.unavailable' : null);
    return answer;
  }

  async function searchAlong() {
    const route = state.route;
    if (!route.on || route.points.length < 2) return;
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    const { amenities: keys, openNow, alwaysOpen } = state.filters;
    try {
      const answer = await alongAnswer({
        polyline: encodePolyline(route.points), buffer: route.buffer, limit: ROUTE_LIMIT, amenities: keys, openNow, alwaysOpen, lang: state.lang,
      }, controller.signal);
      if (pending !== controller) return;
      // The answer is in WGS-84; the map (and the card's offline fallback) want the map's crs.
      route.stations = answer.stations.map((a) => ({
        ...a.station, location: convert(a.station.location, 'wgs84', crs),
        alongMetres: a.alongMetres, offRouteMetres: a.offRouteMetres, detourMetres: a.detourMetres,
        detourSeconds: a.detourSeconds, detourBy: answer.detourBy,
      }));
      route.length = answer.routeMetres;
      route.more = answer.more;
      route.refused = false;
      clear($('alerts'));
    } catch (e) {
      if (e.name === 'AbortError' || pending !== controller) return;
      // A route the API refuses (4xx) is not worth sharing; a lost connection says nothing about it.
      route.refused = e.status >= 400 && e.status < 500;
      route.stations = [];
      route.more = false;
      layer.stops.clearLayers();
      render();
      renderListMessage($('list'), 'route.error');
      $('list-count').textContent = '';
      page.showAlert(e);
      return;
    }
    render();
    showList();
  }

  function showList() {
    const route = state.route;
    layer.showStops(route.stations, (code) => page.openStation(code, { focus: true, fly: false }));
    if (route.points.length < 2) renderListMessage($('list'), 'route.prompt');
    else if (route.stations.length === 0) renderListMessage($('list'), 'list.empty');
    else renderList($('list'), route.stations, { onSelect: (code) => page.openStation(code, { focus: true }), kind: 'route' });
    $('list-count').textContent = route.stations.length ? t('list.count', { n: route.stations.length }) : '';
    page.setNotice('routeMore', route.more ? 'route.more' : null);
  }

  /** The route's controls: the map's toolbar while drawing, the panel above the list, the title. */
  function render() {
    const route = state.route;
    document.body.classList.toggle('route-on', route.on);
    document.body.classList.toggle('drawing', route.on && route.drawing);
    // Quick taps while drawing are two points, not a zoom.
    if (route.on && route.drawing) map.doubleClickZoom.disable();
    else map.doubleClickZoom.enable();
    $('route-toggle').setAttribute('aria-pressed', String(route.on));
    // One bar at the bottom of the map: undo, clear, done while drawing; edit, close once drawn.
    $('route-tools').hidden = !route.on;
    for (const id of ['route-undo', 'route-clear', 'route-done']) $(id).hidden = !route.drawing;
    for (const id of ['route-edit', 'route-exit']) $(id).hidden = route.drawing;
    $('route-undo').disabled = route.points.length === 0;
    $('route-clear').disabled = route.points.length === 0;
    page.setNotice('route', route.on && route.drawing ? 'route.tap' : null);
    const title = $('sheet-title-text');
    title.dataset.i18n = route.on ? 'route.title' : 'sheet.title';
    title.textContent = t(title.dataset.i18n);
    $('list').setAttribute('aria-label', t(route.on ? 'route.title' : 'list.label'));
    if (!route.on) page.setNotice('routeMore', null);
    const panel = $('route-panel');
    panel.hidden = !route.on || Boolean(state.code);
    page.renderTravel();
    if (!route.on) {
      clear(panel);
      return;
    }
    // The panel is drawn anew after each answer: the control that had the focus keeps it.
    const active = panel.contains(document.activeElement) ? document.activeElement : null;
    const focusKey = active && (active.id ? `#${active.id}` : active.dataset.buffer ? `[data-buffer="${active.dataset.buffer}"]` : null);
    renderRoutePanel(panel, route, {
      shareUrl: route.points.length >= 2 && !route.refused ? routeShareUrl(encodePolyline(route.points), route.buffer !== DEFAULT_BUFFER ? route.buffer : null) : null,
      onBuffer: (metres) => {
        route.buffer = metres;
        changed({ search: true });
      },
      onPaste: ({ points, buffer }) => {
        route.points = points;
        if (buffer >= 1 && buffer <= 1000) route.buffer = buffer;
        route.drawing = false;
        changed({ search: true, fit: true });
      },
    });
    if (focusKey) panel.querySelector(focusKey)?.focus();
  }

  $('route-toggle').addEventListener('click', toggle);
  $('route-undo').addEventListener('click', () => {
    state.route.points.pop();
    changed({ search: true });
  });
  $('route-clear').addEventListener('click', () => {
    state.route.points = [];
    changed({ search: true });
  });
  $('route-done').addEventListener('click', () => {
    if (state.route.points.length < 2) {
      exit();
      return;
    }
    state.route.drawing = false;
    render();
    $('route-edit').focus();
  });
  $('route-edit').addEventListener('click', () => {
    state.route.drawing = true;
    render();
    page.toggleSheet(false);
    $('route-done').focus();
  });
  $('route-exit').addEventListener('click', exit);

  return { toggle, exit, addPoint, changed, showList, render };
}
