import { account } from '../api.js';
import { $ } from '../dom.js';
import { t } from '../i18n.js';
import { awaitSignIn } from '../sign-in.js';

/** Hides the planning tools behind the sign-in form until someone signs in (see sign-in.js). */
export function askToSignIn({ onSignedIn, onError }) {
  $('workspace').hidden = true;
  $('signin').hidden = false;
  $('who').textContent = '';
  $('sign-out').hidden = true;
  awaitSignIn({ form: $('signin-form'), username: $('username'), password: $('password'), submit: $('signin-submit'), onFailure: onError })
    .then(onSignedIn);
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
      await account.signOut();
    } finally {
      onSignOut();
    }
  };
}
