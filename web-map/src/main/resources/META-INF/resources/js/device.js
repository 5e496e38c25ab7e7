// A random id for this phone, kept in localStorage, sent as X-Device-Id with feedback. It says
// nothing about the worker; the server keeps only a daily hash of it for the one-per-day rules.
const KEY = 'yizhan.deviceId';

function randomId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function deviceHeaders() {
  let id = null;
  try {
    id = localStorage.getItem(KEY);
    if (!id) {
      id = randomId();
      localStorage.setItem(KEY, id);
    }
  } catch (e) {
    // Private mode without storage: a fresh id per page load still works, just less strictly.
    id = id || randomId();
  }
  return { 'X-Device-Id': id };
}
