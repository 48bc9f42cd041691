import type { Freshness, Incident, IncidentStatsModel, TimeWindow } from './types';

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/**
 * Counts and mean times over one window's incidents. MTTA averages (first acknowledgement -
 * created) over the incidents that were ever acknowledged; MTTR averages (resolved - created) over
 * the resolved ones. Incidents resolved without an acknowledgement count for MTTR only, which is
 * what PagerDuty's own analytics do. `firstAck` maps incident id to its first acknowledgement.
 */
export function computeIncidentStats(
  incidents: readonly Incident[],
  firstAck: ReadonlyMap<string, string | null>,
  window: TimeWindow & Freshness & { truncated: boolean },
): IncidentStatsModel {
  const toAck: number[] = [];
  const toResolve: number[] = [];
  for (const incident of incidents) {
    const created = Date.parse(incident.createdAt);
    const acked = firstAck.get(incident.id);
    if (acked) toAck.push((Date.parse(acked) - created) / 1000);
    if (incident.status === 'RESOLVED' && incident.resolvedAt) toResolve.push((Date.parse(incident.resolvedAt) - created) / 1000);
  }
  return {
    since: window.since,
    until: window.until,
    total: incidents.length,
    highUrgency: incidents.filter((i) => i.urgency === 'HIGH').length,
    lowUrgency: incidents.filter((i) => i.urgency === 'LOW').length,
    open: incidents.filter((i) => i.status !== 'RESOLVED').length,
    resolved: incidents.filter((i) => i.status === 'RESOLVED').length,
    mttaSeconds: mean(toAck),
    mttrSeconds: mean(toResolve),
    truncated: window.truncated,
    stale: window.stale,
    fetchedAt: window.fetchedAt,
  };
}
