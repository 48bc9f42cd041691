import { startIncidentsStack, type IncidentsStack } from './startIncidentsStack';

interface Marked {
  stale: boolean;
  fetchedAt: string | null;
}
interface CheckoutIncidents {
  entity: { incidents: Marked & { totalCount: number }; incidentStats: Marked & { total: number }; onCall: unknown[] | null };
}

const QUERY = `{
  entity(ref: "component:default/checkout") {
    ... on Component {
      incidents(statuses: [TRIGGERED, ACKNOWLEDGED, RESOLVED]) { totalCount stale fetchedAt }
      incidentStats { total stale fetchedAt }
      onCall { escalationLevel }
    }
  }
}`;

/**
 * Stale PagerDuty data says so, the way every subgraph says it: on the field (`stale`,
 * `fetchedAt`) where the schema has room, and for the whole response in `extensions.stale`,
 * which the gateway passes on from the subgraph (Apollo Gateway alone would drop it).
 */
describe('incidents: stale PagerDuty data is marked through the gateway', () => {
  let stack: IncidentsStack;
  beforeAll(async () => {
    stack = await startIncidentsStack();
  });
  afterAll(() => stack.close());

  it('marks nothing while PagerDuty answers, then marks the cached incidents and the response once PagerDuty fails', async () => {
    const fetchedAt = new Date(stack.now()).toISOString();
    const fresh = await stack.query<CheckoutIncidents>(QUERY);
    expect(fresh.errors).toBeUndefined();
    expect(fresh.data!.entity.incidents).toMatchObject({ stale: false, fetchedAt });
    expect(fresh.data!.entity.incidentStats).toMatchObject({ stale: false, fetchedAt });
    expect(fresh.extensions?.stale).toBeUndefined();

    stack.sim!.inject({ pathIncludes: '/incidents', status: 503 });
    const stale = await stack.query<CheckoutIncidents>(QUERY);
    expect(stale.errors).toBeUndefined();
    expect(stale.data!.entity.incidents).toEqual({ totalCount: fresh.data!.entity.incidents.totalCount, stale: true, fetchedAt });
    expect(stale.data!.entity.incidentStats).toMatchObject({ total: fresh.data!.entity.incidentStats.total, stale: true, fetchedAt });
    // On-call data was fresh: only the incidents were old, and the response says which tool and since when.
    expect(stale.data!.entity.onCall).toEqual(fresh.data!.entity.onCall);
    expect(stale.extensions?.stale).toEqual([{ upstream: 'pagerduty', storedAt: fetchedAt }]);

    // A later response that reads nothing stale carries no mark: marks never leak across requests.
    stack.sim!.clearFaults();
    const again = await stack.query<CheckoutIncidents>(QUERY);
    expect(again.data!.entity.incidents.stale).toBe(false);
    expect(again.extensions?.stale).toBeUndefined();
  });
});
