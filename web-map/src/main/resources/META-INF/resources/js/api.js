// The only module that talks HTTP. Errors become ApiError with the problem's title and detail.
export class ApiError extends Error {
  constructor(status, title, detail) {
    super(title);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

async function get(path, params = {}, signal) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value == null || value === '' || value === false) continue;
    query.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const url = query.toString() ? `${path}?${query}` : path;
  let response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json, application/geo+json, application/problem+json' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, null, null);
  }
  if (!response.ok) {
    let problem = {};
    try {
      problem = await response.json();
    } catch (ignored) {
      // Not a problem document (a proxy's HTML page, say): the caller shows a generic message.
    }
    throw new ApiError(response.status, problem.title || null, problem.detail || null);
  }
  return response.json();
}

export const api = {
  mapConfig: () => get('/api/v1/map-config'),
  amenities: (lang) => get('/api/v1/amenities', { lang }),
  station: (code, { crs, lang } = {}) => get(`/api/v1/stations/${encodeURIComponent(code.trim())}`, { crs, lang }),
  nearest: ({ lat, lng, limit, amenities, openNow, crs, lang }, signal) =>
    get('/api/v1/stations/nearest', { lat, lng, limit, amenities, openNow: openNow ? 'true' : null, crs, lang }, signal),
  inBox: ({ bbox, limit, amenities, crs, lang }, signal) =>
    get('/api/v1/stations', { bbox: bbox.join(','), limit, amenities, crs, lang }, signal),
  clusters: ({ bbox, columns, amenities, crs }, signal) =>
    get('/api/v1/stations/clusters', { bbox: bbox.join(','), columns, amenities, crs }, signal),
};

// Writes and signed-in calls. Every write carries the XSRF-TOKEN cookie back as a header (the
// server checks it for cookie sessions); callers add headers they own, such as X-Device-Id.
// A 401 is an ApiError with status 401 so a page can ask the user to sign in.
function xsrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : null;
}

export function apiUrl(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value != null && value !== '') query.set(key, String(value));
  return query.toString() ? `${path}?${query}` : path;
}

/** body: FormData or URLSearchParams as is; json: serialised; form: a plain object sent as a form. */
async function send(method, path, { json, form, body, headers = {} } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json, application/problem+json', ...headers } };
  const token = xsrfToken();
  if (token) init.headers['X-XSRF-TOKEN'] = token;
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (form) {
    init.body = new URLSearchParams(form);
  } else if (body) {
    init.body = body;
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, null, null);
  }
  if (!response.ok) {
    let problem = {};
    try {
      problem = await response.json();
    } catch (ignored) {
      // Not a problem document: the caller shows a generic message.
    }
    throw new ApiError(response.status, problem.title || null, problem.detail || null);
  }
  return response.status === 204 ? {} : response.json();
}

export const planningApi = {
  me: () => get('/api/v1/me'),
  signIn: (username, password) => send('POST', '/login', { form: { username, password } }),
  signOut: () => send('POST', '/logout'),
  sets: () => get('/api/v1/planning/sets'),
  upload: ({ file, kind, name, crs }) => {
    const form = new FormData();
    form.append('file', file);
    return send('POST', apiUrl('/api/v1/planning/sets', { kind, name, crs }), { body: form });
  },
  queryDemand: () => get('/api/v1/planning/query-demand'),
  coverage: (params) => get('/api/v1/planning/coverage', params),
  gaps: (params) => get('/api/v1/planning/gaps', params),
  suggestions: (params) => get('/api/v1/planning/suggestions', params),
  fullCover: (params) => get('/api/v1/planning/full-cover', params),
  redundancy: (params) => get('/api/v1/planning/redundancy', params),
};

const station = (code) => `/api/v1/stations/${encodeURIComponent(code)}`;

export const feedbackApi = {
  summary: (code) => get(`${station(code)}/feedback`),
  rate: (code, body, headers) => send('POST', `${station(code)}/ratings`, { json: body, headers }),
  report: (code, body, headers) => send('POST', `${station(code)}/reports`, { json: body, headers }),
  checkin: (code, headers) => send('POST', `${station(code)}/checkins`, { json: {}, headers }),
  signIn: (username, password) => send('POST', '/login', { form: { username, password } }),
  me: () => get('/api/v1/me'),
  inbox: (params) => get('/api/v1/feedback/inbox', params),
  acknowledge: (id, headers) => send('POST', `/api/v1/feedback/reports/${id}/acknowledge`, { headers }),
  resolve: (id, note, headers) => send('POST', `/api/v1/feedback/reports/${id}/resolve`, { json: { note }, headers }),
  dashboard: (params) => get('/api/v1/feedback/dashboard', params),
};
