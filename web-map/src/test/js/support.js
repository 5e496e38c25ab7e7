// What the page modules need from a browser, for Node: a document (cookies, title, lang) and
// fetch. The modules under test are the shipped files themselves, imported from src/main.
export const JS = new URL('../../main/resources/META-INF/resources/js/', import.meta.url);

export function fakeDocument({ cookie = '' } = {}) {
  globalThis.document = { cookie, title: '', documentElement: { lang: '' } };
  return globalThis.document;
}
fakeDocument();

/** Replaces fetch: `answer(url, init)` gives the Response; returns the requests made. */
export function stubFetch(answer) {
  const requests = [];
  globalThis.fetch = async (url, init = {}) => {
    requests.push({ url, ...init });
    return answer(url, init);
  };
  return requests;
}

export function json(status, body, headers = {}) {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type, ...headers } });
}
