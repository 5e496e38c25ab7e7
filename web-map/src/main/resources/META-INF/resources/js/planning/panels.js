import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { apiUrl } from '../api.js';
import { editorHref, newStationHref } from '../staff-nav.js';
import { percent, weight, radius as fmtRadius, coordinate } from './numbers.js';
import { landmarkText } from './landmark.js';

export function message(box, key, busy = false) {
  clear(box).append(h('p', { class: busy ? 'loading' : 'hint' }, t(key)));
}

function exportLinks(labelKey, path, params, name) {
  return h('p', { class: 'exports' }, t(labelKey),
    h('a', { href: apiUrl(path, { ...params, format: 'csv' }), download: `${name}.csv`, 'data-format': 'csv' }, 'CSV'),
    h('a', { href: apiUrl(path, { ...params, format: 'geojson' }), download: `${name}.geojson`, 'data-format': 'geojson' }, 'GeoJSON'));
}

/** The headline ("X% of demand within 1 km"), the totals, the per-district table and the export. */
export function renderCoverage(box, report, params) {
  clear(box);
  const share = h('span', { class: 'value', id: 'coverage-share', 'data-share': report.share }, percent(report.share));
  box.append(
    h('p', { class: 'big-share' }, share, h('span', { class: 'label' }, params.minutes
      ? t(`coverage.share.${params.distance}`, { minutes: params.minutes })
      : t('coverage.share', { radius: fmtRadius(report.radiusMeters) }))),
    h('div', { class: 'share-bar', 'aria-hidden': 'true' }, h('span', { style: `width:${(report.share * 100).toFixed(1)}%` })),
    h('p', { class: 'hint' }, t('coverage.detail', {
      covered: weight(report.coveredWeight), total: weight(report.totalWeight), points: report.demandPoints, stations: report.stations,
    })),
    h('p', { class: 'hint' }, t('coverage.uncovered', { n: report.uncoveredPoints })));
  const groups = [...report.byGroup].sort((a, b) => b.totalWeight - a.totalWeight);
  if (groups.length) {
    box.append(h('table', { class: 'table', id: 'by-group' },
      h('caption', {}, t('coverage.byGroup')),
      h('thead', {}, h('tr', {}, ['coverage.group', 'coverage.total', 'coverage.covered', 'coverage.groupShare', 'coverage.points'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, groups.map((g) => h('tr', {},
        h('th', { scope: 'row' }, g.group === 'unassigned' ? t('coverage.unassigned') : (g.name ? `${g.name} (${g.group})` : g.group)),
        h('td', {}, weight(g.totalWeight)), h('td', {}, weight(g.coveredWeight)), h('td', {}, percent(g.share)), h('td', {}, g.points))))));
  }
  box.append(exportLinks('export.uncovered', '/api/v1/planning/coverage', params, 'uncovered-demand'));
}

/**
 * Where a point is, in words, from /divisions/at: the county when the boundaries tell it, else the
 * city and, as a guess, the county of the nearest station; null when the point is in no division.
 */
export function placeName(d) {
  const named = (code) => d.candidates?.find((c) => c.code === code)?.name;
  if (!d.area) return null;
  if (d.adcode && named(d.adcode) && named(d.adcode) !== d.area.name) return `${d.area.name} ${named(d.adcode)}`;
  if (!d.adcode && d.suggested && named(d.suggested)) return t('suggest.maybeIn', { city: d.area.name, county: named(d.suggested) });
  return d.area.name;
}

/** "Site 2 · 乌海市" once the place is known, "Site 2" until then. */
export function siteTitle(rank, places) {
  const place = places.get(rank);
  return place ? `${t('suggest.site', { rank })} · ${place}` : t('suggest.site', { rank });
}

/** "「X 驿站」以东北 1.2 公里 · 39.23423, 108.53715": from the nearest station when there is one. */
export function siteWhere(site) {
  const where = t('suggest.where', { lat: coordinate(site.location.lat), lng: coordinate(site.location.lng) });
  return site.nearestStation ? `${landmarkText(site.location, site.nearestStation)} · ${where}` : where;
}

export function describeSite(s) {
  return `${t('suggest.site', { rank: s.rank })} · ${t('suggest.gain', { gain: weight(s.marginalGain), points: s.marginalPoints })}`;
}

/**
 * "coverage X% → Y%", then the numbered sites with their gains, where they are (the division's
 * name from `places`, a Map rank → name, while it is known, and the nearest station) and a link that opens the workspace's
 * new-station form there; then the export.
 */
export function renderSuggestions(box, plan, params, { onFocus, places }) {
  clear(box);
  box.append(
    h('p', { class: 'change', id: 'suggest-change' }, t('suggest.change', { before: percent(plan.shareBefore), after: '' }),
      h('span', { class: 'after' }, percent(plan.shareAfter))),
    h('p', { class: 'hint' }, t('suggest.gainTotal', { gain: weight(plan.weightAfter - plan.weightBefore) })),
    h('ol', { class: 'site-list', id: 'site-list' }, plan.sites.map((s) => h('li', { 'data-rank': s.rank },
      h('button', { type: 'button', class: 'site-focus', onclick: () => onFocus(s) },
        h('span', { class: 'rank-badge', 'aria-hidden': 'true' }, String(s.rank)),
        h('span', { class: 'site-text' }, h('span', { class: 'place' }, siteTitle(s.rank, places)), h('br'),
          h('span', { class: 'where' }, siteWhere(s))),
        h('span', { class: 'gain' }, t('suggest.gain', { gain: weight(s.marginalGain), points: s.marginalPoints }))),
      h('a', { class: 'create-here', href: newStationHref(s.location) }, t('suggest.create'))))),
    exportLinks('export.sites', '/api/v1/planning/suggestions', params, 'suggested-sites'));
}

export function renderFullCover(box, plan) {
  clear(box).append(h('p', { class: 'change', id: 'full-result' },
    t('full.result', { n: plan.sitesNeeded, before: percent(plan.shareBefore), after: percent(plan.shareAfter) })));
  if (plan.uncoverablePoints) box.append(h('p', { class: 'hint' }, t('full.uncoverable', { n: plan.uncoverablePoints })));
}

/** Stations by how much demand only they cover: name (to the editor), code, weights, and a map button. */
export function renderRedundancy(box, rows, { onFocus }) {
  clear(box);
  if (!rows.length) {
    message(box, 'redundancy.none');
    return;
  }
  box.append(h('table', { class: 'table', id: 'redundancy-table' },
    h('thead', {}, h('tr', {}, ['redundancy.station', 'redundancy.covered', 'redundancy.unique', 'redundancy.map'].map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, rows.map((r) => h('tr', { 'data-code': r.code },
      h('td', {}, h('a', { href: editorHref(r.code) }, r.name), h('br'), h('span', { class: 'code' }, r.code)),
      h('td', {}, weight(r.coveredWeight)), h('td', {}, weight(r.uniqueWeight)),
      h('td', {}, h('button', { type: 'button', class: 'map-focus', 'aria-label': t('redundancy.showOnMap', { name: r.name }), onclick: () => onFocus(r.location) },
        t('redundancy.show'))))))));
}
