import { h } from '../dom.js';

/**
 * Asks before something that loses work or changes what the public sees: a modal <dialog>
 * (focus held inside, Escape answers no). Resolves true for `yes`, false otherwise.
 */
export function ask({ title, detail = null, yes, no, danger = false }) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'ws-dialog', id: 'ws-dialog', 'aria-labelledby': 'ws-dialog-title' },
      h('h2', { id: 'ws-dialog-title' }, title),
      detail ? h('p', {}, detail) : null,
      h('div', { class: 'ws-actions' },
        h('button', { type: 'button', class: 'secondary', 'data-answer': 'no', onclick: () => done(false) }, no),
        h('button', { type: 'button', class: danger ? 'danger' : 'primary', 'data-answer': 'yes', onclick: () => done(true) }, yes)));
    function done(answer) {
      dialog.close();
      dialog.remove();
      resolve(answer);
    }
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      done(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    dialog.querySelector('[data-answer="no"]').focus();
  });
}
