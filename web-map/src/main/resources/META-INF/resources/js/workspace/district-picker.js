import { h } from '../dom.js';
import { t } from '../i18n.js';
import { staffApi, prefixOf } from './staff-api.js';

/**
 * A district picker, so nobody has to know six-digit codes by heart. Accounts with regions choose
 * among their regions and those regions' counties (one select); administrators, who may see all of
 * China, go province → city → county (cascading selects filled from /api/v1/regions).
 *
 * counties: only county-level codes are a choice (a station's adcode); otherwise any level is, and
 * `allLabel` names the empty choice (all the account may see). onChange(prefix) after each choice.
 * Returns {element, value(), name(), set(code)}; set() resolves once the selects show the code.
 */
export function districtPicker({ id, label, regions, admin, counties = false, allLabel = null, onChange = () => {} }) {
  const byRegion = !admin && regions.length > 0;
  const element = h('div', { class: 'district-picker', id: `${id}-picker`, role: 'group', 'aria-label': label });
  const selects = [];
  let names = new Map(); // code prefix → name, for name()

  function select(level, options, placeholder) {
    const el = h('select', { id: selects.length ? `${id}-${level}` : id, 'data-level': level, 'aria-label': t(`district.level.${level}`) },
      placeholder != null ? h('option', { value: '' }, placeholder) : null,
      options.map(([value, text]) => h('option', { value }, text)));
    return el;
  }

  function value() {
    for (let i = selects.length - 1; i >= 0; i--) {
      const v = selects[i].value;
      if (v) return counties && v.length !== 6 ? '' : v;
    }
    return '';
  }

  /* Accounts with regions: one select. */
  if (byRegion) {
    const options = [];
    for (const r of regions) {
      if (!counties || r.prefix.length === 6) options.push([r.prefix, `${r.prefix} ${r.name}`]);
      for (const c of r.counties) if (c.code !== r.prefix) options.push([c.code, `${c.code} ${c.name}`]);
    }
    const seen = new Set();
    const unique = options.filter(([v]) => !seen.has(v) && seen.add(v));
    names = new Map(unique.map(([v, text]) => [v, text.slice(v.length + 1)]));
    const single = counties && unique.length === 1;
    const el = select('county', unique, single ? null : (allLabel ?? t('district.choose')));
    selects.push(el);
    element.append(el);
    el.addEventListener('change', () => onChange(value()));
    return {
      element, value, name: () => names.get(value()) || '',
      set: async (code) => {
        el.value = unique.some(([v]) => v === code) ? code : '';
      },
    };
  }

  /* Administrators: province → city → county, each level loaded when the one above is chosen. */
  async function childrenOf(prefix) {
    const divisions = prefix ? (await staffApi.region(prefix)).children : await staffApi.provinces();
    for (const d of divisions) names.set(prefixOf(d), d.name);
    return divisions.map((d) => [prefixOf(d), d.name, d.level]);
  }

  async function addLevel(prefix) {
    const children = await childrenOf(prefix);
    if (!children.length) return null;
    const level = prefix ? (prefix.length === 2 ? 'city' : 'county') : 'province';
    const placeholder = prefix ? t('district.any', { name: names.get(prefix) || prefix }) : (allLabel ?? t('district.choose'));
    const el = select(level, children.map(([p, name]) => [p, `${name}`]), placeholder);
    const index = selects.length;
    selects.push(el);
    element.append(el);
    el.addEventListener('change', async () => {
      truncate(index + 1);
      if (el.value && el.value.length < 6) await addLevel(el.value);
      onChange(value());
    });
    return el;
  }

  function truncate(n) {
    for (const el of selects.splice(n)) el.remove();
  }

  const ready = addLevel('');

  return {
    element, value, name: () => names.get(value()) || '',
    /** Shows `code` (a 2-, 4- or 6-digit prefix, or a 6-digit county code) in the selects. */
    async set(code) {
      await ready;
      const chain = [];
      if (code) {
        chain.push(code.slice(0, 2));
        if (code.length >= 4 && code.slice(2, 4) !== '00') chain.push(code.slice(0, 4));
        if (code.length === 6 && code.slice(4) !== '00') chain.push(code);
      }
      truncate(1);
      selects[0].value = '';
      for (let i = 0; i < chain.length; i++) {
        const el = selects[i];
        if (!el || ![...el.options].some((o) => o.value === chain[i])) break;
        el.value = chain[i];
        if (chain[i].length < 6) await addLevel(chain[i]);
      }
      // A municipality's districts sit under the province (110105 under 11) with no city level.
      const last = selects[selects.length - 1];
      if (code && code.length === 6 && last && !last.value && [...last.options].some((o) => o.value === code)) last.value = code;
    },
  };
}
