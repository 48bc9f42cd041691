import { SUBGRAPHS } from '@devgraph/registry';
import { startRegisteredStack, type RegisteredStack } from './support/startRegisteredStack';

interface ScriptAnswer {
  entity: {
    owner: { ref: string; displayName: string; members: { email: string }[] };
    onCall: { escalationLevel: number; user: { email: string } }[];
    incidents: { totalCount: number; nodes: { status: string; createdAt: string }[] };
    repository: { nameWithOwner: string; pushedAt: string | null };
    experiments: { name: string; summary: { text: string } }[];
  };
}

// The mission in one query: every registered subgraph, started from the registry alone, joined
// by the gateway over the demo organisation's simulators.
describe('the registered stack', () => {
  let stack: RegisteredStack;
  beforeAll(async () => {
    stack = await startRegisteredStack();
  });
  afterAll(async () => stack?.close());

  it('starts every registered subgraph', () => {
    expect(Object.keys(stack.subgraphs).sort()).toEqual(SUBGRAPHS.map((s) => s.name).sort());
  });

  it("answers a service's owners, on-call, open incidents, repository and running experiments in one query", async () => {
    const result = await stack.query<ScriptAnswer>(`{
      entity(ref: "component:default/checkout") {
        ... on Component {
          owner { ref displayName ... on Group { members { email } } }
          onCall { escalationLevel user { email } }
          incidents(statuses: [TRIGGERED, ACKNOWLEDGED]) { totalCount nodes { status createdAt } }
          repository { nameWithOwner pushedAt }
          experiments(status: RUNNING) { name summary { text } }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const checkout = result.data!.entity;
    expect(checkout.owner.ref).toBe('group:default/checkout-orders');
    expect(checkout.owner.members.length).toBeGreaterThan(0);
    expect(checkout.onCall.length).toBeGreaterThan(0);
    expect(checkout.incidents.totalCount).toBeGreaterThan(0);
    expect(checkout.repository.nameWithOwner).toBe('fernhollow/checkout');
    expect(checkout.experiments.map((e) => e.name)).toContain('One-page checkout');
  });

  it('speaks one DateTime form in every subgraph', async () => {
    const result = await stack.query<ScriptAnswer>(`{
      entity(ref: "component:default/checkout") {
        ... on Component { incidents(first: 1) { nodes { createdAt } } repository { pushedAt } }
      }
    }`);
    const canonical = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    expect(result.data!.entity.incidents.nodes[0]!.createdAt).toMatch(canonical);
    expect(result.data!.entity.repository.pushedAt).toMatch(canonical);
  });

  it("reports each tool's circuit in the subgraph's readiness, ready while the circuit is closed", async () => {
    const states: Record<string, unknown> = {};
    for (const [name, server] of Object.entries(stack.subgraphs)) {
      const response = await fetch(server.url.replace('/graphql', '/readyz'));
      expect(response.status).toBe(200);
      states[name] = ((await response.json()) as { upstreams?: unknown }).upstreams;
    }
    expect(states).toEqual({ catalog: undefined, scm: { github: 'closed' }, incidents: { pagerduty: 'closed' }, experiments: { growthbook: 'closed' } });
  });
});
