import { language } from './i18n.js';

// The only module that talks HTTP. Every request asks for the page's language (Accept-Language),
// so the API's problems come in it; errors become ApiError with the problem's title and detail
// (and the whole problem document, for field errors and import reports); problem.js shows them.
export class ApiError extends Error {
  /** status 0: no answer (the network failed). retryAfter: seconds from Retry-After, or null. */
  constructor(status, title, detail, problem = {}, retryAfter = null) {
    super(title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

/** Retry-After (RFC 9110: delay-seconds or an HTTP date) as whole seconds from `now`, or null. */
export function retryAfterSeconds(value, now = Date.now()) {
  if (value == null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

const ACCEPT = 'application/json, application/geo+json, application/problem+json';

// Answers the service worker (/sw.js) served from its cache because the network failed, with
// when they were fetched. A WeakMap keeps the API's documents as the API sent them.
const FETCHED_AT = 'X-Yizhan-Fetched-At';
const fromCache = new WeakMap();

/** When a cached answer was fetched (a Date), or null for a live one. */
export function cachedAt(answer) {
  return (answer && typeof answer === 'object' && fromCache.get(answer)) || null;
}

function withQuery(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value == null || value === '' || value === false) continue;
    query.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return query.toString() ? `${path}?${query}` : path;
}

function cookie(name) {
  const found = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
}

/**
 * One request. Non-GET requests carry the CSRF token from the XSRF-TOKEN cookie (the session
 * is a cookie, so the server insists); `json` is sent as JSON, `form` (FormData or
 * URLSearchParams) as it is; `headers` adds the caller's own (X-Device-Id). A 204 resolves to null.
 */
async function request(method, url, { json, form, signal, headers: extra = {} } = {}) {
  const headers = { Accept: ACCEPT, 'Accept-Language': language() === 'en' ? 'en' : 'zh-CN', ...extra };
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form !== undefined) {
    body = form;
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const token = cookie('XSRF-TOKEN');
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  let response;
  try {
    response = await fetch(url, { method, headers, body, signal, credentials: 'same-origin' });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, null, null);
  }
  if (!response.ok) {
    let problem = {};
    try {
      problem = (await response.json()) ?? {};
    } catch (ignored) {
      // Not a problem document (a proxy's HTML page, say): the caller shows a generic message.
    }
    if (typeof problem !== 'object') problem = {};
    throw new ApiError(response.status, problem.title || null, problem.detail || null, problem,
      retryAfterSeconds(response.headers.get('Retry-After')));
  }
  if (response.status === 204) return null;
  const answer = await response.json();
  const fetchedAt = Number(response.headers.get(FETCHED_AT));
  if (fetchedAt > 0 && answer && typeof answer === 'object') fromCache.set(answer, new Date(fetchedAt));
  return answer;
}

const get = (path, params, signal) => request('GET', withQuery(path, params), { signal });
const station = (code) => `/api/v1/stations/${encodeURIComponent(code.trim())}`;

export const api = {
  mapConfig: () => get('/api/v1/map-config'),
  amenities: (lang) => get('/api/v1/amenities', { lang }),
  station: (code, { crs, lang } = {}) => get(station(code), { crs, lang }),
  nearest: ({ lat, lng, limit, amenities, openNow, crs, lang, by }, signal) =>
    get('/api/v1/stations/nearest', { lat, lng, limit, amenities, openNow: openNow ? 'true' : null, crs, lang, by }, signal),
  /** `polyline`: the route encoded (WGS-84); the answer's locations are WGS-84 too. */
  alongRoute: ({ polyline, buffer, limit, amenities, openNow, alwaysOpen, lang, by }, signal) =>
    request('POST', withQuery('/api/v1/stations/along-route', {
      buffer, limit, amenities, openNow: openNow ? 'true' : null, alwaysOpen: alwaysOpen ? 'true' : null, lang, by,
    }), { json: { polyline }, signal }),
  inBox: ({ bbox, limit, amenities, crs, lang, status }, signal) =>
    get('/api/v1/stations', { bbox: bbox.join(','), limit, amenities, crs, lang, status }, signal),
  clusters: ({ bbox, columns, amenities, crs }, signal) =>
    get('/api/v1/stations/clusters', { bbox: bbox.join(','), columns, amenities, crs }, signal),
  /** The next page of a paged answer: the server's own link, same origin. */
  follow: (href, signal) => request('GET', href, { signal }),

  // The workspace: signed-in union staff.
  region: (prefix) => get(`/api/v1/regions/${encodeURIComponent(prefix)}`),
  createStation: (form) => request('POST', '/api/v1/stations', { json: form }),
  updateStation: (code, form) => request('PUT', station(code), { json: form }),
  changeStatus: (code, { status, reason, version }) => request('POST', `${station(code)}/status`, { json: { status, reason, version } }),
  /** One status for many stations, all or nothing: {stations, changed}. */
  changeStatuses: (codes, { status, reason }) => request('POST', '/api/v1/stations/bulk-status', { json: { codes, status, reason } }),
  duplicates: ({ lat, lng, name, crs, except }) => get('/api/v1/stations/duplicates', { lat, lng, name, crs, except }),
  history: (code) => get(`${station(code)}/history`),
  photos: (code) => get(`${station(code)}/photos`),
  uploadPhoto: (code, file) => {
    const form = new FormData();
    form.append('file', file);
    return request('POST', `${station(code)}/photos`, { form });
  },
  deletePhoto: (code, id) => request('DELETE', `${station(code)}/photos/${encodeURIComponent(id)}`),
  importRegister: (file, { crs, dryRun }) => {
    const form = new FormData();
    form.append('file', file);
    if (crs) form.append('crs', crs);
    return request('POST', withQuery('/api/v1/register/imports', { dryRun: dryRun ? 'true' : 'false' }), { form });
  },
  accounts: () => get('/api/v1/accounts'),
  createAccount: (account) => request('POST', '/api/v1/accounts', { json: account }),
  updateAccount: (username, account) => request('PUT', `/api/v1/accounts/${encodeURIComponent(username)}`, { json: account }),
  apiKeys: () => get('/api/v1/api-keys', { days: 7 }),
  issueApiKey: (form) => request('POST', '/api/v1/api-keys', { json: form }),
  revokeApiKey: (id) => request('POST', `/api/v1/api-keys/${encodeURIComponent(id)}/revoke`),
};

/** Links the browser opens itself (downloads, PDFs): same query rules as the API calls. */
export const links = {
  template: () => '/api/v1/register/template.xlsx',
  exportRegister: ({ format, region, status }) => withQuery('/api/v1/register/export', { format, region, status }),
  openData: (format, crs) => `/api/v1/open-data/stations.${format}${crs ? `?crs=${encodeURIComponent(crs)}` : ''}`,
  plaques: ({ codes, region, perPage, union }) => withQuery('/api/v1/plaques', { codes, region, perPage, union }),
  feedbackExport: ({ format, days, region }) => withQuery('/api/v1/feedback/export', { format, days, region }),
};

export const apiUrl = withQuery;

/** The staff pages' session (see sign-in.js): who is signed in, signing in and out. */
export const account = {
  me: () => get('/api/v1/me'),
  /** {signedIn, username, role, regions}: signed out is an answer here, not a 401. */
  session: () => get('/api/v1/session'),
  signIn: (username, password) => request('POST', '/login', { form: new URLSearchParams({ username, password }) }),
  signOut: () => request('POST', '/logout'),
};

/** The planning view: signed-in union planners. */
export const planningApi = {
  sets: () => get('/api/v1/planning/sets'),
  upload: ({ file, kind, name, crs }) => {
    const form = new FormData();
    form.append('file', file);
    return request('POST', withQuery('/api/v1/planning/sets', { kind, name, crs }), { form });
  },
  queryDemand: () => get('/api/v1/planning/query-demand'),
  coverage: (params) => get('/api/v1/planning/coverage', params),
  gaps: (params) => get('/api/v1/planning/gaps', params),
  suggestions: (params) => get('/api/v1/planning/suggestions', params),
  fullCover: (params) => get('/api/v1/planning/full-cover', params),
  redundancy: (params) => get('/api/v1/planning/redundancy', params),
  /** Streets within reach of each station (codes: up to 100), as GeoJSON. */
  catchments: (params, signal) => get('/api/v1/planning/catchments', params, signal),
  renameSet: (id, name) => request('PATCH', `/api/v1/planning/sets/${encodeURIComponent(id)}`, { json: { name } }),
  deleteSet: (id) => request('DELETE', `/api/v1/planning/sets/${encodeURIComponent(id)}`),
  divisionAt,
};

/** The division a point lies in ({adcode, area, candidates, suggested}); crs defaults to WGS-84. */
export function divisionAt({ lat, lng, crs }, signal) {
  return get('/api/v1/divisions/at', { lat, lng, crs }, signal);
}

/** Worker feedback (no login; X-Device-Id and X-Feedback-Token headers) and the unions' inbox. */
export const feedbackApi = {
  summary: (code) => get(`${station(code)}/feedback`),
  /** A short-lived token bound to this network; feedback writes must carry it. */
  token: () => request('GET', '/api/v1/feedback-token'),
  rate: (code, body, headers) => request('POST', `${station(code)}/ratings`, { json: body, headers }),
  report: (code, body, headers) => request('POST', `${station(code)}/reports`, { json: body, headers }),
  checkin: (code, headers) => request('POST', `${station(code)}/checkins`, { json: {}, headers }),
  inbox: (params) => get('/api/v1/feedback/inbox', params),
  acknowledge: (id) => request('POST', `/api/v1/feedback/reports/${id}/acknowledge`),
  resolve: (id, note) => request('POST', `/api/v1/feedback/reports/${id}/resolve`, { json: { note } }),
  dashboard: (params) => get('/api/v1/feedback/dashboard', params),
  /** Acknowledge, resolve or reopen a group of reports: all or nothing. */
  bulk: ({ ids, action, note }) => request('POST', '/api/v1/feedback/reports/bulk', { json: { ids, action, note } }),
  verify: (code) => request('POST', `${station(code)}/verify`),
};
