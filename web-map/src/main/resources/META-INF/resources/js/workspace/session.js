import { $, clear } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { showMessage, showProblem } from '../alerts.js';

/** Whether the account may change a station in this division (the server checks again). */
export function mayEdit(me, adcode) {
  if (me.role === 'admin') return true;
  if (me.role !== 'editor') return false;
  return me.regions.some((prefix) => String(adcode || '').startsWith(prefix));
}

/** The signed-in account, or null when nobody is signed in. */
export async function currentAccount() {
  try {
    return await api.me();
  } catch (e) {
    if (e.status === 401) return null;
    throw e;
  }
}

/** Shows the sign-in form; resolves with the account once signed in. */
export function signIn({ expired = false } = {}) {
  $('signin-view').hidden = false;
  const form = $('signin-form');
  const box = $('signin-error');
  const button = $('signin-submit');
  if (expired) showMessage(box, { kind: 'warning', title: t('error.signedOut') });
  else clear(box);
  $('signin-username').focus();
  return new Promise((resolve) => {
    form.onsubmit = async (e) => {
      e.preventDefault();
      const username = $('signin-username').value.trim();
      const password = $('signin-password').value;
      if (!username || !password) {
        showMessage(box, { title: t('signin.wrong') });
        return;
      }
      button.disabled = true;
      button.textContent = t('signin.busy');
      try {
        await api.signIn(username, password);
        // /me also sets a fresh XSRF-TOKEN cookie for the new session.
        const me = await api.me();
        $('signin-password').value = '';
        clear(box);
        $('signin-view').hidden = true;
        form.onsubmit = null;
        resolve(me);
      } catch (err) {
        if (err.status === 401) showMessage(box, { title: t('signin.wrong') });
        else if (err.status === 429) showMessage(box, { title: t('signin.throttled'), detail: err.detail });
        else showProblem(box, err);
        $('signin-password').select();
      } finally {
        button.disabled = false;
        button.textContent = t('signin.submit');
      }
    };
  });
}
