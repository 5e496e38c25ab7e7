import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { icon } from './icons.js';
import { problemMessage } from './problem.js';

/**
 * Shows one message in `box`, replacing what was there. kind: error | warning | info.
 * `actions` are [{id, label, onClick}] buttons under the text; `extra` an element under it.
 */
export function showMessage(box, { kind = 'error', title, detail, actions = [], extra = null }) {
  clear(box);
  box.append(h('div', { class: `alert is-${kind}`, 'data-kind': kind },
    h('div', { class: 'alert-body' },
      h('p', {}, h('strong', { class: 'alert-title' }, title), detail ? h('span', { class: 'alert-detail' }, ` ${detail}`) : null),
      extra,
      actions.length ? h('div', { class: 'alert-actions' }, actions.map((a) =>
        h('button', { type: 'button', class: 'secondary', onclick: a.onClick, 'data-action': a.id || null }, a.label))) : null),
    h('button', { type: 'button', class: 'dismiss', 'aria-label': t('dismiss'), onclick: () => clear(box) }, icon('close'))));
}

/** A failed request's problem (see problem.js) as an error message; `options` override its parts. */
export function showProblem(box, error, options = {}) {
  showMessage(box, { ...problemMessage(error), ...options, kind: 'error' });
}
