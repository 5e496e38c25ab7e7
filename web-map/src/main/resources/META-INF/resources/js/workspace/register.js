import { $, h, clear } from '../dom.js';
import { t, language } from '../i18n.js';
import { api } from '../api.js';
import { convert } from '../crs.js';
import { showProblem, showMessage } from '../alerts.js';
import { renderEditor } from './editor.js';
import { createRegisterMap } from './register-map.js';
import { renderTable, renderStatusFilter, renderAmenityFilter, renderSortChoice } from './register-table.js';
import { searchQuery, activeFilters, pageCount } from './register-search.js';
import { staffApi, exportUrl } from './staff-api.js';
import { districtPicker } from './district-picker.js';
import { ask } from './ask.js';

const TYPING_DEBOUNCE_MS = 300;

/**
 * The register: a search over every station the account may read (GET /api/v1/register/search),
 * one page in the table and on the map, and the station form beside the map. The map follows the
 * list; opening a station and coming back returns to the same page, scroll position and view.
 */
export function createRegister({ me, regions, amenities, counties, mapCrs, tiles, start, onSignedOut }) {
  const admin = me.role === 'admin' && !regions.length;
  let items = [];
  let total = 0;
  let page = 1;
  let mode = 'list';
  let current = null; // the open station's code
  const selected = new Set(); // codes ticked for a bulk status change
  let editor = null;
  let openStation = null; // the open station as the API gave it
  let searchController;
  let typingTimer;
  // A position from the URL wins over the list until the list itself changes.
  let follow = !start;
  let listPlace = null; // the map view and scroll position of the list, kept while a station is open

  const { map, showStations, fitItems, fitRegions, pin } = createRegisterMap({ tiles, start });
  pin.onDrag((latlng) => editor?.setLocation(latlng));
  map.on('click', (e) => {
    if (mode === 'new') editor?.setLocation(e.latlng, { clicked: true });
  });

  let picker = makePicker();
  function makePicker() {
    const p = districtPicker({ id: 'filter-district', label: t('register.district'), regions, admin,
      allLabel: t('register.district.all'), onChange: () => changed() });
    $('filter-district-field').replaceChildren(h('span', { class: 'label', id: 'filter-district-label' }, t('register.district')), p.element);
    p.element.setAttribute('aria-labelledby', 'filter-district-label');
    return p;
  }

  const query = () => searchQuery({ district: picker.value(), page, crs: mapCrs });

  function show() {
    // While placing a new station, a click on a neighbour places it there rather than leaving the form.
    showStations(items, (p, latlng) => (mode === 'new' ? editor?.setLocation(latlng, { clicked: true }) : leaveThen(() => open(p.code))));
    renderTable({ items, current, onOpen: open, ...selection() });
    showBulkBar();
    const q = query();
    const pages = pageCount(total);
    $('register-count').textContent = total
      ? `${t('register.count', { n: total })}${pages > 1 ? ` · ${t('register.pageOf', { page, pages })}` : ''}`
      : t('register.none');
    $('filter-count').textContent = activeFilters(q) ? `(${activeFilters(q)})` : '';
    $('register-pager').hidden = pages <= 1;
    $('page-of').textContent = t('register.pageOf', { page, pages });
    $('page-prev').disabled = page <= 1;
    $('page-next').disabled = page >= pages;
    clear($('register-export')).append(t('register.export'), ' ',
      ...['xlsx', 'csv'].map((format) => h('a', { href: exportUrl(format, q), download: '', 'data-format': format, class: 'export-link' }, format.toUpperCase())));
  }

  async function search({ fit = true } = {}) {
    searchController?.abort();
    const controller = new AbortController();
    searchController = controller;
    $('register-count').textContent = t('register.loading');
    try {
      const answer = await staffApi.search(query(), controller.signal);
      if (searchController !== controller) return;
      total = answer.total;
      if (!answer.items.length && total > 0 && page > 1) {
        // The page emptied under us (a filter elsewhere, a closed station): show the last one.
        page = pageCount(total);
        search({ fit });
        return;
      }
      items = answer.items;
      show();
      if (fit && follow && mode === 'list') fitItems(items);
    } catch (e) {
      if (e.name === 'AbortError') return;
      if (e.status === 401) onSignedOut();
      else showProblem($('ws-alerts'), e);
    }
  }

  /** The list changed by the person's hand: back to page one, and the map follows. */
  function changed() {
    page = 1;
    follow = true;
    $('register-scroll').scrollTop = 0;
    search();
  }

  function toPage(next) {
    page = next;
    follow = true;
    $('register-scroll').scrollTop = 0;
    $('list-pane').scrollTop = 0;
    search();
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
    // The table scrolls in its wrap on a desktop, the whole pane on a phone: both are kept.
    if (mode === 'list') listPlace = { center: map.getCenter(), zoom: map.getZoom(), scroll: [$('register-scroll').scrollTop, $('list-pane').scrollTop] };
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
    renderTable({ items, current, onOpen: open, ...selection() });
    if (listPlace) {
      map.setView(listPlace.center, listPlace.zoom, { animate: false });
      const [table, pane] = listPlace.scroll;
      [$('register-scroll').scrollTop, $('list-pane').scrollTop] = [table, pane];
      // Once more after the panes have settled (the map resizes as the list comes back on a phone).
      requestAnimationFrame(() => {
        [$('register-scroll').scrollTop, $('list-pane').scrollTop] = [table, pane];
      });
    } else if (follow || !start) {
      fitItems(items);
    }
    listPlace = null;
  }

  /** Runs `next` unless the form has unsaved changes the person wants to keep. */
  async function leaveThen(next) {
    if (editor?.dirty() && !(await ask({ title: t('guard.title'), detail: t('guard.detail'), yes: t('guard.discard'), no: t('guard.keep'), danger: true }))) return;
    next();
  }
  // Reloading or closing the tab with unsaved changes: the browser asks.
  window.addEventListener('beforeunload', (e) => {
    if (!editor?.dirty()) return;
    e.preventDefault();
    e.returnValue = '';
  });

  function editorOptions(station, flash, draft = null) {
    return {
      station, me, amenities: amenities(), counties, regions, admin, mapCrs, pin, flash, draft,
      onBack: () => leaveThen(back),
      onReload: (code) => open(code),
      onSaved: (saved, message) => {
        search({ fit: false });
        open(saved.code, { flash: message });
      },
    };
  }

  function newStation(draft = null) {
    enter('new', null, 'new');
    openStation = null;
    editor = renderEditor($('station-pane'), editorOptions(null, null, draft));
    $('editor-title').focus();
  }

  /* Ticked rows, for closing stations created by mistake or by tests in one go (editors and admins). */
  function selection() {
    if (me.role === 'viewer') return {};
    return {
      selected,
      onSelect: (code, on) => {
        if (on) selected.add(code);
        else selected.delete(code);
        showBulkBar();
      },
    };
  }

  function showBulkBar() {
    $('bulk-bar').hidden = !selected.size;
    $('bulk-count').textContent = t('register.selected', { n: selected.size });
  }

  async function closeSelected() {
    const codes = [...selected];
    if (!(await ask({ title: t('register.bulkAsk', { n: codes.length }), detail: t('register.bulkDetail'),
      yes: t('register.bulkYes'), no: t('register.bulkNo'), danger: true }))) return;
    try {
      const done = await api.changeStatuses(codes, { status: 'closed', reason: t('register.bulkReason') });
      selected.clear();
      await search({ fit: false });
      showMessage($('ws-alerts'), { kind: 'info', title: t('register.bulkDone', { n: done.changed }),
        actions: [{ id: 'undo-bulk', label: t('register.bulkUndo'), onClick: () => reopen(codes) }] });
    } catch (e) {
      showProblem($('ws-alerts'), e);
    }
  }

  async function reopen(codes) {
    try {
      const done = await api.changeStatuses(codes, { status: 'active', reason: null });
      await search({ fit: false });
      showMessage($('ws-alerts'), { kind: 'info', title: t('register.bulkUndone', { n: done.changed }) });
    } catch (e) {
      showProblem($('ws-alerts'), e);
    }
  }

  async function open(code, { flash } = {}) {
    enter('edit', code, `code=${encodeURIComponent(code)}`);
    clear($('station-pane')).append(h('p', { class: 'muted' }, t('detail.loading')));
    try {
      const station = await api.station(code, { crs: mapCrs, lang: language() });
      if (current !== code) return;
      openStation = station;
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

  $('register-search').addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(typingTimer);
    changed();
  });
  $('filter-text').addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(changed, TYPING_DEBOUNCE_MS);
  });
  for (const id of ['filter-status', 'filter-amenity', 'filter-sort', 'filter-check']) $(id).addEventListener('change', changed);
  $('page-prev').addEventListener('click', () => toPage(page - 1));
  $('page-next').addEventListener('click', () => toPage(page + 1));
  $('new-station').hidden = me.role === 'viewer';
  $('bulk-close').addEventListener('click', closeSelected);
  $('new-station').addEventListener('click', () => newStation());
  // On a desktop the filters are in sight; on a phone they fold away under their summary.
  $('register-filters').open = window.matchMedia('(min-width: 1001px)').matches;
  renderStatusFilter();
  renderAmenityFilter(amenities());
  renderSortChoice();

  if (!admin && !start) fitRegions(regions);
  search({ fit: !start });
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
      const district = picker.value();
      picker = makePicker();
      picker.set(district);
      renderStatusFilter();
      renderAmenityFilter(amenities());
      renderSortChoice();
      search({ fit: false });
      // Unsaved changes survive the switch: the form is drawn again in the new language with them.
      const draft = editor?.dirty() ? editor.draft() : null;
      if (mode === 'edit' && current && draft && openStation) {
        editor = renderEditor($('station-pane'), editorOptions(openStation, null, draft));
      } else if (mode === 'edit' && current) {
        open(current);
      } else if (mode === 'new') {
        newStation(draft);
      }
    },
    /** Whether the open form has unsaved changes. */
    dirty: () => Boolean(editor?.dirty()),
    invalidate: () => map.invalidateSize(),
  };
}
