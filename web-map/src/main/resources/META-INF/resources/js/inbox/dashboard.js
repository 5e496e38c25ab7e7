import { h, clear } from '../dom.js';
import { icon } from '../icons.js';
import { t } from '../i18n.js';
import { editorHref } from '../staff-nav.js';
import { barChart, weeklyPoints } from './charts.js';

function stars(grade) {
  // No ratings in the period: no grade (the server sends null rather than the prior's 4 stars).
  if (grade == null) return h('span', { class: 'grade is-none' }, t('dash.noGrade'));
  return h('span', { class: 'grade', role: 'img', 'aria-label': t('dash.gradeLabel', { n: grade }) },
    [1, 2, 3, 4, 5].map((n) => icon('star', { className: n <= grade ? 'is-filled' : 'is-empty' })));
}

function counts(map, prefix) {
  return Object.entries(map).filter(([, n]) => n > 0).map(([k, n]) => `${t(`${prefix}.${k}`)} ${n}`).join(' · ') || '—';
}

/** A table that becomes one card per row on a phone: each cell carries its column's name. */
function table(id, columns, rows) {
  return h('table', { id, class: 'card-table' },
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map(({ attrs, cells }) => h('tr', attrs || {},
      cells.map((cell, i) => h('td', { 'data-label': columns[i] }, cell))))));
}

const average = (n) => (n.averageStars == null ? '—' : n.averageStars.toFixed(1));

/**
 * Districts, the stations most in need of attention, and three charts with real axes (every week
 * of the period, every hour, every weekday). `onVerify(code)` confirms a station on site; null for viewers.
 */
export function renderDashboard(container, d, { onVerify }) {
  const total = d.total;
  const weekdays = t('dash.weekdays').split(',');
  clear(container).append(
    h('p', { class: 'meta' }, t('dash.period', { from: d.from, to: d.to })),
    h('details', { class: 'rule' }, h('summary', {}, t('dash.rule')), h('p', {}, t('dash.ruleText'))),
    h('h3', {}, t('dash.districts')),
    table('district-table',
      [t('dash.district'), t('dash.stations'), t('dash.stale'), t('dash.ratings'), t('dash.average'), t('dash.grade'), t('dash.reports')],
      d.districts.map((x) => ({ cells: [
        x.name || x.adcode, String(x.stations),
        h('span', { class: x.staleStations ? 'stale' : '' }, String(x.staleStations)),
        String(x.numbers.ratingCount), average(x.numbers), stars(x.grade), counts(x.numbers.reportsByReason, 'reason')] }))),
    h('h3', {}, t('dash.stationsTitle')),
    table('station-table',
      [t('dash.station'), t('dash.grade'), t('dash.ratings'), t('dash.average'), t('dash.tags'), t('dash.unresolved'), t('dash.checkins'),
        ...(onVerify ? [t('dash.actions')] : [])],
      d.stations.slice(0, 50).map((s) => ({ attrs: { 'data-code': s.code }, cells: [
        h('span', {}, h('a', { href: editorHref(s.code), class: 'station-link' }, s.name), ' ', h('span', { class: 'code' }, s.code),
          s.stale ? h('span', { class: 'stale' }, ' ', icon('warning'), t('dash.staleShort')) : null),
        stars(s.grade), String(s.numbers.ratingCount), average(s.numbers),
        counts(s.numbers.tagCounts, 'tag'), counts(s.numbers.unresolvedByReason, 'reason'), String(s.numbers.checkins),
        ...(onVerify ? [h('button', { type: 'button', class: 'verify-button', title: t('inbox.verifyHint'), onclick: () => onVerify(s.code) }, t('inbox.verify'))] : []),
      ] }))),
    h('div', { class: 'charts' },
      barChart('chart-weekly', t('dash.weekly'), weeklyPoints(d.from, d.weeks, total.weekly), { tickEvery: d.weeks > 8 ? 3 : 1 }),
      barChart('chart-hours', t('dash.byHour'),
        total.checkinsByHour.map((value, hour) => ({ key: String(hour), label: String(hour), long: t('dash.hour', { h: hour }), value })), { tickEvery: 3 }),
      barChart('chart-weekdays', t('dash.byWeekday'),
        total.checkinsByWeekday.map((value, i) => ({ key: String(i + 1), label: weekdays[i], long: weekdays[i], value })))));
}
