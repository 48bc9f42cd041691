import { computeIncidentStats } from './computeIncidentStats';
import type { Incident } from './types';

const incident = (id: string, status: Incident['status'], urgency: Incident['urgency'], createdAt: string, resolvedAt?: string): Incident => ({
  id,
  number: 1,
  title: id,
  status,
  urgency,
  priority: null,
  createdAt,
  acknowledgedAt: null,
  resolvedAt: resolvedAt ?? null,
  url: null,
  assignees: [],
  serviceId: 'PSVC',
  escalationPolicyId: null,
});

describe('computeIncidentStats', () => {
  const window = { since: '2025-01-01T00:00:00Z', until: '2025-02-01T00:00:00Z', truncated: false, stale: false, fetchedAt: null };

  it('averages acknowledge and resolve times over the incidents that have them', () => {
    const incidents = [
      incident('A', 'RESOLVED', 'HIGH', '2025-01-10T10:00:00Z', '2025-01-10T11:00:00Z'), // ack 5 min, resolve 60 min
      incident('B', 'RESOLVED', 'LOW', '2025-01-11T10:00:00Z', '2025-01-11T10:30:00Z'), // never acked, resolve 30 min
      incident('C', 'ACKNOWLEDGED', 'HIGH', '2025-01-12T10:00:00Z'), // ack 15 min
      incident('D', 'TRIGGERED', 'HIGH', '2025-01-13T10:00:00Z'),
    ];
    const acks = new Map([
      ['A', '2025-01-10T10:05:00Z'],
      ['B', null],
      ['C', '2025-01-12T10:15:00Z'],
      ['D', null],
    ]);
    expect(computeIncidentStats(incidents, acks, window)).toEqual({
      ...window,
      total: 4,
      highUrgency: 3,
      lowUrgency: 1,
      open: 2,
      resolved: 2,
      mttaSeconds: 600, // (300 + 900) / 2
      mttrSeconds: 2700, // (3600 + 1800) / 2
    });
  });

  it('gives null means when nothing was acknowledged or resolved', () => {
    const stats = computeIncidentStats([incident('D', 'TRIGGERED', 'LOW', '2025-01-13T10:00:00Z')], new Map(), window);
    expect(stats).toMatchObject({ total: 1, mttaSeconds: null, mttrSeconds: null });
    expect(computeIncidentStats([], new Map(), { ...window, truncated: true })).toMatchObject({ total: 0, truncated: true });
  });
});
