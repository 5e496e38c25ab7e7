import { api } from '../api.js';
import { $ } from '../dom.js';
import { addStrings, setLanguage, language, t, translateStatic } from '../i18n.js';
import { chooseTiles, mapCrsOf } from '../tiles.js';
import { WORKSPACE_STRINGS } from './strings.js';
import { signIn } from './session.js';
import { currentAccount } from '../sign-in.js';
import { createRegister } from './register.js';
import { renderExchange } from './exchange.js';
import { renderAccounts } from './accounts.js';
import { renderApiKeys } from './apikeys.js';
import { showProblem } from '../alerts.js';
import { mountStaffNav } from '../staff-nav.js';

const VIEWS = ['register', 'exchange', 'accounts', 'apikeys'];

const query = new URLSearchParams(location.search);
const num = (v) => (v == null || v.trim() === '' || !Number.isFinite(Number(v)) ? null : Number(v));
let me = null;
let regions = [];
let amenities = [];
let register = null;
let view = 'register';
let nav = null;

async function loadAmenities() {
  try {
    amenities = (await api.amenities(language())).amenities;
  } catch (e) {
    amenities = [];
  }
}

function showUser() {
  nav.setAccount(me, me.role === 'admin' && !regions.length
    ? t('ws.allRegions')
    : regions.map((r) => `${r.prefix} ${r.name}`).join('、'));
}

function showView(name) {
  view = name;
  for (const v of VIEWS) $(`${v}-view`).hidden = v !== name;
  for (const tab of document.querySelectorAll('.ws-tab')) {
    if (tab.dataset.view === name) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  if (name === 'register') register?.invalidate();
  if (name === 'exchange') renderExchange($('exchange-view'), { me, regions });
  if (name === 'accounts') renderAccounts($('accounts-view'));
  if (name === 'apikeys') renderApiKeys($('apikeys-view'));
}

async function signedOut({ expired = true } = {}) {
  for (const v of VIEWS) $(`${v}-view`).hidden = true;
  $('tabs').hidden = true;
  nav.setAccount(null);
  me = await signIn({ expired });
  // A different account may have signed in: start over with its regions.
  location.reload();
}

async function startWorkspace() {
  regions = (await Promise.all(me.regions.map((prefix) => api.region(prefix).catch(() => ({ prefix, name: '', counties: [], extent: null })))));
  await loadAmenities();
  showUser();
  $('tabs').hidden = false;
  document.querySelector('.ws-tab[data-view="accounts"]').hidden = me.role !== 'admin';
  document.querySelector('.ws-tab[data-view="apikeys"]').hidden = me.role !== 'admin';

  // Without the configuration the fallback base map will do, silently.
  const tiles = await chooseTiles(query.get('tiles'));
  const mapCrs = mapCrsOf(tiles);
  const lat = num(query.get('lat'));
  const lng = num(query.get('lng'));
  showView('register');
  register = createRegister({
    me, regions, mapCrs, tiles,
    amenities: () => amenities,
    counties: regions.flatMap((r) => r.counties),
    start: lat != null && lng != null ? { lat, lng, zoom: num(query.get('zoom')) ?? 16 } : null,
    onSignedOut: () => signedOut(),
  });
}

async function switchLanguage(lang) {
  setLanguage(lang);
  translateStatic();
  if (language() === 'en') query.set('lang', 'en');
  else query.delete('lang');
  history.replaceState(null, '', `${location.pathname}${query.toString() ? `?${query}` : ''}${location.hash}`);
  if (!me) return;
  await loadAmenities();
  showUser();
  register?.rerender();
  if (view !== 'register') showView(view);
}

async function main() {
  addStrings(WORKSPACE_STRINGS, { title: 'ws.title' });
  setLanguage((query.get('lang') || '').toLowerCase().startsWith('en') ? 'en' : 'zh');
  translateStatic();
  nav = mountStaffNav({
    page: 'workspace',
    onLanguage: switchLanguage,
    onSignOut: () => {
      location.hash = '';
      location.reload();
    },
  });
  for (const tab of document.querySelectorAll('.ws-tab')) tab.addEventListener('click', () => showView(tab.dataset.view));
  try {
    me = await currentAccount();
  } catch (e) {
    $('signin-view').hidden = false;
    showProblem($('signin-error'), e);
    return;
  }
  if (!me) me = await signIn();
  await startWorkspace();
}

main();
