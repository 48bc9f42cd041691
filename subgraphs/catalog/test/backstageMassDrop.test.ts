import { upstreamPolicy } from '@devgraph/runtime';
import { startBackstageSimulator, type BackstageSimulator } from '../simulator/startBackstageSimulator';
import type { BackstageEntity } from '../src/sources/backstage/backstageWire';
import { eventually, startCatalogStack, type CatalogStack } from './startCatalogStack';

const TOKEN = 'backstage-test-token-0123456789';
const KEPT = ['component:default/checkout', 'group:default/checkout-orders', 'system:default/ordering'];

interface State {
  entities: { totalCount: number; nodes: { ref: string }[] };
  catalogProblems: { kind: string; message: string }[];
  catalogStatus: { stale: boolean; sources: { kind: string; stale: boolean; lastError: string | null; entityCount: number }[] };
}
const STATE = `{
  entities(first: 500) { totalCount nodes { ref } }
  catalogProblems { kind message }
  catalogStatus { stale sources { kind stale lastError entityCount } }
}`;

/**
 * A Backstage sync that suddenly lists a fraction of the entities (a provider misconfigured, a
 * location deleted by mistake) is held exactly like a files reload: the last good snapshot is
 * served, marked stale, with a MASS_DROP problem, until the drop is confirmed or undone.
 */
describe('Backstage source: a mass drop is held', () => {
  let simulator: BackstageSimulator;
  let stack: CatalogStack;
  beforeAll(async () => {
    simulator = await startBackstageSimulator({ token: TOKEN });
    stack = await startCatalogStack({
      // One page per sync: a sync cannot read half its pages before the removals and half after.
      backstage: { url: simulator.url, token: TOKEN, syncIntervalMs: 50, pageSize: 1000, policy: upstreamPolicy({ timeoutMs: 60_000, retries: 0 }) },
      maxDropPercent: 20,
      // Never confirmed within the test: the hold stays until Backstage lists the entities again.
      dropConfirmations: 1_000_000,
    }, [TOKEN]);
  });
  afterAll(async () => {
    await stack.close();
    await simulator.close();
  });

  it('keeps serving every entity, marked stale with MASS_DROP, while Backstage lists only a few; clears once they are back', async () => {
    const before = (await stack.query<State>(STATE)).data!;
    expect(before.catalogStatus.stale).toBe(false);
    const total = before.entities.totalCount;
    expect(total).toBeGreaterThan(20);

    const removed: BackstageEntity[] = [];
    for (const { ref } of before.entities.nodes) {
      if (KEPT.includes(ref)) continue;
      removed.push(simulator.entity(ref)!);
      expect(simulator.removeEntity(ref)).toBe(true);
    }

    const held = await eventually(async () => {
      const state = (await stack.query<State>(STATE)).data!;
      return state.catalogProblems.some((p) => p.kind === 'MASS_DROP') ? state : undefined;
    });
    expect(held.entities.totalCount).toBe(total);
    expect(held.catalogStatus.stale).toBe(true);
    expect(held.catalogStatus.sources[0]).toMatchObject({ kind: 'BACKSTAGE', stale: true, entityCount: total });
    expect(held.catalogStatus.sources[0]!.lastError).toContain(`${KEPT.length} of ${total} entities`);
    expect(held.catalogProblems.find((p) => p.kind === 'MASS_DROP')!.message).toMatch(/CATALOG_MAX_DROP=20%.*next sync/);

    for (const entity of removed) simulator.upsertEntity(entity);
    const restored = await eventually(async () => {
      const state = (await stack.query<State>(STATE)).data!;
      return state.catalogProblems.some((p) => p.kind === 'MASS_DROP') ? undefined : state;
    });
    expect(restored.entities.totalCount).toBe(total);
    expect(restored.catalogStatus.stale).toBe(false);
  });
});
