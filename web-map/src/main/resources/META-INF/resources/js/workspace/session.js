import { $, clear } from '../dom.js';
import { t } from '../i18n.js';
import { showMessage } from '../alerts.js';
import { awaitSignIn } from '../sign-in.js';

/** Whether the account may change a station in this division (the server checks again). */
export function mayEdit(me, adcode) {
  if (me.role === 'admin') return true;
  if (me.role !== 'editor') return false;
  return me.regions.some((prefix) => String(adcode || '').startsWith(prefix));
}

/** Shows the sign-in form (saying why when the session `expired`); resolves with the account once signed in. */
export async function signIn({ expired = false } = {}) {
  $('signin-view').hidden = false;
  const box = $('signin-error');
  if (expired) showMessage(box, { kind: 'warning', title: t('error.signedOut') });
  else clear(box);
  $('signin-username').focus();
  const me = await awaitSignIn({
    form: $('signin-form'), username: $('signin-username'), password: $('signin-password'), submit: $('signin-submit'),
    onFailure: (message) => showMessage(box, message),
  });
  clear(box);
  $('signin-view').hidden = true;
  return me;
}
