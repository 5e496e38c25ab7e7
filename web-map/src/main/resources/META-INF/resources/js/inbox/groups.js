// Identical reports (one station, one reason, one amenity) are one piece of work: they are shown
// and answered together. Resolved reports group apart from unresolved ones of the same kind.

/** Groups in the order of their first report (the API's sort order); each keeps its reports. */
export function groupReports(reports) {
  const groups = new Map();
  for (const r of reports) {
    const resolved = r.status === 'resolved';
    const key = [r.code, r.reason, r.amenity || '', resolved ? 'resolved' : 'unresolved'].join('|');
    let group = groups.get(key);
    if (!group) {
      group = { key, code: r.code, stationName: r.stationName, reason: r.reason, amenity: r.amenity || null, resolved, reports: [] };
      groups.set(key, group);
    }
    group.reports.push(r);
  }
  return [...groups.values()];
}

/** The ids of a group's reports that an action would change: acknowledge only new ones. */
export function idsFor(group, action) {
  const wanted = { acknowledge: ['open'], resolve: ['open', 'acknowledged'], reopen: ['resolved'] }[action];
  return group.reports.filter((r) => wanted.includes(r.status)).map((r) => r.id);
}
