import { $ } from '../dom.js';
import { awaitSignIn } from '../sign-in.js';

/** Hides the planning tools behind the sign-in form until someone signs in (see sign-in.js). */
export function askToSignIn({ nav, onSignedIn, onError }) {
  $('workspace').hidden = true;
  $('signin').hidden = false;
  nav.setAccount(null);
  awaitSignIn({ form: $('signin-form'), username: $('username'), password: $('password'), submit: $('signin-submit'), onFailure: onError })
    .then(onSignedIn);
  $('username').focus();
}

export function showSignedIn(user, { nav }) {
  $('signin').hidden = true;
  $('workspace').hidden = false;
  nav.setAccount(user);
}
