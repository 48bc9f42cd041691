import type { Simulator } from '@devgraph/simulator-kit';
import { loadGrowthBookContract, type GrowthBookContract } from './loadGrowthBookContract';
import { startGrowthBookSimulator } from './startGrowthBookSimulator';
import type { GbExperiment, GbExperimentResults, GbFeature } from '../src/sources/growthbook/growthBookWire';

const TOKEN = 'contract-test-token';

describe('GrowthBook simulator', () => {
  let sim: Simulator;
  let contract: GrowthBookContract;
  const get = async <T>(path: string, token = TOKEN): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${sim.url}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as T };
  };
  const expectValid = (apiPath: string, body: unknown) => {
    const validate = contract.response(apiPath);
    const ok = validate(body);
    expect(ok ? [] : validate.errors?.slice(0, 5)).toEqual([]);
  };

  beforeAll(async () => {
    contract = loadGrowthBookContract();
    sim = await startGrowthBookSimulator({ token: TOKEN });
  });
  afterAll(() => sim.close());

  it('answers every list, experiment, results and feature call in GrowthBook\'s OpenAPI shapes', async () => {
    const all = await get<{ experiments: GbExperiment[]; total: number }>('/v1/experiments?limit=100');
    expect(all.status).toBe(200);
    expectValid('/v1/experiments', all.body);
    for (const project of ['prj_checkout', 'prj_cart', 'prj_search']) {
      expectValid('/v1/experiments', (await get(`/v1/experiments?projectId=${project}&status=running`)).body);
    }
    for (const experiment of all.body.experiments) {
      const one = await get(`/v1/experiments/${experiment.id}`);
      expect(one.status).toBe(200);
      expectValid('/v1/experiments/{id}', one.body);
      if (experiment.status === 'draft') continue;
      for (let phase = 0; phase < experiment.phases.length; phase++) {
        const results = await get(`/v1/experiments/${experiment.id}/results?phase=${phase}`);
        expect(results.status).toBe(200);
        expectValid('/v1/experiments/{id}/results', results.body);
      }
    }
    const features = await get('/v1/features?limit=100');
    expectValid('/v1/features', features.body);
    expectValid('/v1/features', (await get('/v1/features?projectId=prj_cart')).body);
  });

  it('has a contract that bites: missing fields and unknown properties fail', () => {
    const list = contract.response('/v1/experiments');
    const envelope = { limit: 10, offset: 0, count: 0, total: 0, hasMore: false, nextOffset: null };
    expect(list({ experiments: [], ...envelope })).toBe(true);
    expect(list({ experiments: [{ id: 'exp_1' }], ...envelope })).toBe(false);
    expect(list({ experiments: [], ...envelope, surprise: true })).toBe(false);
    expect(list({ experiments: [] })).toBe(false);
  });

  it('pages with limit/offset and GrowthBook\'s envelope', async () => {
    const first = await get<{ experiments: GbExperiment[]; limit: number; offset: number; count: number; total: number; hasMore: boolean; nextOffset: number | null }>('/v1/experiments?limit=4');
    expect(first.body).toMatchObject({ limit: 4, offset: 0, count: 4, hasMore: true, nextOffset: 4 });
    const total = first.body.total;
    const last = await get<typeof first.body>(`/v1/experiments?limit=4&offset=${total - 1}`);
    expect(last.body).toMatchObject({ count: 1, hasMore: false, nextOffset: null });
    expect((await get<{ limit: number }>('/v1/experiments?limit=500')).body.limit).toBe(100);
    expect((await get<{ limit: number }>('/v1/experiments')).body.limit).toBe(10);
  });

  it('answers like GrowthBook when things are wrong: 401 for a bad key, 400 for a missing experiment', async () => {
    expect(await get('/v1/experiments', 'wrong-key')).toEqual({ status: 401, body: { message: expect.any(String) } });
    const missing = await get('/v1/experiments/exp_nope');
    expect(missing).toEqual({ status: 400, body: { message: 'Could not find experiment with that id' } });
    expect((await get('/v1/experiments/exp_checkout-trust-badges/results')).status).toBe(400);
  });

  it('seeds the demo organisation with every case devgraph must handle', async () => {
    const { body } = await get<{ experiments: GbExperiment[] }>('/v1/experiments?limit=100');
    const statuses = new Set(body.experiments.map((e) => e.status));
    expect([...statuses].sort()).toEqual(['draft', 'running', 'stopped']);
    expect(new Set(body.experiments.map((e) => e.project)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(body.experiments.map((e) => e.settings.statsEngine))).toEqual(new Set(['bayesian', 'frequentist']));
    expect(body.experiments.some((e) => e.archived)).toBe(true);
    expect(body.experiments.filter((e) => e.resultSummary?.winner).length).toBeGreaterThan(0);
    expect(body.experiments.every((e) => !e.ownerEmail || e.ownerEmail.endsWith('@fernhollow.com'))).toBe(true);

    const srm: Record<string, number> = {};
    for (const e of body.experiments.filter((x) => x.status !== 'draft')) {
      const r = await get<{ result: GbExperimentResults }>(`/v1/experiments/${e.id}/results`);
      srm[e.id] = r.body.result.results[0]!.checks.srm;
    }
    // Exactly one planted mismatch.
    expect(Object.entries(srm).filter(([, p]) => p < 0.001).map(([id]) => id)).toEqual(['exp_checkout-one-page']);

    const features = (await get<{ features: GbFeature[] }>('/v1/features?limit=100')).body.features;
    expect(features.some((f) => f.archived)).toBe(true);
    expect(new Set(features.map((f) => f.project)).size).toBeGreaterThanOrEqual(5);
  });

  it('counts requests and never records the key', async () => {
    sim.resetRequests();
    await get('/v1/features');
    expect(sim.count('/api/v1/features')).toBe(1);
    expect(JSON.stringify(sim.requests)).not.toContain(TOKEN);
  });
});
