import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { problemMessage } from '../problem.js';
import { staffApi } from './staff-api.js';
import { DAYS, osmFromRows } from './hours-osm.js';

const PREVIEW_DEBOUNCE_MS = 400;
const HOLIDAY = /法定节假日|法定假日|节假日|节日|假日|春节|holiday|PH/i;

/**
 * Help with the opening-hours field: what the typed text will be stored as (Chinese converted by
 * GET /api/v1/opening-hours), a Chinese box with a preview, and days × time ranges that write OSM
 * syntax. Holidays cannot be stored (their calendar changes yearly): a note in the form says so.
 * Returns the element to put under the field.
 */
export function hoursHelper({ input, editable, onChange = () => {} }) {
  const preview = h('p', { class: 'hours-preview', id: 'f-hours-preview', 'aria-live': 'polite' });
  const holidayNote = h('p', { class: 'hours-holiday', id: 'f-hours-holiday', hidden: true });
  let holidaysOff = false;
  let converterNotes = [];
  let timer;
  let controller;

  function set(value) {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    onChange();
    check();
  }

  function showHoliday() {
    const typed = HOLIDAY.test(input.value) || converterNotes.length > 0;
    holidayNote.hidden = !(holidaysOff || typed);
    holidayNote.textContent = t('hours.holidayNote');
  }

  /** Shows what the field's text will be stored as. */
  async function check() {
    clearTimeout(timer);
    const text = input.value.trim();
    controller?.abort();
    if (!text) {
      clear(preview);
      converterNotes = [];
      showHoliday();
      return;
    }
    const mine = new AbortController();
    controller = mine;
    try {
      const answer = await staffApi.openingHours(text, mine.signal);
      if (controller !== mine) return;
      converterNotes = answer.notes || [];
      clear(preview);
      if (answer.osm !== text) {
        preview.append(t('hours.storedAs'), ' ', h('code', { id: 'f-hours-osm' }, answer.osm), ' ',
          editable ? h('button', { type: 'button', class: 'row-link', id: 'f-hours-use', onclick: () => set(answer.osm) }, t('hours.useOsm')) : null);
      } else {
        preview.append(t(answer.alwaysOpen ? 'hours.okAlways' : 'hours.ok'));
      }
      preview.dataset.state = 'ok';
    } catch (e) {
      if (e.name === 'AbortError') return;
      converterNotes = [];
      const { title, detail } = problemMessage(e);
      preview.textContent = `${t('hours.unreadable')} ${detail || title || ''}`.trim();
      preview.dataset.state = 'error';
    }
    showHoliday();
  }
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(check, PREVIEW_DEBOUNCE_MS);
  });

  /* Chinese, converted on request. */
  const zh = h('input', { id: 'f-hours-zh', type: 'text', autocomplete: 'off', maxlength: 255, placeholder: t('hours.zhPlaceholder') });
  const zhResult = h('p', { class: 'hours-preview', id: 'f-hours-zh-result', 'aria-live': 'polite' });
  async function convertChinese() {
    clear(zhResult);
    if (!zh.value.trim()) return;
    try {
      const answer = await staffApi.openingHours(zh.value.trim());
      zhResult.append(t('hours.storedAs'), ' ', h('code', {}, answer.osm), ' ',
        h('button', { type: 'button', class: 'secondary small', id: 'f-hours-zh-use', onclick: () => {
          if (HOLIDAY.test(zh.value)) holidaysOff = true;
          set(answer.osm);
        } }, t('hours.use')));
    } catch (e) {
      const { title, detail } = problemMessage(e);
      zhResult.textContent = `${t('hours.unreadable')} ${detail || title || ''}`.trim();
    }
  }
  zh.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      convertChinese();
    }
  });

  /* Days × time ranges. */
  const allDay = h('input', { type: 'checkbox', id: 'f-hours-247' });
  const holidays = h('input', { type: 'checkbox', id: 'f-hours-ph' });
  const rowsBox = h('div', { class: 'hours-rows', id: 'f-hours-rows' });
  const built = h('p', { class: 'hours-preview', id: 'f-hours-built', 'aria-live': 'polite' });
  const rows = [];

  function timeInput(value, label) {
    return h('input', { type: 'time', value, 'aria-label': label, step: 60 });
  }

  function addRange(row, from = '08:00', to = '18:00') {
    const fromInput = timeInput(from, t('hours.from'));
    const toInput = timeInput(to, t('hours.to'));
    const range = { fromInput, toInput };
    const line = h('span', { class: 'hours-range' }, fromInput, '–', toInput);
    row.ranges.push(range);
    row.rangeBox.append(line);
    for (const el of [fromInput, toInput]) el.addEventListener('input', rebuild);
  }

  function addRow(pattern = '1111100') {
    const row = { days: [], ranges: [] };
    const dayBoxes = DAYS.map((d, i) => {
      const box = h('input', { type: 'checkbox', value: d, checked: pattern[i] === '1' });
      box.addEventListener('change', rebuild);
      row.days.push(box);
      return h('label', { class: 'day' }, box, t(`hours.day.${d}`));
    });
    row.rangeBox = h('span', { class: 'hours-ranges' });
    addRange(row);
    const index = rows.length + 1;
    row.element = h('fieldset', { class: 'hours-row', 'data-row': index },
      h('legend', {}, t('hours.group', { n: index })),
      h('div', { class: 'hours-days' }, dayBoxes),
      h('div', { class: 'hours-times' }, row.rangeBox,
        h('button', { type: 'button', class: 'row-link add-range', onclick: () => {
          addRange(row, '14:00', '18:00');
          rebuild();
        } }, t('hours.addRange'))));
    rows.push(row);
    rowsBox.append(row.element);
    rebuild();
  }

  function current() {
    return osmFromRows(rows.map((r) => ({ days: r.days.map((b) => b.checked), ranges: r.ranges.map((x) => [x.fromInput.value, x.toInput.value]) })),
      { allDay: allDay.checked });
  }

  function rebuild() {
    rowsBox.hidden = allDay.checked;
    const osm = current();
    built.textContent = osm ? t('hours.willWrite', { osm }) : t('hours.incomplete');
    write.disabled = !osm;
  }

  const write = h('button', { type: 'button', class: 'secondary', id: 'f-hours-write', onclick: () => {
    const osm = current();
    if (!osm) return;
    holidaysOff = holidays.checked;
    set(osm);
  } }, t('hours.write'));
  allDay.addEventListener('change', rebuild);
  holidays.addEventListener('change', () => {
    holidaysOff = holidays.checked;
    showHoliday();
  });

  const helper = h('details', { class: 'hours-helper', id: 'f-hours-helper' },
    h('summary', {}, t('hours.help')),
    h('div', { class: 'field' }, h('label', { for: 'f-hours-zh' }, t('hours.zhLabel')),
      h('div', { class: 'hours-zh' }, zh, h('button', { type: 'button', class: 'secondary', id: 'f-hours-zh-convert', onclick: convertChinese }, t('hours.convert'))),
      zhResult),
    h('p', { class: 'hours-or' }, t('hours.orBuild')),
    h('label', { class: 'check-inline' }, allDay, t('hours.allDay')),
    rowsBox,
    h('button', { type: 'button', class: 'row-link', id: 'f-hours-add-row', onclick: () => addRow('0000011') }, t('hours.addRow')),
    h('label', { class: 'check-inline' }, holidays, t('hours.holidaysOff')),
    built,
    h('div', { class: 'ws-actions' }, write));
  addRow();

  if (input.value.trim()) check();
  return h('div', { class: 'hours-slot' }, preview, holidayNote, editable ? helper : null);
}
