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
