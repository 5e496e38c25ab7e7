import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { problemMessage } from '../problem.js';
import { staffApi } from './staff-api.js';
import { districtPicker } from './district-picker.js';
import { typedPoint } from './coordinates.js';

/**
 * The station's district code, told by its point: placing or moving the pin asks
 * GET /api/v1/divisions/at and fills the code (while the person has not typed one of their own),
 * says the district's name, and flags a code the point contradicts. Administrators, who may work
 * anywhere, get a province → city → county picker beside the code.
 *
 * `slot` is the element under the code input; `fresh` for a new station. Returns {locate(), contradiction(), useLocated()}.
 */
export function bindDistrict({ input, crsSelect, latInput, lngInput, slot, admin, regions, counties, editable, fresh, setError }) {
  const names = new Map(counties.map((c) => [c.code, c.name]));
  let located = null; // the last answer of /divisions/at, or null
  // A new station's code (empty, or the account's only county) is the point's to change until typed over.
  let autoFilled = fresh || !input.value;
  let controller;

  const nameLine = h('p', { class: 'district-name', id: 'f-adcode-name', 'aria-live': 'polite' });
  const picker = admin && editable ? districtPicker({ id: 'f-adcode-pick', label: t('field.adcode'), regions: [], admin: true, counties: true,
    onChange: (code) => {
      if (!code) return;
      input.value = code;
      autoFilled = false;
      names.set(code, picker.name());
      refresh();
    } }) : null;
  clear(slot).append(...[picker ? h('div', { class: 'district-pick' }, h('span', { class: 'hint' }, t('district.pickHint')), picker.element) : null, nameLine].filter(Boolean));
  if (picker && input.value) picker.set(input.value);

  /** The code the point says, or null when the boundaries tell only the city (then a candidate will do). */
  function contradiction() {
    const code = input.value.trim();
    if (!located || !/^[0-9]{6}$/.test(code)) return null;
    if (located.adcode) return code === located.adcode ? null : { code: located.adcode, name: located.area?.name || located.adcode };
    const candidates = located.candidates || [];
    if (!candidates.length || candidates.some((c) => c.code === code)) return null;
    const suggested = candidates.find((c) => c.code === located.suggested);
    return { code: suggested?.code || null, name: located.area?.name || '' };
  }

  function refresh() {
    const code = input.value.trim();
    const parts = [];
    const name = names.get(code);
    if (name) parts.push(t('district.codeIs', { code, name }));
    if (located?.area) {
      parts.push(located.adcode ? t('district.pointIn', { name: located.area.name })
        : t('district.pointInCity', { name: located.area.name }));
    }
    nameLine.textContent = parts.join(' · ');
    const wrong = contradiction();
    if (wrong) {
      setError('adcode', wrong.code ? t('district.contradicts', { name: wrong.name, code: wrong.code }) : t('district.contradictsCity', { name: wrong.name }));
    } else if (input.getAttribute('aria-invalid') === 'true' && /^[0-9]{6}$/.test(code)) {
      setError('adcode', null);
    }
  }

  function fill(code, name) {
    input.value = code;
    names.set(code, name);
    autoFilled = true;
    if (picker) picker.set(code);
  }

  /** Asks the server where the typed point lies; fills or checks the code. */
  async function locate() {
    const p = typedPoint(latInput.value, lngInput.value);
    if (!p) return;
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    nameLine.textContent = t('district.locating');
    try {
      const answer = await staffApi.divisionAt({ ...p, crs: crsSelect.value }, mine.signal);
      if (controller !== mine) return;
      located = answer;
      for (const c of answer.candidates || []) names.set(c.code, c.name);
      if (answer.area) names.set(answer.area.code, answer.area.name);
      if (editable && (autoFilled || !input.value.trim())) {
        const code = answer.adcode || answer.suggested;
        if (code) fill(code, names.get(code) || code);
      }
      refresh();
    } catch (e) {
      if (e.name === 'AbortError') return;
      located = null;
      nameLine.textContent = problemMessage(e).title || '';
      if (e.status === 422) nameLine.textContent = t('district.nowhere');
    }
  }

  // After the form's own check on leaving the field, which knows nothing of the point.
  input.addEventListener('blur', () => refresh());
  input.addEventListener('input', () => {
    autoFilled = false;
    refresh();
    if (picker && /^[0-9]{6}$/.test(input.value.trim())) picker.set(input.value.trim());
  });

  return {
    locate,
    contradiction,
    /** Puts the code the point says into the field. */
    useLocated() {
      const wrong = contradiction();
      if (!wrong?.code) return;
      fill(wrong.code, wrong.name);
      refresh();
    },
  };
}
