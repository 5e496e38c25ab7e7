import { t } from './i18n.js';

// The API writes its problems (RFC 9457) in the language api.js asks for (the page's), from its
// one message bundle: they are shown as they come, never translated here. Only answers without a
// problem document (no network, a proxy's error page) are worded by the page itself.

// For answers without a problem document (a proxy's error page, no network): what the status says.
const BY_STATUS = { 0: 'error.network', 401: 'error.401', 403: 'error.403', 404: 'error.404', 409: 'error.409', 413: 'error.413', 429: 'error.429', 503: 'error.503' };

function statusTitle(error) {
  if (error.status === 429 && error.retryAfter > 0) return t('error.429.after', { seconds: error.retryAfter });
  return t(BY_STATUS[error.status] || 'error.generic');
}

/**
 * What to tell a person about a failed request (an ApiError from api.js, or anything with
 * status/title/detail): the problem's own title and detail, already in the page's language; without
 * a title, a message for the status (status 0: the network failed).
 */
export function problemMessage(error) {
  if (!error.title) return { title: statusTitle(error), detail: error.detail || null };
  return { title: error.title, detail: error.detail || null };
}

/** The same as one line, for places with room for a sentence only. */
export function problemText(error) {
  const { title, detail } = problemMessage(error);
  return detail ? `${title} ${detail}` : title;
}
