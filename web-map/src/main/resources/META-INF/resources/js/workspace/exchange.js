import { h, clear } from '../dom.js';
import { icon } from '../icons.js';
import { t } from '../i18n.js';
import { api, links } from '../api.js';
import { showMessage, showProblem } from '../alerts.js';
import { problemMessage } from '../problem.js';
import { districtPicker } from './district-picker.js';
import { staffApi } from './staff-api.js';

const MAX_PREVIEW_ROWS = 500;
const UNION_KEY = 'yizhan.plaque.union';

/** The union name last printed on this computer, else the first region's union. */
function rememberedUnion(regions) {
  try {
    const stored = localStorage.getItem(UNION_KEY);
    if (stored) return stored;
  } catch (e) {
    // No storage: fall back to the region's name.
  }
  return regions[0] ? `${regions[0].name}总工会` : '';
}

function select(id, options, value) {
  return h('select', { id }, options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
}

function table(id, headers, rows) {
  return h('div', { class: 'ws-table-wrap' }, h('table', { class: 'ws-table', id },
    h('thead', {}, h('tr', {}, headers.map((x) => h('th', {}, x)))),
    h('tbody', {}, rows)));
}

/** Per-row report of a dry run or a refused commit: the rows to fix first, then every row's action. */
function report(box, result, { committed = false } = {}) {
  const summary = t('exchange.summary', {
    file: result.fileName || '', rows: result.rows ?? 0, created: result.created ?? 0, updated: result.updated ?? 0,
    unchanged: result.unchanged ?? 0, rejected: result.rejected ?? 0,
  });
  const problems = result.problems || [];
  const preview = result.preview || [];
  // After a commit, every created row with the code it was given: staff write these on the plaques.
  const created = result.committed ? preview.filter((p) => p.action === 'create') : [];
  clear(box).append(...[
    h('p', { class: 'summary', id: 'import-summary' }, summary),
    problems.length ? h('h3', {}, t('exchange.problems')) : null,
    problems.length ? table('import-problems', [t('exchange.row'), t('col.name'), t('exchange.column'), t('exchange.message')],
      problems.map((p) => h('tr', { 'data-row': p.row }, h('td', {}, p.row), h('td', { class: 'import-name' }, p.name || '—'), h('td', {}, p.column || '—'), h('td', {}, p.message)))) : null,
    committed && created.length ? h('h3', {}, t('exchange.newCodes', { n: result.created ?? created.length })) : null,
    committed && created.length ? table('import-created', [t('exchange.row'), t('col.code'), t('col.name')],
      created.map((p) => h('tr', { 'data-row': p.row }, h('td', {}, p.row), h('td', { class: 'code' }, p.code || ''), h('td', {}, p.name || '')))) : null,
    committed && (result.created ?? 0) > created.length ? h('p', { class: 'muted', id: 'import-created-more' },
      t('exchange.newCodesMore', { n: result.created - created.length })) : null,
    preview.length && !result.committed ? h('h3', {}, t('exchange.preview')) : null,
    preview.length && !result.committed ? table('import-preview', [t('exchange.row'), t('exchange.action'), t('col.code'), t('col.name')],
      preview.slice(0, MAX_PREVIEW_ROWS).map((p) => h('tr', { 'data-row': p.row },
        h('td', {}, p.row), h('td', { class: `import-action-${p.action}` }, t(`action.${p.action}`)), h('td', { class: 'code' }, p.code || ''), h('td', {}, p.name || '')))) : null,
    preview.length > MAX_PREVIEW_ROWS && !result.committed ? h('p', { class: 'muted' }, `… ${preview.length - MAX_PREVIEW_ROWS}`) : null,
  ].filter(Boolean));
  return { ok: !committed && problems.length === 0 && (result.rejected ?? 0) === 0 };
}

/** Import (dry run, then commit), export links, open data and plaques. */
export function renderExchange(container, { me, regions }) {
  const counties = regions.flatMap((r) => r.counties);

  /* Import */
  const file = h('input', { type: 'file', id: 'import-file', accept: '.xlsx,.csv,.geojson,.json,.gpkg,.zip' });
  const crs = select('import-crs', [['', t('exchange.crsDefault')], ['wgs84', t('crs.wgs84')], ['gcj02', t('crs.gcj02')], ['bd09', t('crs.bd09')]], '');
  const importAlerts = h('div', { class: 'ws-alerts', id: 'import-alerts', role: 'alert' });
  const reportBox = h('div', { class: 'ws-report', id: 'import-report' });
  const dryRun = h('button', { type: 'button', class: 'secondary', id: 'import-dry-run' }, t('exchange.dryRun'));
  const commit = h('button', { type: 'button', class: 'primary', id: 'import-commit', disabled: true }, t('exchange.commit'));
  let checked = null; // the file a clean dry run accepted

  async function run(dry) {
    clear(importAlerts);
    const chosen = file.files[0];
    if (!chosen) {
      showMessage(importAlerts, { kind: 'warning', title: t('exchange.chooseFile') });
      return;
    }
    const button = dry ? dryRun : commit;
    button.disabled = true;
    showMessage(importAlerts, { kind: 'info', title: t(dry ? 'exchange.checking' : 'exchange.committing') });
    try {
      const result = await api.importRegister(chosen, { crs: crs.value, dryRun: dry });
      const { ok } = report(reportBox, result, { committed: !dry });
      if (dry) {
        checked = ok ? chosen : null;
        showMessage(importAlerts, { kind: ok ? 'info' : 'warning', title: t(ok ? 'exchange.ok' : 'exchange.fix') });
      } else {
        checked = null;
        showMessage(importAlerts, { kind: 'info', title: t('exchange.committed') });
      }
    } catch (e) {
      checked = null;
      if (e.status === 422 && e.problem) {
        report(reportBox, e.problem, { committed: true });
        showMessage(importAlerts, { title: t('exchange.rejectedCommit'), detail: e.detail });
      } else if (e.status === 404 || e.status === 405) {
        showMessage(importAlerts, { title: t('exchange.notAvailable') });
      } else {
        showProblem(importAlerts, e);
      }
    } finally {
      dryRun.disabled = false;
      commit.disabled = me.role === 'viewer' || checked !== file.files[0] || !checked;
    }
  }
  dryRun.addEventListener('click', () => run(true));
  commit.addEventListener('click', () => run(false));
  file.addEventListener('change', () => {
    checked = null;
    commit.disabled = true;
    clear(reportBox);
    clear(importAlerts);
  });

  /* Export: administrators choose any district, others one of their regions or all of them. */
  const admin = me.role === 'admin' && !regions.length;
  const exportPicker = districtPicker({ id: 'export-region', label: t('exchange.region'), regions, admin,
    allLabel: t('ws.allRegions'), onChange: () => renderExportLinks() });
  const statusBoxes = ['active', 'suspended', 'closed'].map((s) => h('label', {},
    h('input', { type: 'checkbox', value: s, checked: s === 'active', 'data-export-status': s }), t(`status.${s}`)));
  const exportLinks = h('div', { class: 'link-list', id: 'export-links' });
  function renderExportLinks() {
    const status = statusBoxes.map((l) => l.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
    clear(exportLinks).append(...['csv', 'xlsx', 'geojson', 'kml', 'gpkg'].map((format) => h('a', {
      class: 'ws-button-link', 'data-format': format, download: '',
      href: links.exportRegister({ format, region: exportPicker.value(), status }),
    }, `⬇ ${format.toUpperCase()}`)));
  }
  for (const l of statusBoxes) l.querySelector('input').addEventListener('change', renderExportLinks);
  renderExportLinks();

  /* Plaques: a city or district, the union's name (remembered on this computer), a preview before printing. */
  const plaquePicker = districtPicker({ id: 'plaque-district', label: t('exchange.district'), regions, admin,
    allLabel: t('exchange.chooseDistrict'), onChange: () => renderPlaque() });
  const perPage = select('plaque-per-page', [['1', '1'], ['2', '2'], ['4', '4']], '1');
  const union = h('input', { id: 'plaque-union', value: rememberedUnion(regions), maxlength: 60, placeholder: t('exchange.unionPlaceholder') });
  const plaqueLink = h('a', { class: 'ws-button-link', id: 'plaque-region-link', target: '_blank', rel: 'noopener' }, icon('printer'), t('exchange.openPdf'));
  const plaquePreview = h('div', { class: 'plaque-preview', id: 'plaque-preview', 'aria-live': 'polite' });
  let previewController;
  async function renderPlaque() {
    const region = plaquePicker.value();
    const name = union.value.trim();
    try {
      localStorage.setItem(UNION_KEY, name);
    } catch (e) {
      // Private windows may refuse storage: the name is then typed again next time.
    }
    previewController?.abort();
    if (region.length < 4) {
      // The server wants a city or a district: no link to a problem document, a sentence instead.
      plaqueLink.removeAttribute('href');
      plaqueLink.setAttribute('aria-disabled', 'true');
      clear(plaquePreview).append(h('p', { class: 'muted' }, t('exchange.chooseDistrictFirst')));
      return;
    }
    plaqueLink.removeAttribute('aria-disabled');
    plaqueLink.href = links.plaques({ region, perPage: perPage.value, union: name });
    const mine = new AbortController();
    previewController = mine;
    try {
      const p = await staffApi.plaquePreview({ region, union: name }, mine.signal);
      if (previewController !== mine) return;
      clear(plaquePreview).append(
        h('p', { id: 'plaque-count' }, t('exchange.plaqueCount', { n: p.count })),
        h('figure', { class: 'plaque-mock', id: 'plaque-first' },
          h('div', { class: 'plaque-union' }, p.union),
          h('div', { class: 'plaque-name' }, p.name),
          h('div', { class: 'plaque-code code' }, p.code),
          h('div', { class: 'plaque-address' }, p.address),
          h('figcaption', {}, t('exchange.qrTarget'), ' ', h('a', { href: p.qrUrl, target: '_blank', rel: 'noopener', id: 'plaque-qr-url' }, p.qrUrl))));
    } catch (e) {
      if (e.name === 'AbortError') return;
      plaqueLink.removeAttribute('href');
      plaqueLink.setAttribute('aria-disabled', 'true');
      clear(plaquePreview).append(h('p', { class: 'field-error', id: 'plaque-problem' },
        e.status === 404 ? t('exchange.noPlaques') : problemMessage(e).title));
    }
  }
  let unionTimer;
  union.addEventListener('input', () => {
    clearTimeout(unionTimer);
    unionTimer = setTimeout(renderPlaque, 400);
  });
  perPage.addEventListener('change', renderPlaque);
  // One district of the account's own: the preview is there at once.
  if (!admin && counties.length === 1) plaquePicker.set(counties[0].code).then(renderPlaque);
  else renderPlaque();

  const field = (id, labelKey, control) => h('div', { class: 'field' }, h('label', { for: id }, t(labelKey)), control);
  const pickerField = (id, labelKey, picker) => {
    picker.element.setAttribute('aria-labelledby', `${id}-label`);
    return h('div', { class: 'field' }, h('span', { class: 'label', id: `${id}-label` }, t(labelKey)), picker.element);
  };
  clear(container).append(
    h('section', { class: 'ws-card', 'aria-labelledby': 'import-title' },
      h('h2', { id: 'import-title' }, t('exchange.import')),
      h('p', { class: 'muted' }, t('exchange.importLead')),
      h('p', {}, h('a', { class: 'ws-button-link', href: links.template(), download: '', id: 'template-link' }, `⬇ ${t('exchange.template')}`)),
      h('div', { class: 'ws-form-row' }, field('import-file', 'exchange.file', file), field('import-crs', 'exchange.crs', crs), dryRun, commit),
      importAlerts, reportBox),
    h('section', { class: 'ws-card', 'aria-labelledby': 'export-title' },
      h('h2', { id: 'export-title' }, t('exchange.export')),
      h('div', { class: 'ws-form-row' }, pickerField('export-region', 'exchange.region', exportPicker),
        h('fieldset', {}, h('legend', {}, t('exchange.status')), h('div', { class: 'inline-checks' }, statusBoxes))),
      exportLinks,
      h('h3', {}, t('exchange.openData')),
      h('div', { class: 'link-list', id: 'open-data-links' }, [['geojson'], ['csv'], ['gpkg'], ['gpkg', 'epsg:4490']].map(([f, crs]) => h('a', {
        class: 'ws-button-link', href: links.openData(f, crs), download: '', 'data-format': f, 'data-crs': crs || 'wgs84',
      }, `⬇ stations.${f}${crs ? ` (${t('exchange.cgcs2000')})` : ''}`)))),
    h('section', { class: 'ws-card', 'aria-labelledby': 'plaques-title' },
      h('h2', { id: 'plaques-title' }, t('exchange.plaques')),
      h('p', { class: 'muted' }, t('exchange.plaquesLead')),
      h('div', { class: 'ws-form-row' }, pickerField('plaque-district', 'exchange.district', plaquePicker), field('plaque-per-page', 'exchange.perPage', perPage),
        field('plaque-union', 'exchange.union', union), plaqueLink),
      plaquePreview));
}
