import { h, clear } from '../dom.js';
import { icon } from '../icons.js';
import { t } from '../i18n.js';

function stars(grade) {
  // No ratings in the period: no grade (the server sends null rather than the prior's 4 stars).
  if (grade == null) return h('span', { class: 'grade is-none' }, t('dash.noGrade'));
  return h('span', { class: 'grade', role: 'img', 'aria-label': t('dash.gradeLabel', { n: grade }) },
    [1, 2, 3, 4, 5].map((n) => icon('star', { className: n <= grade ? 'is-filled' : 'is-empty' })));
}

function bars(values, labels, title) {
  const max = Math.max(1, ...values);
  return h('div', { class: 'chart' },
    h('h3', {}, title),
    h('div', { class: 'bars', role: 'img', 'aria-label': `${title}: ${values.join(', ')}` },
      values.map((v, i) => h('div', { class: 'b', style: `height:${Math.round((v / max) * 100)}%`, title: `${labels[i]}: ${v}` }))),
    h('div', { class: 'bars-label' }, h('span', {}, labels[0]), h('span', {}, labels[labels.length - 1])));
}

function counts(map, prefix) {
  return Object.entries(map).filter(([, n]) => n > 0).map(([k, n]) => `${t(`${prefix}.${k}`)} ${n}`).join(' · ') || '—';
}

/** Dashboard numbers as plain tables and bars: districts, stations needing attention, weekly ratings, check-in hours. */
export function renderDashboard(container, d) {
  const total = d.total;
  const weekdays = t('dash.weekdays').split(',');
  clear(container).append(
    h('p', { class: 'meta', title: d.gradeRule }, t('dash.period', { from: d.from, to: d.to }), ' · ', t('dash.rule'), ' ', t('dash.ruleText')),
    h('h3', {}, t('dash.districts')),
    h('table', { id: 'district-table' },
      h('thead', {}, h('tr', {}, [t('dash.district'), t('dash.stations'), t('dash.stale'), t('dash.ratings'), t('dash.average'), t('dash.grade'), t('dash.reports')].map((c) => h('th', {}, c)))),
      h('tbody', {}, d.districts.map((x) => h('tr', {},
        h('td', {}, x.name || x.adcode), h('td', {}, String(x.stations)), h('td', { class: x.staleStations ? 'stale' : '' }, String(x.staleStations)),
        h('td', {}, String(x.numbers.ratingCount)), h('td', {}, x.numbers.averageStars == null ? '—' : x.numbers.averageStars.toFixed(1)),
        h('td', {}, stars(x.grade)), h('td', {}, counts(x.numbers.reportsByReason, 'reason')))))),
    h('h3', {}, t('dash.stationsTitle')),
    h('table', { id: 'station-table' },
      h('thead', {}, h('tr', {}, [t('dash.station'), t('dash.grade'), t('dash.ratings'), t('dash.average'), t('dash.tags'), t('dash.unresolved'), t('dash.checkins')].map((c) => h('th', {}, c)))),
      h('tbody', {}, d.stations.slice(0, 50).map((s) => h('tr', { 'data-code': s.code },
        h('td', {}, s.name, ' ', h('span', { class: 'code' }, s.code), s.stale ? h('span', { class: 'stale' }, ' ', icon('warning'), t('dash.staleShort')) : null),
        h('td', {}, stars(s.grade)), h('td', {}, String(s.numbers.ratingCount)),
        h('td', {}, s.numbers.averageStars == null ? '—' : s.numbers.averageStars.toFixed(1)),
        h('td', {}, counts(s.numbers.tagCounts, 'tag')), h('td', {}, counts(s.numbers.unresolvedByReason, 'reason')),
        h('td', {}, String(s.numbers.checkins)))))),
    bars(total.weekly.map((w) => w.ratings), total.weekly.map((w) => w.weekStart), t('dash.weekly')),
    bars(total.checkinsByHour, [...Array(24).keys()].map((i) => `${i}:00`), t('dash.byHour')),
    bars(total.checkinsByWeekday, weekdays, t('dash.byWeekday')));
}
