import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { showMessage } from '../alerts.js';

const DUPLICATE_DEBOUNCE_MS = 400;

/** Stations near the one being saved, one line each: kind, name, code, metres. */
export function duplicateList(warnings) {
  return h('ul', { class: 'dup-list' }, warnings.map((w) => h('li', { 'data-code': w.code },
    t('dup.item', { kind: t(`dup.${w.type}`), name: w.name, code: w.code, m: Math.round(w.distanceMeters) }))));
}

function renderDuplicates(box, warnings) {
  if (!warnings || !warnings.length) {
    clear(box);
    return;
  }
  showMessage(box, { kind: 'warning', title: t('editor.dupTitle'), extra: duplicateList(warnings) });
}

/**
 * Warns in `box`, before saving, of stations at about the same place or with the same name.
 * Returns check(), debounced: `query()` gives {lat, lng, name, crs, except}, or null for no point.
 */
export function duplicateWarnings(box, query) {
  let timer;
  return function check() {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = query();
      if (!q) return;
      try {
        renderDuplicates(box, (await api.duplicates(q)).warnings);
      } catch (e) {
        clear(box);
      }
    }, DUPLICATE_DEBOUNCE_MS);
  };
}
