import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { icon } from '../icons.js';
import { showMessage, showProblem } from '../alerts.js';

/**
 * A station's photos in the editor: thumbnails, and for editors of its region an upload field
 * and a delete button per photo. The server resizes and strips metadata; the page only sends the file.
 */
export function renderPhotoManager(container, station, { editable }) {
  const list = h('ul', { class: 'ws-photo-list', id: 'ws-photo-list' });
  const messages = h('div', { class: 'ws-alerts', id: 'photo-alerts', role: 'alert' });
  const input = h('input', { type: 'file', id: 'photo-file', accept: 'image/jpeg,image/png' });
  const button = h('button', { type: 'submit', class: 'secondary', id: 'photo-upload' }, icon('upload'), t('photos.upload'));
  const form = editable ? h('form', { class: 'ws-photo-form', id: 'photo-form', novalidate: true },
    h('label', { for: 'photo-file' }, t('photos.choose')), input, button,
    h('p', { class: 'hint' }, t('photos.hint'))) : null;

  async function refresh() {
    try {
      const { photos } = await api.photos(station.code);
      clear(list).append(...(photos.length ? photos.map((p, i) => h('li', { 'data-photo': p.id },
        h('img', { src: p.thumbnailUrl, alt: t('photos.alt', { name: station.name, n: i + 1 }), loading: 'lazy',
          width: p.thumbnailWidth, height: p.thumbnailHeight }),
        editable ? h('button', { type: 'button', class: 'secondary small', 'aria-label': t('photos.delete', { n: i + 1 }),
          onclick: () => remove(p.id) }, icon('trash')) : null))
        : [h('li', { class: 'empty' }, t('photos.none'))]));
    } catch (e) {
      showProblem(messages, e);
    }
  }

  async function remove(id) {
    try {
      await api.deletePhoto(station.code, id);
      showMessage(messages, { kind: 'info', title: t('photos.deleted') });
      refresh();
    } catch (e) {
      showProblem(messages, e);
    }
  }

  form?.addEventListener('submit', async (e) => {
    e.preventDefault();
    const file = input.files[0];
    if (!file) return showMessage(messages, { kind: 'warning', title: t('photos.pick') });
    button.disabled = true;
    try {
      await api.uploadPhoto(station.code, file);
      input.value = '';
      showMessage(messages, { kind: 'info', title: t('photos.uploaded') });
      refresh();
    } catch (err) {
      showProblem(messages, err);
    } finally {
      button.disabled = false;
    }
  });

  clear(container).append(...[h('h3', { class: 'ws-section-title', id: 'ws-photos-title' }, t('photos.title')), list, form, messages].filter(Boolean));
  refresh();
}
