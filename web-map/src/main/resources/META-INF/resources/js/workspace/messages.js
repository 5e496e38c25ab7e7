import { h, clear } from '../dom.js';
import { t, language } from '../i18n.js';
import { icon } from '../icons.js';

// The API's problem titles are English; these are the ones staff meet, in Chinese.
const TITLES_ZH = {
  'Outside your region': '超出您的管辖地区',
  'The station was changed by someone else': '此站点已被其他人修改',
  'The account was changed by someone else': '此账户已被其他人修改',
  'Some fields are not valid': '有字段填写不正确',
  'Invalid opening hours': '开放时间格式不正确',
  'Not allowed': '无权操作',
  'Sign-in required': '需要登录',
  'No such station': '没有这个站点',
};

/** Title and detail for a person: the problem's own words, the title in Chinese when known. */
export function describe(error) {
  if (error.status === 0) return { title: t('error.network'), detail: null };
  if (!error.title) return { title: t('error.generic'), detail: null };
  const title = language() === 'zh' && TITLES_ZH[error.title] ? TITLES_ZH[error.title] : error.title;
  return { title, detail: error.detail };
}

/**
 * Shows one message in `box` (replacing what was there). kind: error | warning | info.
 * `actions` are [{label, onClick}] buttons under the text.
 */
export function showMessage(box, { kind = 'error', title, detail, actions = [], extra = null }) {
  clear(box);
  box.append(h('div', { class: `alert is-${kind}`, 'data-kind': kind },
    h('div', { class: 'alert-body' },
      h('p', {}, h('strong', { class: 'alert-title' }, title), detail ? h('span', { class: 'alert-detail' }, detail) : null),
      extra,
      actions.length ? h('div', { class: 'alert-actions' }, actions.map((a) =>
        h('button', { type: 'button', class: 'secondary', onclick: a.onClick, 'data-action': a.id || null }, a.label))) : null),
    h('button', { type: 'button', class: 'dismiss', 'aria-label': t('dismiss'), onclick: () => clear(box) }, icon('close'))));
}

export function showError(box, error, options = {}) {
  showMessage(box, { ...describe(error), ...options, kind: 'error' });
}
