// The session's CSRF token: Spring Security puts it in the XSRF-TOKEN cookie; writes send it back
// as X-XSRF-TOKEN. (Kept here until the shared api.js sends it by itself.)
export function xsrfHeaders() {
  const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? { 'X-XSRF-TOKEN': decodeURIComponent(match.slice('XSRF-TOKEN='.length)) } : {};
}
