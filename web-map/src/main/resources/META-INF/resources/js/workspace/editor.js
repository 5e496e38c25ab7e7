import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { api, links } from '../api.js';
import { showMessage, showProblem } from '../alerts.js';
import { problemMessage } from '../problem.js';
import { icon } from '../icons.js';
import { renderHistory } from './history.js';
import { mayEdit } from './session.js';
import { renderPhotoManager } from './photos.js';
import { createStationForm } from './station-form.js';
import { bindCoordinates, typedPoint } from './coordinates.js';
import { duplicateWarnings, duplicateList } from './duplicates.js';
import { statusBox } from './status-box.js';
import { bindDistrict } from './district-from-point.js';

// Field names in the API's problems ("location.lat") to the form's inputs.
const API_FIELDS = { 'location.lat': 'lat', 'location.lng': 'lng', location: 'lat', crs: 'crs' };

/**
 * The station form: create (station null) or edit. Coordinates are typed in any system; the
 * pin on the map is in the map's system. Returns {setLocation} for map clicks and marker drags.
 */
export function renderEditor(container, { station, me, amenities, counties, regions = [], admin = false, mapCrs, pin, onSaved, onBack, onReload, flash, draft = null }) {
  const editable = station ? mayEdit(me, station.adcode) : me.role !== 'viewer';
  const alerts = h('div', { class: 'ws-alerts', id: 'editor-alerts', role: 'alert' });
  // Under the save button, so a warning arriving late never moves the button from under the pointer.
  const duplicates = h('div', { class: 'ws-alerts', id: 'duplicates', 'aria-live': 'polite' });
  const fields = createStationForm(station, { amenities, counties, crs: draft?.values.crs || (station ? station.crs || mapCrs : mapCrs), editable,
    footer: duplicates, values: draft?.values });
  const { inputs, crsSelect } = fields;
  // What the form held when opened: any difference is an unsaved change.
  const baseline = draft?.baseline || JSON.stringify(fields.body());
  const dirty = () => editable && JSON.stringify(fields.body()) !== baseline;

  const checkDuplicates = duplicateWarnings(duplicates, () => {
    const p = typedPoint(inputs.lat.value, inputs.lng.value);
    return p && editable ? { ...p, name: inputs.name.value.trim(), crs: crsSelect.value, except: station?.code } : null;
  });
  const district = bindDistrict({ input: inputs.adcode, crsSelect, latInput: inputs.lat, lngInput: inputs.lng, slot: fields.districtSlot,
    admin, regions, counties, editable, fresh: !station, setError: fields.setError });
  const coordinates = bindCoordinates({ inputs, crsSelect, mapCrs, pin, editable, setError: fields.setError, onMoved: () => {
    checkDuplicates();
    district.locate();
  } });
  inputs.name.addEventListener('change', () => checkDuplicates());

  const failed = (err) => saveFailed(err, { fields, alerts, onReload: () => onReload(station.code) });
  container.replaceChildren(...editorPage(station, { editable, amenities, alerts, form: fields.form, onBack,
    status: station && editable ? statusBox(station, { onSaved, onFailed: failed }) : null }));
  if (flash) showMessage(alerts, flash);

  fields.form.addEventListener('submit', (e) => {
    e.preventDefault();
    save(station, { fields, alerts, district, baseline, onSaved, onFailed: failed });
  });

  coordinates.showPin();
  if (station && editable) checkDuplicates();
  if (station) district.locate();
  return { setLocation: coordinates.setLocation, editable, dirty, draft: () => ({ values: fields.body(), baseline }) };
}

/** The page around the form: title, alerts, hints, status, plaque link, photos and history. */
function editorPage(station, { editable, amenities, alerts, form, onBack, status }) {
  const hint = h('p', { class: 'hint-box' }, t(!editable ? 'editor.readOnly' : station ? 'editor.moveHint' : 'editor.placeHint'));
  const head = [
    h('button', { type: 'button', class: 'back-button', onclick: onBack }, icon('back'), t('editor.back')),
    h('h2', { id: 'editor-title', tabindex: '-1' }, station ? station.name : t('editor.newTitle')),
  ];
  if (!station) return [...head, alerts, hint, form];

  const historyBox = h('div', { id: 'history' });
  const photoBox = h('section', { id: 'station-photos', class: 'ws-photos', 'aria-labelledby': 'ws-photos-title' });
  const historyTitle = h('h3', { class: 'ws-section-title', id: 'history-title' }, t('history.title'));
  renderPhotoManager(photoBox, station, { editable });
  renderHistory(historyBox, station.code, { amenityLabels: new Map(amenities.map((a) => [a.key, a.label])) });
  return [
    ...head,
    h('p', { class: 'subtitle' }, h('span', { class: 'code' }, station.code), ' · ', station.division || station.adcode, ' · ',
      h('span', { class: `status-pill is-${station.status}` }, t(`status.${station.status}`)),
      station.statusReason ? ` ${station.statusReason}` : '',
      h('button', { type: 'button', class: 'row-link jump', onclick: () => historyTitle.scrollIntoView({ block: 'start' }) }, t('history.title'), icon('down'))),
    alerts,
    hint,
    form,
    status,
    h('div', { class: 'ws-actions' },
      h('a', { class: 'ws-button-link', href: links.plaques({ codes: station.code }), target: '_blank', rel: 'noopener', id: 'plaque-link' }, icon('printer'), t('editor.plaque'))),
    photoBox,
    historyTitle,
    historyBox,
  ].filter(Boolean);
}

/** Checks the form, then creates or updates the station; the server's answer decides. */
async function save(station, { fields, alerts, district, baseline, onSaved, onFailed, anyway = false }) {
  const again = (extra = {}) => save(station, { fields, alerts, district, baseline, onSaved, onFailed, ...extra });
  clear(alerts);
  const problems = fields.validate();
  if (problems.length) {
    showMessage(alerts, { title: t('invalid.summary') });
    fields.inputs[problems[0][0]].focus();
    return;
  }
  // A code the point contradicts is asked about once before saving: boundaries near an edge can be wrong.
  const wrong = district.contradiction();
  if (wrong && !anyway) {
    fields.setError('adcode', wrong.code ? t('district.contradicts', { name: wrong.name, code: wrong.code }) : t('district.contradictsCity', { name: wrong.name }));
    showMessage(alerts, { kind: 'warning', title: t('district.beforeSave'), detail: fields.inputs.adcode.value.trim(), actions: [
      ...(wrong.code ? [{ id: 'use-located', label: t('district.useLocated', { name: wrong.name, code: wrong.code }), onClick: () => {
        district.useLocated();
        again();
      } }] : []),
      { id: 'save-anyway', label: t('district.saveAnyway'), onClick: () => again({ anyway: true }) },
    ] });
    alerts.querySelector('[data-action]').focus();
    return;
  }
  const button = document.getElementById('save-station');
  button.disabled = true;
  button.textContent = t('editor.saving');
  try {
    const saved = station ? await api.updateStation(station.code, fields.body()) : await api.createStation(fields.body());
    const warnings = saved.warnings || [];
    onSaved(saved, {
      kind: warnings.length ? 'warning' : 'info',
      title: station ? t('editor.saved') : t('editor.created', { code: saved.code }),
      detail: warnings.length ? t('editor.warnings') : null,
      extra: warnings.length ? duplicateList(warnings) : null,
      // The next action may take the edit back: the values before it, on top of the version just saved.
      actions: station ? [{ id: 'undo-edit', label: t('editor.undo'), onClick: () => undoEdit(saved, baseline, onSaved) }] : [],
    });
  } catch (err) {
    button.disabled = false;
    button.textContent = t(station ? 'editor.save' : 'editor.create');
    onFailed(err);
  }
}

/** A refused save: a conflict offers a reload; field errors go next to their fields. */
function saveFailed(err, { fields, alerts, onReload }) {
  const problem = err.problem || {};
  if (err.status === 409) {
    showMessage(alerts, { title: problemMessage(err).title, detail: `${t('editor.conflict')} ${err.detail || ''}`.trim(),
      actions: [{ id: 'reload', label: t('editor.reload'), onClick: onReload }] });
    alerts.querySelector('[data-action="reload"]').focus();
    return;
  }
  if (err.status === 400 && Array.isArray(problem.errors)) {
    for (const { field: f, message } of problem.errors) fields.setError(API_FIELDS[f] || f, message);
  } else if (err.status === 400 && problem.field) {
    // e.g. openingHours: the parser's own explanation goes next to the field.
    fields.setError(API_FIELDS[problem.field] || problem.field, err.detail || err.title);
  }
  showProblem(alerts, err);
  const firstInvalid = fields.form.querySelector('[aria-invalid="true"]');
  if (firstInvalid) firstInvalid.focus();
  else alerts.scrollIntoView({ block: 'nearest' });
}

/** Puts back the values an edit replaced (a PUT of the old body on the new version); a conflict says so. */
async function undoEdit(saved, baseline, onSaved) {
  const before = { ...JSON.parse(baseline), version: saved.version };
  try {
    const undone = await api.updateStation(saved.code, before);
    onSaved(undone, { kind: 'info', title: t('editor.undone') });
  } catch (err) {
    const box = document.getElementById('editor-alerts');
    if (box) showProblem(box, err);
  }
}
