// Opening hours as the editor's rows (days × time ranges) written in OSM opening_hours syntax.

export const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

/** The chosen days (seven booleans, Monday first) as OSM: runs of three or more as "Mo-Fr", else "Sa,Su". */
export function dayList(chosen) {
  const parts = [];
  let i = 0;
  while (i < 7) {
    if (!chosen[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < 7 && chosen[j + 1]) j++;
    if (j - i >= 2) parts.push(`${DAYS[i]}-${DAYS[j]}`);
    else for (let k = i; k <= j; k++) parts.push(DAYS[k]);
    i = j + 1;
  }
  return parts.join(',');
}

const TIME = /^([01][0-9]|2[0-4]):([0-5][0-9])$/;

/**
 * rows: [{days: [7 booleans], ranges: [['08:00', '18:00'], …]}]; allDay: open around the clock.
 * Returns the OSM text, or null while a row is incomplete (no day, or a time that is not HH:MM).
 * A range ending before it starts runs past midnight. Holidays are not written: the register's
 * hours are weekly (PH needs a calendar announced each year), so the form shows a note instead.
 */
export function osmFromRows(rows, { allDay = false } = {}) {
  const rules = [];
  if (allDay) {
    rules.push('24/7');
  } else {
    for (const row of rows) {
      const days = dayList(row.days);
      const ranges = row.ranges.filter(([from, to]) => from || to);
      if (!days || !ranges.length) return null;
      if (!ranges.every(([from, to]) => TIME.test(from) && TIME.test(to) && from !== to)) return null;
      const everyDay = row.days.every(Boolean);
      rules.push(`${everyDay && rows.length === 1 ? 'Mo-Su' : days} ${ranges.map(([from, to]) => `${from}-${to}`).join(',')}`);
    }
    if (!rules.length) return null;
  }
  return rules.join('; ');
}
