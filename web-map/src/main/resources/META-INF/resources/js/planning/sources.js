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
