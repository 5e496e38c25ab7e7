import { account, api } from './api.js';
import { h, clear, $ } from './dom.js';
import { addStrings, language, t } from './i18n.js';

// The one header navigation of the staff pages (workspace, inbox, planning): the pages, who is
// signed in, the language switch and sign-out. On a phone it folds into a menu button, so the
// language switch and sign-out stay reachable at 360 px.

const PAGES = [
  { page: 'workspace', href: '/workspace', key: 'nav.workspace' },
  { page: 'inbox', href: '/inbox', key: 'nav.inbox' },
  { page: 'planning', href: '/planning', key: 'nav.planning' },
  { page: 'map', href: '/', key: 'nav.publicMap' },
];

addStrings({
  zh: {
    'nav.label': '工作人员页面',
    'nav.menu': '菜单',
    'nav.workspace': '工作台',
    'nav.inbox': '反馈与满意度',
    'nav.planning': '站点规划',
    'nav.publicMap': '公众地图',
    'nav.signOut': '退出登录',
    'nav.signedIn': '{user}（{role}）',
    'nav.allRegions': '全国',
    'role.admin': '管理员',
    'role.editor': '编辑',
    'role.viewer': '只读',
  },
  en: {
    'nav.label': 'Staff pages',
    'nav.menu': 'Menu',
    'nav.workspace': 'Workspace',
    'nav.inbox': 'Feedback',
    'nav.planning': 'Planning',
    'nav.publicMap': 'Public map',
    'nav.signOut': 'Sign out',
    'nav.signedIn': '{user} ({role})',
    'nav.allRegions': 'All of China',
    'role.admin': 'administrator',
    'role.editor': 'editor',
    'role.viewer': 'viewer',
  },
});

/** A staff page's address in the current language (the pages read ?lang=en). */
export function staffHref(path) {
  return language() === 'en' ? `${path}${path.includes('?') ? '&' : '?'}lang=en` : path;
}

/**
 * The workspace editor of one station, for every station reference on the staff pages (the
 * public page is for couriers; staff come to change things).
 */
export function editorHref(code) {
  return `${staffHref('/workspace')}#code=${encodeURIComponent(code)}`;
}

/** The workspace's form for a new station, placed at a WGS-84 point (planning's "create a station here"). */
export function newStationHref({ lat, lng }) {
  const at = `lat=${lat.toFixed(6)}&lng=${lng.toFixed(6)}`;
  return `${staffHref(`/workspace?${at}&zoom=17`)}#new&${at}`;
}

/**
 * Fills the page's `<div id="staff-nav">`. `page` marks the current one; `onLanguage` runs after
 * the language changed (the page re-renders its own text); `onSignOut` after signing out (default:
 * reload, which shows the sign-in form). Returns {setAccount(me, regionNames), rerender()}.
 */
export function mountStaffNav({ page, onLanguage, onSignOut = () => location.reload() }) {
  const host = $('staff-nav');
  let me = null;
  let regionText = '';
  const menu = h('div', { id: 'staff-menu', class: 'staff-menu' });
  const toggle = h('button', { type: 'button', id: 'staff-menu-button', class: 'staff-menu-button', 'aria-expanded': 'false', 'aria-controls': 'staff-menu' });
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
      setOpen(false);
      toggle.focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (!host.contains(e.target)) setOpen(false);
  });
  host.replaceChildren(toggle, menu);

  function setOpen(open) {
    toggle.setAttribute('aria-expanded', String(open));
    host.classList.toggle('is-open', open);
  }

  async function signOut() {
    try {
      await account.signOut();
    } finally {
      onSignOut();
    }
  }

  function switchLanguage() {
    setOpen(false);
    onLanguage(language() === 'en' ? 'zh' : 'en');
    render();
    // The button was drawn anew: keep the keyboard where it was (the menu button on a phone).
    const again = $('lang-switch');
    (again.offsetParent ? again : toggle).focus();
  }

  function render() {
    clear(toggle).append(h('span', { class: 'burger', 'aria-hidden': 'true' }), t('nav.menu'));
    const links = h('nav', { class: 'staff-links', 'aria-label': t('nav.label') },
      PAGES.map((p) => h('a', { href: staffHref(p.href), 'data-page': p.page, 'aria-current': p.page === page ? 'page' : null }, t(p.key))));
    const user = me
      ? h('p', { id: 'staff-user', class: 'staff-user' },
        h('span', { id: 'ws-user-name' }, t('nav.signedIn', { user: me.username, role: t(`role.${me.role}`) })), ' ',
        h('span', { id: 'ws-user-regions', class: 'staff-regions' }, regionText))
      : null;
    const lang = h('button', { type: 'button', id: 'lang-switch', class: 'lang-switch', 'aria-label': t('lang.switch.label'), title: t('lang.switch.label'), onclick: switchLanguage }, t('lang.switch'));
    const out = me ? h('button', { type: 'button', id: 'sign-out', class: 'lang-switch', onclick: signOut }, t('nav.signOut')) : null;
    clear(menu).append(links, user || '', lang, out || '');
  }

  /** "1503 乌海市" rather than a bare code: staff know their city by name. */
  async function nameRegions(account) {
    const named = await Promise.all(account.regions.map((prefix) => api.region(prefix)
      .then((r) => `${prefix} ${r.name}`).catch(() => prefix)));
    if (me !== account) return;
    regionText = named.join('、');
    render();
  }

  render();
  return {
    /** Shows who is signed in (null: nobody); `regions` is the text for their regions (names, or "all of China"). */
    setAccount(account, regions) {
      me = account;
      regionText = !account ? '' : regions ?? (account.regions.join('、') || t('nav.allRegions'));
      render();
      if (account && regions == null && account.regions.length) nameRegions(account);
    },
    rerender: render,
  };
}
