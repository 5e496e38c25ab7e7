import { planningApi } from '../api.js';
import { $ } from '../dom.js';
import { t } from '../i18n.js';

/**
 * The page needs a session: /api/v1/me tells who is signed in; a 401 shows the sign-in form,
 * which posts to /login and then asks /api/v1/me again (that also refreshes the XSRF cookie).
 */
export async function currentUser() {
  try {
    return await planningApi.me();
  } catch (e) {
    if (e.status === 401) return null;
    throw e;
  }
}

export function askToSignIn({ onSignedIn, onError }) {
  $('workspace').hidden = true;
  $('signin').hidden = false;
  $('who').textContent = '';
  $('sign-out').hidden = true;
  const form = $('signin-form');
  form.onsubmit = async (event) => {
    event.preventDefault();
    const button = $('signin-submit');
    button.disabled = true;
    button.textContent = t('signin.busy');
    try {
      await planningApi.signIn($('username').value.trim(), $('password').value);
      $('password').value = '';
      onSignedIn(await planningApi.me());
    } catch (e) {
      onError(e.status === 401 ? { title: t('signin.wrong'), detail: null } : e);
    } finally {
      button.disabled = false;
      button.textContent = t('signin.submit');
    }
  };
  $('username').focus();
}

export function showSignedIn(user, { onSignOut }) {
  $('signin').hidden = true;
  $('workspace').hidden = false;
  $('who').textContent = t('plan.signedIn', { user: user.username });
  const out = $('sign-out');
  out.hidden = false;
  out.onclick = async () => {
    try {
      await planningApi.signOut();
    } finally {
      onSignOut();
    }
  };
}
