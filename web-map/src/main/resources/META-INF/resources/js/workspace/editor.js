import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { api, links } from '../api.js';
import { convert } from '../crs.js';
import { showMessage, showProblem } from '../alerts.js';
import { problemMessage } from '../problem.js';
import { renderHistory } from './history.js';
import { mayEdit } from './session.js';
import { icon, amenityIcon } from '../icons.js';
import { renderPhotoManager } from './photos.js';

const PHONE = /^[0-9+\-() ]{5,30}$/;
const REQUIRED = ['name', 'address', 'lat', 'lng', 'adcode', 'hostOrganisation', 'contactPerson', 'contactPhone', 'openingHours'];
const DUPLICATE_DEBOUNCE_MS = 400;
const round6 = (v) => Math.round(v * 1e6) / 1e6;

// Field names in the API's problems ("location.lat") to the form's inputs.
const API_FIELDS = { 'location.lat': 'lat', 'location.lng': 'lng', location: 'lat', crs: 'crs' };

/**
 * The station form: create (station null) or edit. Coordinates are typed in any system; the
 * pin on the map is in the map's system. Returns {setLocation} for map clicks and marker drags.
 */
export function renderEditor(container, { station, me, amenities, counties, mapCrs, pin, onSaved, onBack, onReload, flash }) {
  const editable = station ? mayEdit(me, station.adcode) : me.role !== 'viewer';
  const inputs = {};
  const errors = {};
  let crs = station ? station.crs || mapCrs : mapCrs;
  let duplicateTimer;

  function field(name, labelKey, { type = 'text', value = '', hint, attrs = {}, control } = {}) {
    const id = `f-${name}`;
    const input = control || h('input', { id, name, type, value: value ?? '', autocomplete: 'off', ...attrs });
    if (!control) input.value = value ?? '';
    const error = h('p', { class: 'field-error', id: `${id}-error`, 'data-error-for': name });
    const hintEl = hint ? h('span', { class: 'hint', id: `${id}-hint` }, hint) : null;
    input.setAttribute('aria-describedby', [hintEl ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '));
    if (REQUIRED.includes(name)) input.required = true;
    inputs[name] = input;
    errors[name] = error;
    return h('div', { class: 'field' }, h('label', { for: id, class: REQUIRED.includes(name) ? 'required' : null }, t(labelKey)), input, hintEl, error);
  }

  function setError(name, message) {
    const target = inputs[name] ? name : 'form';
    if (target === 'form') return;
    errors[target].textContent = message || '';
    if (message) inputs[target].setAttribute('aria-invalid', 'true');
    else inputs[target].removeAttribute('aria-invalid');
  }

  function clearErrors() {
    for (const name of Object.keys(errors)) setError(name, null);
  }

  const s = station || {};
  const crsSelect = h('select', { id: 'f-crs', name: 'crs' }, ['wgs84', 'gcj02', 'bd09'].map((c) =>
    h('option', { value: c, selected: c === crs }, t(`crs.${c}`))));
  const adcodeList = h('datalist', { id: 'adcode-options' }, counties.map((c) => h('option', { value: c.code }, `${c.code} ${c.name}`)));
  const hostSelect = h('select', { id: 'f-hostType', name: 'hostType' }, ['self_built', 'co_built'].map((v) =>
    h('option', { value: v, selected: (s.hostType || 'co_built') === v }, t(`host.${v}`))));
  const amenityBoxes = amenities.map((a) => h('label', {},
    h('input', { type: 'checkbox', name: 'amenities', value: a.key, checked: (s.amenities || []).includes(a.key) }),
    amenityIcon(a.key), a.label));

  const alerts = h('div', { class: 'ws-alerts', id: 'editor-alerts', role: 'alert' });
  const duplicates = h('div', { class: 'ws-alerts', id: 'duplicates', 'aria-live': 'polite' });
  const form = h('form', { id: 'station-form', novalidate: true },
    h('fieldset', { class: 'plain', disabled: !editable, style: 'border:0;padding:0;margin:0' },
      field('name', 'field.name', { value: s.name, attrs: { maxlength: 100 } }),
      field('nameEn', 'field.nameEn', { value: s.nameEn, attrs: { maxlength: 150 } }),
      field('address', 'field.address', { value: s.address, attrs: { maxlength: 200 } }),
      h('div', { class: 'row3' },
        field('lat', 'field.lat', { value: s.location?.lat, attrs: { inputmode: 'decimal' }, hint: t('field.lat.hint') }),
        field('lng', 'field.lng', { value: s.location?.lng, attrs: { inputmode: 'decimal' } }),
        field('crs', 'field.crs', { control: crsSelect })),
      h('div', { class: 'row3' },
        field('adcode', 'field.adcode', { value: s.adcode || (counties.length === 1 ? counties[0].code : ''), attrs: { list: 'adcode-options', inputmode: 'numeric', maxlength: 6 } }),
        field('hostType', 'field.hostType', { control: hostSelect }),
        field('floorArea', 'field.floorArea', { type: 'number', value: s.floorArea, attrs: { min: 0, step: 'any' } })),
      adcodeList,
      field('hostOrganisation', 'field.hostOrganisation', { value: s.hostOrganisation, attrs: { maxlength: 100 } }),
      h('div', { class: 'row2' },
        field('contactPerson', 'field.contactPerson', { value: s.contactPerson, attrs: { maxlength: 50 } }),
        field('contactPhone', 'field.contactPhone', { type: 'tel', value: s.contactPhone, attrs: { maxlength: 30 } })),
      field('openingHours', 'field.openingHours', { value: s.openingHours, hint: t('field.openingHours.hint'), attrs: { maxlength: 255 } }),
      h('fieldset', { id: 'f-amenities' }, h('legend', {}, t('field.amenities')), h('div', { class: 'checks' }, amenityBoxes)),
      editable ? h('div', { class: 'ws-actions' },
        h('button', { type: 'submit', class: 'primary', id: 'save-station' }, t(station ? 'editor.save' : 'editor.create'))) : null,
      // Under the button, so a warning arriving late never moves the button from under the pointer.
      duplicates));

  const historyBox = h('div', { id: 'history' });
  const photoBox = h('section', { id: 'station-photos', class: 'ws-photos', 'aria-labelledby': 'ws-photos-title' });
  const historyTitle = h('h3', { class: 'ws-section-title', id: 'history-title' }, t('history.title'));
  clear(container).append(...[
    h('button', { type: 'button', class: 'back-button', onclick: onBack }, icon('back'), t('editor.back')),
    h('h2', { id: 'editor-title', tabindex: '-1' }, station ? station.name : t('editor.newTitle')),
    station ? h('p', { class: 'subtitle' }, h('span', { class: 'code' }, station.code), ' · ', station.division || station.adcode, ' · ',
      h('span', { class: `status-pill is-${station.status}` }, t(`status.${station.status}`)),
      station.statusReason ? ` ${station.statusReason}` : '',
      h('button', { type: 'button', class: 'row-link jump', onclick: () => historyTitle.scrollIntoView({ block: 'start' }) }, t('history.title'), icon('down'))) : null,
    alerts,
    h('p', { class: 'hint-box' }, t(!editable ? 'editor.readOnly' : station ? 'editor.moveHint' : 'editor.placeHint')),
    form,
    station && editable ? statusBox() : null,
    station ? h('div', { class: 'ws-actions' },
      h('a', { class: 'ws-button-link', href: links.plaques({ codes: station.code }), target: '_blank', rel: 'noopener', id: 'plaque-link' }, icon('printer'), t('editor.plaque'))) : null,
    station ? photoBox : null,
    station ? historyTitle : null,
    station ? historyBox : null,
  ].filter(Boolean));

  if (flash) showMessage(alerts, flash);
  if (station) renderPhotoManager(photoBox, station, { editable });
  if (station) renderHistory(historyBox, station.code, { amenityLabels: new Map(amenities.map((a) => [a.key, a.label])) });

  /* Coordinates */
  function typedPoint() {
    const lat = Number(inputs.lat.value);
    const lng = Number(inputs.lng.value);
    if (inputs.lat.value.trim() === '' || inputs.lng.value.trim() === '' || !Number.isFinite(lat) || !Number.isFinite(lng)) return null;
    if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
    return { lat, lng };
  }

  function showPin() {
    const p = typedPoint();
    if (p) pin.place(convert(p, crs, mapCrs), { draggable: editable });
  }

  function setLocation(mapPoint) {
    if (!editable) return;
    const p = convert(mapPoint, mapCrs, crs);
    inputs.lat.value = round6(p.lat);
    inputs.lng.value = round6(p.lng);
    setError('lat', null);
    setError('lng', null);
    pin.place(mapPoint, { draggable: true });
    checkDuplicates();
  }

  // Amap and Baidu copy "lng,lat": split a pasted pair, telling the two apart by range in China.
  function splitPair(e) {
    const text = (e.clipboardData || window.clipboardData)?.getData('text') || '';
    const parts = text.split(/[,，\s]+/).map(Number).filter((n) => Number.isFinite(n));
    if (parts.length !== 2) return;
    e.preventDefault();
    const [a, b] = parts;
    const [lat, lng] = Math.abs(a) > Math.abs(b) ? [b, a] : [a, b];
    inputs.lat.value = lat;
    inputs.lng.value = lng;
    showPin();
    checkDuplicates();
  }

  for (const name of ['lat', 'lng']) {
    inputs[name].addEventListener('paste', splitPair);
    inputs[name].addEventListener('change', () => {
      showPin();
      checkDuplicates();
    });
  }
  crsSelect.addEventListener('change', () => {
    const p = typedPoint();
    const next = crsSelect.value;
    if (p) {
      const q = convert(p, crs, next);
      inputs.lat.value = round6(q.lat);
      inputs.lng.value = round6(q.lng);
    }
    crs = next;
  });
  inputs.name.addEventListener('change', () => checkDuplicates());

  /* Validation: each field on blur, all of them on save; the server has the last word. */
  function check(name) {
    const value = inputs[name].value.trim();
    if (REQUIRED.includes(name) && !value) return t('invalid.required');
    if (!value) return null;
    const n = Number(value);
    if (name === 'lat' && !(Number.isFinite(n) && Math.abs(n) <= 90)) return t('invalid.lat');
    if (name === 'lng' && !(Number.isFinite(n) && Math.abs(n) <= 180)) return t('invalid.lng');
    if (name === 'contactPhone' && !PHONE.test(value)) return t('invalid.phone');
    if (name === 'adcode' && !/^[0-9]{6}$/.test(value)) return t('invalid.adcode');
    if (name === 'floorArea' && !(n > 0)) return t('invalid.floorArea');
    return null;
  }

  function validate() {
    clearErrors();
    const problems = [];
    for (const name of Object.keys(inputs)) {
      const message = check(name);
      if (message) problems.push([name, message]);
      setError(name, message);
    }
    return problems;
  }

  // A message appearing or vanishing on blur would move the save button under a pointer that
  // is already on its way: leaving a field for the save button defers to the save's check, and
  // a message goes away while typing, not on blur.
  for (const name of Object.keys(inputs)) {
    inputs[name].addEventListener('blur', (e) => {
      if (editable && e.relatedTarget?.type !== 'submit') setError(name, check(name));
    });
    inputs[name].addEventListener('input', () => {
      if (inputs[name].getAttribute('aria-invalid') === 'true') setError(name, check(name));
    });
  }

  function body() {
    const text = (name) => inputs[name].value.trim();
    const out = {
      name: text('name'), nameEn: text('nameEn') || null, address: text('address'),
      location: { lat: Number(text('lat')), lng: Number(text('lng')) }, crs,
      adcode: text('adcode'), hostType: hostSelect.value, hostOrganisation: text('hostOrganisation'),
      contactPerson: text('contactPerson'), contactPhone: text('contactPhone'), openingHours: text('openingHours'),
      amenities: amenityBoxes.map((l) => l.querySelector('input')).filter((i) => i.checked).map((i) => i.value),
      floorArea: text('floorArea') ? Number(text('floorArea')) : null,
    };
    if (station) out.version = station.version;
    return out;
  }

  /* Duplicates: warn inline before saving */
  function checkDuplicates() {
    clearTimeout(duplicateTimer);
    duplicateTimer = setTimeout(async () => {
      const p = typedPoint();
      if (!p || !editable) return;
      try {
        const answer = await api.duplicates({ lat: p.lat, lng: p.lng, name: inputs.name.value.trim(), crs, except: station?.code });
        renderDuplicates(duplicates, answer.warnings, 'editor.dupTitle', 'warning');
      } catch (e) {
        clear(duplicates);
      }
    }, DUPLICATE_DEBOUNCE_MS);
  }

  /* Save */
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clear(alerts);
    const problems = validate();
    if (problems.length) {
      showMessage(alerts, { title: t('invalid.summary') });
      inputs[problems[0][0]].focus();
      return;
    }
    const button = document.getElementById('save-station');
    button.disabled = true;
    button.textContent = t('editor.saving');
    try {
      const saved = station ? await api.updateStation(station.code, body()) : await api.createStation(body());
      const warnings = saved.warnings || [];
      onSaved(saved, {
        kind: warnings.length ? 'warning' : 'info',
        title: station ? t('editor.saved') : t('editor.created', { code: saved.code }),
        detail: warnings.length ? t('editor.warnings') : null,
        extra: warnings.length ? duplicateList(warnings) : null,
      });
    } catch (err) {
      button.disabled = false;
      button.textContent = t(station ? 'editor.save' : 'editor.create');
      saveFailed(err);
    }
  });

  function saveFailed(err) {
    const problem = err.problem || {};
    if (err.status === 409) {
      showMessage(alerts, { title: problemMessage(err).title, detail: `${t('editor.conflict')} ${err.detail || ''}`.trim(),
        actions: [{ id: 'reload', label: t('editor.reload'), onClick: () => onReload(station.code) }] });
      alerts.querySelector('[data-action="reload"]').focus();
      return;
    }
    if (err.status === 400 && Array.isArray(problem.errors)) {
      for (const { field: f, message } of problem.errors) setError(API_FIELDS[f] || f, message);
    } else if (err.status === 400 && problem.field) {
      // e.g. openingHours: the parser's own explanation goes next to the field.
      setError(API_FIELDS[problem.field] || problem.field, err.detail || err.title);
    }
    showProblem(alerts, err);
    const firstInvalid = form.querySelector('[aria-invalid="true"]');
    if (firstInvalid) firstInvalid.focus();
    else alerts.scrollIntoView({ block: 'nearest' });
  }

  /* Status: suspend, close, reopen */
  function statusBox() {
    const reason = h('input', { id: 'status-reason', maxlength: 200, value: '' });
    const reasonError = h('p', { class: 'field-error', id: 'status-reason-error' });
    reason.setAttribute('aria-describedby', 'status-reason-error');
    const choices = { active: ['suspended', 'closed'], suspended: ['active', 'closed'], closed: ['active'] }[station.status] || [];
    const label = { suspended: 'status.suspend', closed: 'status.close', active: 'status.activate' };
    const change = async (status) => {
      reasonError.textContent = '';
      if (status !== 'active' && !reason.value.trim()) {
        reasonError.textContent = t('status.reasonRequired');
        reason.setAttribute('aria-invalid', 'true');
        reason.focus();
        return;
      }
      try {
        const saved = await api.changeStatus(station.code, { status, reason: reason.value.trim() || null, version: station.version });
        onSaved(saved, { kind: 'info', title: t('status.changed') });
      } catch (err) {
        saveFailed(err);
      }
    };
    return h('section', { class: 'status-section' },
      h('h3', { class: 'ws-section-title' }, t('status.change')),
      h('div', { class: 'status-box' },
        h('div', { class: 'field' }, h('label', { for: 'status-reason' }, t('field.statusReason')), reason, reasonError),
        choices.map((c) => h('button', { type: 'button', class: c === 'active' ? 'secondary' : 'danger', 'data-status': c, onclick: () => change(c) }, t(label[c])))));
  }

  showPin();
  if (station && editable) checkDuplicates();
  return { setLocation, editable };
}

function duplicateList(warnings) {
  return h('ul', { class: 'dup-list' }, warnings.map((w) => h('li', { 'data-code': w.code },
    t('dup.item', { kind: t(`dup.${w.type}`), name: w.name, code: w.code, m: Math.round(w.distanceMeters) }))));
}

function renderDuplicates(box, warnings, titleKey, kind) {
  if (!warnings || !warnings.length) {
    clear(box);
    return;
  }
  showMessage(box, { kind, title: t(titleKey), extra: duplicateList(warnings) });
}
