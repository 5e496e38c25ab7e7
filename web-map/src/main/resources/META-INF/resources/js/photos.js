import { api, cachedAt } from './api.js';
import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { stationName } from './format.js';

/**
 * The station's photos as thumbnails that load only when scrolled to (loading="lazy"); each
 * opens the larger image. The section stays hidden when there are none or the network is gone.
 */
export async function renderPhotos(section, station) {
  let answer;
  try {
    answer = await api.photos(station.code);
  } catch (e) {
    return;
  }
  // A saved list offline would point at images that are not saved: show none rather than broken ones.
  if (!section.isConnected || cachedAt(answer) || !answer.photos.length) return;
  const name = stationName(station);
  clear(section).append(
    h('h3', { class: 'section-title', id: 'photos-title' }, t('photos.title')),
    h('ul', { class: 'photo-strip' }, answer.photos.map((p, i) =>
      h('li', {}, h('a', { href: p.url, class: 'photo-link', target: '_blank', rel: 'noopener' },
        h('img', {
          src: p.thumbnailUrl, alt: t('photos.alt', { name, n: i + 1 }), loading: 'lazy', decoding: 'async',
          width: p.thumbnailWidth, height: p.thumbnailHeight, class: 'photo-thumb',
        }))))));
  section.hidden = false;
}
