import { t, language } from './i18n.js';

// The API writes its problems (RFC 9457) in English; the titles people meet most, in Chinese.
// A title not listed here is shown as the API wrote it: its words beat a vaguer one of ours.
const TITLES_ZH = {
  'Outside your region': '超出您的管辖地区',
  'The station was changed by someone else': '此站点已被其他人修改',
  'The account was changed by someone else': '此账户已被其他人修改',
  'Some fields are not valid': '有字段填写不正确',
  'Invalid opening hours': '开放时间格式不正确',
  'Not allowed': '无权操作',
  'Sign-in required': '需要登录',
  'No such station': '没有这个站点',
  'Malformed station code': '站点编码格式不对',
  'Wrong check character in station code': '站点编码最后一位（校验位）不对，请核对站牌',
};

// For answers without a problem document (a proxy's error page, no network): what the status says.
const BY_STATUS = { 0: 'error.network', 401: 'error.401', 403: 'error.403', 404: 'error.404', 409: 'error.409', 413: 'error.413', 429: 'error.429', 503: 'error.503' };

function statusTitle(error) {
  if (error.status === 429 && error.retryAfter > 0) return t('error.429.after', { seconds: error.retryAfter });
  return t(BY_STATUS[error.status] || 'error.generic');
}

/**
 * What to tell a person about a failed request (an ApiError from api.js, or anything with
 * status/title/detail): the problem's own title, in the page's language when we know it, and its
 * detail; without a title, a message for the status (status 0: the network failed).
 */
export function problemMessage(error) {
  if (!error.title) return { title: statusTitle(error), detail: error.detail || null };
  const title = language() === 'zh' && TITLES_ZH[error.title] ? TITLES_ZH[error.title] : error.title;
  return { title, detail: error.detail || null };
}

/** The same as one line, for places with room for a sentence only. */
export function problemText(error) {
  const { title, detail } = problemMessage(error);
  return detail ? `${title} ${detail}` : title;
}
