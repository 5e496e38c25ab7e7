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
};

/* Writes (feedback, union inbox). Callers add headers they own: X-Device-Id, X-XSRF-TOKEN. */
async function send(method, path, { json, form, headers = {} } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json, application/problem+json', ...headers } };
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (form) {
    init.body = new URLSearchParams(form);
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
