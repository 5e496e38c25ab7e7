import { h } from '../dom.js';
import { t } from '../i18n.js';

// Small bar charts with a real axis: every period of the axis has its slot, zero or not, so a
// week without ratings is a gap rather than missing; no data at all says so in words.

/** Monday-started weeks from `from` (an ISO date, a Monday), `weeks` of them, with the API's counts filled in. */
export function weeklyPoints(from, weeks, weekly) {
  const counts = new Map(weekly.map((w) => [w.weekStart, w.ratings]));
  const start = new Date(`${from}T00:00:00Z`);
  return Array.from({ length: weeks }, (_, i) => {
    const day = new Date(start.getTime() + i * 7 * 86_400_000).toISOString().slice(0, 10);
    return { key: day, label: day.slice(5).replace('-', '/'), long: t('dash.weekOf', { date: day }), value: counts.get(day) ?? 0 };
  });
}

/**
 * A titled bar chart of `points` ({label, long, value}); `tickEvery` labels every n-th slot under
 * the axis. With nothing but zeros it shows "no data" instead of an empty frame.
 */
export function barChart(id, title, points, { tickEvery = 1 } = {}) {
  const max = Math.max(0, ...points.map((p) => p.value));
  const figure = h('figure', { class: 'chart', id });
  figure.append(h('figcaption', {}, title));
  if (max === 0) {
    figure.append(h('p', { class: 'no-data' }, t('dash.noData')));
    return figure;
  }
  const described = points.filter((p) => p.value > 0).map((p) => `${p.long} ${p.value}`).join('，');
  figure.append(
    h('div', { class: 'plot' },
      h('span', { class: 'y-max', 'aria-hidden': 'true' }, String(max)),
      h('div', { class: 'bars', role: 'img', 'aria-label': t('dash.chartLabel', { title, values: described }) },
        points.map((p) => h('div', { class: 'slot', title: `${p.long}: ${p.value}`, 'data-key': p.key, 'data-value': p.value },
          h('div', { class: 'b', style: `height:${p.value ? Math.max(2, Math.round((p.value / max) * 100)) : 0}%` }))))),
    h('div', { class: 'ticks', 'aria-hidden': 'true' },
      points.map((p, i) => h('span', {}, i % tickEvery === 0 ? p.label : ''))));
  return figure;
}
