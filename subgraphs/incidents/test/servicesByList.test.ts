import type { PagerDutyData } from '../simulator/PagerDutyData';
import { startIncidentsStack, type IncidentsStack } from './startIncidentsStack';

jest.setTimeout(60_000);

const LIST = `{
  entities(filter: { kind: ["Component"] }, first: 50) {
    nodes { ref ... on Component { pagerdutyServiceId pagerdutyService { id name status } open: incidents(statuses: [TRIGGERED, ACKNOWLEDGED]) { totalCount } } }
  }
}`;
type ListResult = { entities: { nodes: { ref: string; pagerdutyServiceId: string | null; pagerdutyService: { id: string; name: string; status: string } | null }[] } };
const serviceQuery = (ref: string) => `{ entity(ref: "${ref}") { ref ... on Component { pagerdutyService { id name } } } }`;
type ServiceResult = { entity: { ref: string; pagerdutyService: { id: string; name: string } | null } };

/** Requests the simulator logged for the list endpoint and for single services. */
const serviceCalls = (stack: IncidentsStack) => ({
  list: stack.sim!.requests.filter((r) => r.path === '/services').length,
  single: stack.sim!.requests.filter((r) => r.path.startsWith('/services/')).length,
});

describe('PagerDuty services read by list, not one call per service', () => {
  it('answers a 16-component list with one /services call cold and none warm', async () => {
    const stack = await startIncidentsStack();
    try {
      const cold = await stack.query<ListResult>(LIST);
      expect(cold.errors).toBeUndefined();
      const nodes = cold.data!.entities.nodes;
      expect(nodes).toHaveLength(16);
      const withService = nodes.filter((n) => n.pagerdutyServiceId);
      expect(withService).toHaveLength(12);
      for (const node of withService) {
        const expected = stack.sim!.data.services.find((s) => s.id === node.pagerdutyServiceId)!;
        expect(node.pagerdutyService).toEqual({ id: expected.id, name: expected.name, status: expect.any(String) });
      }
      expect(serviceCalls(stack)).toEqual({ list: 1, single: 0 });
      // PagerDuty's largest page: 100 services a call.
      expect(stack.sim!.requests.find((r) => r.path === '/services')?.query).toMatchObject({ limit: '100', offset: '0' });

      const warm = await stack.query<ListResult>(LIST);
      expect(warm.data).toEqual(cold.data);
      expect(serviceCalls(stack)).toEqual({ list: 1, single: 0 });
    } finally {
      await stack.close();
    }
  });

  it('reads a service the cached list lacks (created since it was read) from /services/{id}', async () => {
    let created: PagerDutyData['services'][number] | undefined;
    const stack = await startIncidentsStack({
      simulator: {
        customize: (data) => {
          // Orders' service does not exist yet when the list is first read.
          const index = data.services.findIndex((s) => s.id === 'PQ0RD5N');
          created = data.services.splice(index, 1)[0];
        },
      },
    });
    try {
      const before = await stack.query<ServiceResult>(serviceQuery('component:default/checkout'));
      expect(before.data?.entity.pagerdutyService).toEqual({ id: 'PCH3K7T', name: expect.any(String) });
      expect(serviceCalls(stack)).toEqual({ list: 1, single: 0 });

      stack.sim!.data.services.push(created!);
      const orders = stack.sim!.data.services.find((s) => s.id === 'PQ0RD5N')!;
      const after = await stack.query<ServiceResult>(serviceQuery('component:default/orders'));
      expect(after.errors).toBeUndefined();
      expect(after.data?.entity.pagerdutyService).toEqual({ id: 'PQ0RD5N', name: orders.name });
      expect(serviceCalls(stack)).toEqual({ list: 1, single: 1 });
    } finally {
      await stack.close();
    }
  });
});
