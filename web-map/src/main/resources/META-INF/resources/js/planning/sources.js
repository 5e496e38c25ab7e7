import { planningApi } from '../api.js';
import { $, h, clear } from '../dom.js';
import { t } from '../i18n.js';

/**
 * The demand and candidate pickers and the upload form. Sets come from /planning/sets; the
 * demand picker also offers the locator's own aggregated queries, the candidate picker a grid.
 */
export class Sources {
  constructor({ onDemand, onError }) {
    this.sets = [];
    /** Viewers read sets; editors and admins rename and delete them (the server checks the region). */
    this.mayChange = false;
    this.onDemand = onDemand;
    this.onError = onError;
    $('demand-select').addEventListener('change', () => this.onDemand(this.demand()));
    $('upload-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.upload();
    });
  }

  demand() {
    return $('demand-select').value || null;
  }

  candidates() {
    return $('candidate-select').value || 'grid';
  }

  async load() {
    this.sets = await planningApi.sets();
    this.render();
  }

  render() {
    const demand = $('demand-select');
    const candidate = $('candidate-select');
    const keepDemand = demand.value;
    const keepCandidate = candidate.value;
    clear(demand).append(
      h('option', { value: '' }, t('demand.choose')),
      h('option', { value: 'queries' }, t('demand.queries')),
      h('optgroup', { label: t('demand.sets') }, this.sets.filter((s) => s.kind === 'demand')
        .map((s) => h('option', { value: s.id }, t('demand.set', { name: s.name, n: s.points })))));
    clear(candidate).append(
      h('option', { value: 'grid' }, t('suggest.grid')),
      this.sets.filter((s) => s.kind === 'candidate').map((s) => h('option', { value: s.id }, t('suggest.candidateSet', { name: s.name, n: s.points }))));
    demand.value = keepDemand;
    candidate.value = keepCandidate || 'grid';
    this.renderSetList();
  }

  /** Every set with a name box, "rename", and "delete" that asks once more on the button itself. */
  renderSetList() {
    $('sets-box').hidden = !this.mayChange || !this.sets.length;
    clear($('set-list')).append(...this.sets.map((set) => {
      const name = h('input', { type: 'text', value: set.name, maxlength: '200', 'aria-label': t('sets.nameOf', { name: set.name }), class: 'set-name' });
      const remove = h('button', { type: 'button', class: 'danger set-delete' }, t('sets.delete'));
      remove.addEventListener('click', () => {
        if (remove.dataset.confirm) this.remove(set);
        else {
          remove.dataset.confirm = 'yes';
          remove.textContent = t('sets.confirmDelete', { name: set.name });
        }
      });
      return h('li', { 'data-id': set.id },
        h('span', { class: 'set-kind' }, t(`sets.kind.${set.kind}`), ' · ', t('sets.points', { n: set.points })),
        h('span', { class: 'set-row' }, name,
          h('button', { type: 'button', class: 'set-rename', onclick: () => this.rename(set, name.value) }, t('sets.rename')), remove));
    }));
  }

  async rename(set, value) {
    try {
      const renamed = await planningApi.renameSet(set.id, value.trim());
      this.sets = this.sets.map((s) => (s.id === renamed.id ? renamed : s));
      this.render();
      $('sets-status').textContent = t('sets.renamed', { name: renamed.name });
    } catch (e) {
      this.onError(e);
    }
  }

  async remove(set) {
    try {
      await planningApi.deleteSet(set.id);
      const wasDemand = this.demand() === String(set.id);
      this.sets = this.sets.filter((s) => s.id !== set.id);
      this.render();
      $('sets-status').textContent = t('sets.deleted', { name: set.name });
      if (wasDemand) this.onDemand(null);
    } catch (e) {
      this.onError(e);
    }
  }

  async upload() {
    const file = $('upload-file').files[0];
    const status = $('upload-status');
    if (!file) {
      status.textContent = t('upload.noFile');
      return;
    }
    const kind = $('upload-kind').value;
    const button = $('upload-submit');
    button.disabled = true;
    status.textContent = t('upload.busy');
    try {
      const set = await planningApi.upload({ file, kind, name: $('upload-name').value.trim(), crs: $('upload-crs').value });
      status.textContent = t('upload.done', { name: set.name, n: set.points });
      $('upload-file').value = '';
      $('upload-name').value = '';
      this.sets = [set, ...this.sets.filter((s) => s.id !== set.id)];
      this.render();
      if (set.kind === 'candidate') {
        $('candidate-select').value = String(set.id);
      } else {
        $('demand-select').value = String(set.id);
        // The headline number matters now, not the form: fold it away.
        $('upload-box').open = false;
        this.onDemand(String(set.id));
      }
    } catch (e) {
      status.textContent = '';
      this.onError(e);
    } finally {
      button.disabled = false;
    }
  }
}
