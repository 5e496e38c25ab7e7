import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { distance, travelTimes, openingState, openingClass, stationName } from './format.js';
import { icon, amenityIcon } from './icons.js';
import { asOfText } from './offline.js';
import { directionLinks } from './navigate.js';
import { shareUrl } from './state.js';
import { verifiedText } from './feedback.js';

function field(labelKey, ...value) {
  return [h('dt', {}, t(labelKey)), h('dd', {}, ...value)];
}

export function copyButton(url) {
  const button = h('button', { type: 'button', class: 'small-button' }, t('detail.copy'));
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(url);
      button.textContent = t('detail.copied');
    } catch (e) {
      // Clipboard needs a secure context; selecting the link lets the user copy by hand.
      window.getSelection().selectAllChildren(button.previousElementSibling);
    }
  });
  return button;
}

function backButton(onBack) {
  return h('button', { type: 'button', class: 'back-button', onclick: onBack }, icon('back'), t('detail.back'));
}

/**
 * The station card. `views` holds the station in wgs84, gcj02 and bd09 (from the API) for the
 * direction links; `distanceMeters` comes from the nearest list when the station is in it;
 * `asOf` (a Date) marks a card from the offline copy. Photos go into the empty #photos section.
 */
export function renderDetail(container, views, { distanceMeters, distanceText = null, onBack, asOf = null }) {
  const s = views.wgs84;
  const opening = openingState(s);
  const phone = (s.contactPhone || '').replace(/[^0-9+\-]/g, '');
  const url = shareUrl(s.code);
  const host = `${s.hostOrganisation}${s.hostType ? ` (${t(`host.${s.hostType}`)})` : ''}`;
  clear(container);
  // Element.append would write a null as the text "null": drop absent parts first.
  container.append(...[
    backButton(onBack),
    h('h2', { id: 'detail-title', class: 'detail-title', tabindex: '-1' }, stationName(s)),
    asOf ? h('p', { class: 'offline-badge', id: 'detail-offline' }, icon('offline'), `${t('offline.detail')} ${asOfText(asOf)}`) : null,
    s.stale ? h('p', { class: 'stale-badge', id: 'stale-badge' }, icon('warning'), t('feedback.stale')) : null,
    s.lastVerifiedAt ? h('p', { class: 'verified', id: 'verified' }, icon('verified'), verifiedText(s.lastVerifiedAt)) : null,
    s.status !== 'active' ? h('p', { class: 'status-banner' }, t(`status.${s.status}`), s.statusReason ? ` · ${s.statusReason}` : '') : null,
    h('p', { class: `open-state big ${openingClass(opening)}` }, opening.text),
    // From the list: how far, measured as the list measured it (on foot, along the route…).
    distanceText ? h('p', { class: 'detail-distance' }, distanceText) : distanceMeters != null
      ? h('p', { class: 'detail-distance' }, `${distance(distanceMeters)} · ${travelTimes(distanceMeters).walk} · ${travelTimes(distanceMeters).ride}`)
      : null,
    h('h3', { class: 'section-title' }, t('detail.navigate')),
    h('div', { class: 'nav-links' }, directionLinks(stationName(s), { wgs84: views.wgs84.location, gcj02: views.gcj02.location, bd09: views.bd09.location }).map((link) =>
      h('a', { class: `nav-link nav-${link.id}`, href: link.href, target: '_blank', rel: 'noopener noreferrer', 'aria-label': link.ariaLabel, 'data-app': link.id }, link.label))),
    h('dl', { class: 'facts' },
      field('detail.code', h('span', { class: 'code' }, s.code)),
      field('detail.address', s.address, s.division ? h('span', { class: 'division' }, s.division) : null),
      field('detail.hours', s.openingHours),
      field('detail.host', host),
      field('detail.phone', phone ? h('a', { href: `tel:${phone}`, class: 'phone-link' }, s.contactPhone) : '—'),
      field('detail.status', t(`status.${s.status}`))),
    h('h3', { class: 'section-title' }, t('detail.amenities')),
    h('ul', { class: 'amenity-list' }, s.amenities.map((key, i) =>
      h('li', {}, amenityIcon(key, { className: 'amenity-icon' }), s.amenityLabels[i]))),
    h('section', { id: 'photos', class: 'photos', 'aria-labelledby': 'photos-title', hidden: true }),
    h('section', { id: 'feedback', class: 'feedback', 'aria-labelledby': 'feedback-title' }),
    h('h3', { class: 'section-title' }, t('detail.share')),
    h('p', { class: 'share' }, h('a', { href: url, class: 'share-link' }, url), copyButton(url)),
  ].filter(Boolean));
}

/** The card's way back to the list, with a message when there is one (text may be null). */
export function renderDetailMessage(container, text, onBack) {
  clear(container);
  container.append(
    backButton(onBack),
    ...(text ? [h('p', { class: 'list-message' }, text)] : []));
}
