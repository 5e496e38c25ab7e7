import { account } from './api.js';
import { t } from './i18n.js';
import { problemMessage } from './problem.js';

// The one sign-in flow of the staff pages (workspace, planning, inbox). Each page lays out its
// own form and decides what to show around it; asking, posting and wording failures happen here.

/** The signed-in account ({username, role, regions}), or null when nobody is signed in. */
export async function currentAccount() {
  // /api/v1/session answers "nobody" with 200, so a signed-out page logs no failed request.
  let session;
  try {
    session = await account.session();
  } catch (e) {
    // A session the server has just ended (the account was changed) still answers 401.
    if (e.status === 401) return null;
    throw e;
  }
  return session.signedIn ? { username: session.username, role: session.role, regions: session.regions } : null;
}

/**
 * Why a sign-in failed, as {title, detail}: the API's problem as it words it (in the page language);
 * the page's own words only for an answer without a problem document.
 */
export function signInFailure(error) {
  if (error.title) return problemMessage(error);
  if (error.status === 401) return { title: t('signin.wrong'), detail: null };
  if (error.status === 429) return { title: t('signin.throttled'), detail: error.detail || null };
  return problemMessage(error);
}

/**
 * Takes over the page's sign-in form (its `form`, `username` and `password` inputs and `submit`
 * button) and resolves with the account once signed in. After /login it asks /api/v1/me, which
 * also sets the new session's XSRF-TOKEN cookie. A failure goes to `onFailure` as {title, detail}
 * and the form stays for another try.
 */
export function awaitSignIn({ form, username, password, submit, onFailure }) {
  return new Promise((resolve) => {
    form.onsubmit = async (event) => {
      event.preventDefault();
      const name = username.value.trim();
      if (!name || !password.value) {
        onFailure({ title: t('signin.wrong'), detail: null });
        return;
      }
      const label = submit.textContent;
      submit.disabled = true;
      submit.textContent = t('signin.busy');
      try {
        await account.signIn(name, password.value);
        const me = await account.me();
        password.value = '';
        form.onsubmit = null;
        resolve(me);
      } catch (e) {
        onFailure(signInFailure(e));
        password.select();
      } finally {
        submit.disabled = false;
        submit.textContent = label;
      }
    };
  });
}
