import { h } from '../dom.js';
import { t } from '../i18n.js';
import { amenityIcon } from '../icons.js';
import { hoursHelper } from './hours-editor.js';

const PHONE = /^[0-9+\-() ]{5,30}$/;
const REQUIRED = ['name', 'address', 'lat', 'lng', 'adcode', 'hostOrganisation', 'contactPerson', 'contactPhone', 'openingHours'];

/** What is wrong with a field's typed value, as a message, or null. The server has the last word. */
export function fieldProblem(name, typed) {
  const value = typed.trim();
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

/**
 * The station form's fields, filled from `station` (null: a new one), each with its label, hint
 * and error line. Returns the form and what the editor needs from it: the inputs by name, the
 * CRS select, setError, validate and the API body.
 */
export function createStationForm(station, { amenities, counties, crs, editable, footer, values = null }) {
  const inputs = {};
  const errors = {};
  // A draft kept over a re-render (a language switch) wins over the stored station.
  const s = { ...(station || {}), ...(values || {}) };

  // Under the district code: its name, where the point lies, and (administrators) a picker.
  const districtSlot = h('div', { class: 'district-slot', id: 'f-adcode-slot' });
  const hoursSlot = h('div', { id: 'f-hours-slot' });

  function field(name, labelKey, { type = 'text', value = '', hint, attrs = {}, control, after = null } = {}) {
    const id = `f-${name}`;
    const input = control || h('input', { id, name, type, value: value ?? '', autocomplete: 'off', ...attrs });
    if (!control) input.value = value ?? '';
    const error = h('p', { class: 'field-error', id: `${id}-error`, 'data-error-for': name });
    const hintEl = hint ? h('span', { class: 'hint', id: `${id}-hint` }, hint) : null;
    input.setAttribute('aria-describedby', [hintEl ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '));
    if (REQUIRED.includes(name)) input.required = true;
    inputs[name] = input;
    errors[name] = error;
    return h('div', { class: 'field' }, h('label', { for: id, class: REQUIRED.includes(name) ? 'required' : null }, t(labelKey)), input, hintEl, error, after);
  }

  const crsSelect = h('select', { id: 'f-crs', name: 'crs' }, ['wgs84', 'gcj02', 'bd09'].map((c) =>
    h('option', { value: c, selected: c === crs }, t(`crs.${c}`))));
  const adcodeList = h('datalist', { id: 'adcode-options' }, counties.map((c) => h('option', { value: c.code }, `${c.code} ${c.name}`)));
  const hostSelect = h('select', { id: 'f-hostType', name: 'hostType' }, ['self_built', 'co_built'].map((v) =>
    h('option', { value: v, selected: (s.hostType || 'co_built') === v }, t(`host.${v}`))));
  const amenityBoxes = amenities.map((a) => h('label', {},
    h('input', { type: 'checkbox', name: 'amenities', value: a.key, checked: (s.amenities || []).includes(a.key) }),
    amenityIcon(a.key), a.label));

  const form = h('form', { id: 'station-form', novalidate: true },
    h('fieldset', { class: 'plain', disabled: !editable, style: 'border:0;padding:0;margin:0' },
      field('name', 'field.name', { value: s.name, attrs: { maxlength: 100 } }),
      field('nameEn', 'field.nameEn', { value: s.nameEn, attrs: { maxlength: 150 } }),
      field('address', 'field.address', { value: s.address, attrs: { maxlength: 200 } }),
      h('div', { class: 'row3' },
        field('lat', 'field.lat', { value: s.location?.lat, attrs: { inputmode: 'decimal' }, hint: t('field.lat.hint') }),
        field('lng', 'field.lng', { value: s.location?.lng, attrs: { inputmode: 'decimal' } }),
        field('crs', 'field.crs', { control: crsSelect })),
      field('adcode', 'field.adcode', { value: s.adcode || (counties.length === 1 ? counties[0].code : ''), hint: t('field.adcode.hint'),
        attrs: { list: 'adcode-options', inputmode: 'numeric', maxlength: 6, class: 'adcode-input' }, after: districtSlot }),
      adcodeList,
      h('div', { class: 'row2' },
        field('hostType', 'field.hostType', { control: hostSelect }),
        field('floorArea', 'field.floorArea', { type: 'number', value: s.floorArea, attrs: { min: 0, step: 'any' } })),
      field('hostOrganisation', 'field.hostOrganisation', { value: s.hostOrganisation, attrs: { maxlength: 100 } }),
      h('div', { class: 'row2' },
        field('contactPerson', 'field.contactPerson', { value: s.contactPerson, attrs: { maxlength: 50 } }),
        field('contactPhone', 'field.contactPhone', { type: 'tel', value: s.contactPhone, attrs: { maxlength: 30 } })),
      field('openingHours', 'field.openingHours', { value: s.openingHours, hint: t('field.openingHours.hint'), attrs: { maxlength: 255 }, after: hoursSlot }),
      h('fieldset', { id: 'f-amenities' }, h('legend', {}, t('field.amenities')), h('div', { class: 'checks' }, amenityBoxes)),
      editable ? h('div', { class: 'ws-actions' },
        h('button', { type: 'submit', class: 'primary', id: 'save-station' }, t(station ? 'editor.save' : 'editor.create'))) : null,
      footer));

  hoursSlot.append(hoursHelper({ input: inputs.openingHours, editable }));

  function setError(name, message) {
    if (!inputs[name]) return;
    errors[name].textContent = message || '';
    if (message) inputs[name].setAttribute('aria-invalid', 'true');
    else inputs[name].removeAttribute('aria-invalid');
  }

  /** Checks every field, marks the wrong ones, and returns [[name, message]] of those. */
  function validate() {
    const problems = [];
    for (const name of Object.keys(inputs)) {
      const message = fieldProblem(name, inputs[name].value);
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
      if (editable && e.relatedTarget?.type !== 'submit') setError(name, fieldProblem(name, inputs[name].value));
    });
    inputs[name].addEventListener('input', () => {
      if (inputs[name].getAttribute('aria-invalid') === 'true') setError(name, fieldProblem(name, inputs[name].value));
    });
  }

  /** The API's station body in the chosen coordinate system, with the version edited. */
  function body() {
    const text = (name) => inputs[name].value.trim();
    const out = {
      name: text('name'), nameEn: text('nameEn') || null, address: text('address'),
      location: { lat: Number(text('lat')), lng: Number(text('lng')) }, crs: crsSelect.value,
      adcode: text('adcode'), hostType: hostSelect.value, hostOrganisation: text('hostOrganisation'),
      contactPerson: text('contactPerson'), contactPhone: text('contactPhone'), openingHours: text('openingHours'),
      amenities: amenityBoxes.map((l) => l.querySelector('input')).filter((i) => i.checked).map((i) => i.value),
      floorArea: text('floorArea') ? Number(text('floorArea')) : null,
    };
    if (station) out.version = station.version;
    return out;
  }

  return { form, inputs, crsSelect, districtSlot, setError, validate, body };
}
