import type { PdIncident } from '../sources/pagerduty/types';

export interface IncidentStatsModel {
  since: string;
  until: string;
  total: number;
  highUrgency: number;
  lowUrgency: number;
  open: number;
  resolved: number;
  mttaSeconds: number | null;
  mttrSeconds: number | null;
  truncated: boolean;
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/**
 * Counts and mean times over one window's incidents. MTTA averages (first acknowledgement -
 * created) over the incidents that were ever acknowledged; MTTR averages (resolved - created) over
 * the resolved ones. Incidents resolved without an acknowledgement count for MTTR only, which is
 * what PagerDuty's own analytics do. `firstAck` maps incident id to its first acknowledgement.
 */
export function computeIncidentStats(
  incidents: readonly PdIncident[],
  firstAck: ReadonlyMap<string, string | null>,
  window: { since: string; until: string; truncated: boolean },
): IncidentStatsModel {
  const toAck: number[] = [];
  const toResolve: number[] = [];
  for (const incident of incidents) {
    const created = Date.parse(incident.created_at);
    const acked = firstAck.get(incident.id);
    if (acked) toAck.push((Date.parse(acked) - created) / 1000);
    if (incident.status === 'resolved' && incident.resolved_at) toResolve.push((Date.parse(incident.resolved_at) - created) / 1000);
  }
  return {
    since: window.since,
    until: window.until,
    total: incidents.length,
    highUrgency: incidents.filter((i) => i.urgency === 'high').length,
    lowUrgency: incidents.filter((i) => i.urgency === 'low').length,
    open: incidents.filter((i) => i.status !== 'resolved').length,
    resolved: incidents.filter((i) => i.status === 'resolved').length,
    mttaSeconds: mean(toAck),
    mttrSeconds: mean(toResolve),
    truncated: window.truncated,
  };
}
