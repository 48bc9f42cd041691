import { normaliseExperiment } from './normaliseExperiment';
import { normaliseResults } from './normaliseResults';
import type { GbAnalysis, GbExperiment, GbExperimentResults } from './growthBookWire';

const experiment = (engine: 'bayesian' | 'frequentist'): GbExperiment => ({
  id: 'exp_1', trackingKey: 'k', dateCreated: '2025-01-01T00:00:00.000Z', dateUpdated: '2025-01-02T00:00:00.000Z', name: 'E', type: 'standard',
  project: 'prj', hypothesis: '', description: '', tags: [], owner: 'u_1', ownerEmail: 'A@x.com', archived: false, status: 'running',
  autoRefresh: true, hashAttribute: 'id', hashVersion: 2,
  variations: [{ variationId: 'v0', key: '0', name: 'Control', description: '', screenshots: [] }, { variationId: 'v1', key: '1', name: 'B', description: '', screenshots: [] }],
  phases: [{ name: 'Main', dateStarted: '2025-01-01T00:00:00.000Z', dateEnded: '', reasonForStopping: '', seed: 's', coverage: 1, trafficSplit: [{ variationId: 'v0', weight: 0.5 }, { variationId: 'v1', weight: 0.5 }], targetingCondition: '' }],
  settings: { datasourceId: '', assignmentQueryId: '', experimentId: 'k', segmentId: '', queryFilter: '', inProgressConversions: 'include', attributionModel: 'firstExposure', statsEngine: engine, goals: [], secondaryMetrics: [], guardrails: [] },
});

const analysis = (engine: GbAnalysis['engine'], extra: Partial<GbAnalysis>): GbAnalysis => ({ engine, numerator: 0, denominator: 0, mean: 0.1, stddev: 0.3, percentChange: 0, ciLow: 0, ciHigh: 0, ...extra });

const results = (engine: 'bayesian' | 'frequentist', treatment: GbAnalysis[]): GbExperimentResults => ({
  id: 'snp', dateUpdated: '2025-01-03T00:00:00.000Z', experimentId: 'exp_1', phase: '0', dateStart: '2025-01-01T00:00:00.000Z', dateEnd: '', dimension: { type: 'none' },
  settings: experiment(engine).settings, queryIds: [],
  results: [{
    dimension: '', totalUsers: 2000, checks: { srm: 0.9 },
    // Variants arrive out of order on purpose: devgraph orders them like the experiment.
    metrics: [{ metricId: 'm1', metricName: 'Conversion', variations: [
      { variationId: 'v1', users: 1010, analyses: treatment },
      { variationId: 'v0', users: 990, analyses: [analysis(engine, { pValue: 0, chanceToBeatControl: 0, risk: 0 })] },
    ] }],
  }],
});

describe('normaliseResults', () => {
  it('bayesian: keeps chance to beat control and risk, drops the p-value GrowthBook fills with 0, converts fractions to percent', () => {
    const exp = normaliseExperiment(experiment('bayesian'), 'https://app.example');
    const r = normaliseResults(results('bayesian', [analysis('bayesian', { percentChange: 0.042, ciLow: 0.01, ciHigh: 0.074, chanceToBeatControl: 0.97, risk: 0.0004, pValue: 0 })]), exp, 0);
    const [control, b] = r.metrics[0]!.variants;
    expect(control).toMatchObject({ variantId: 'v0', variantName: 'Control', isControl: true, users: 990, percentChange: null, chanceToBeatControl: null, pValue: null, significant: false });
    expect(b).toMatchObject({ variantId: 'v1', variantName: 'B', engine: 'BAYESIAN', pValue: null, chanceToBeatControl: 0.97, risk: 0.0004, significant: true, direction: 'UP' });
    expect(b!.percentChange).toBeCloseTo(4.2, 10);
    expect([b!.ciLow, b!.ciHigh].map((x) => Number(x!.toFixed(6)))).toEqual([1, 7.4]);
    expect(r).toMatchObject({ engine: 'BAYESIAN', totalUsers: 2000, endedAt: null, sampleRatio: { growthbookPValue: 0.9, healthy: true } });
  });

  it('frequentist: keeps the p-value, drops chance to beat control and risk, and picks the experiment engine\'s analysis when both are sent', () => {
    const exp = normaliseExperiment(experiment('frequentist'), 'https://app.example');
    const both = [analysis('bayesian', { percentChange: 0.5, chanceToBeatControl: 0.99 }), analysis('frequentist', { percentChange: -0.03, ciLow: -0.05, ciHigh: -0.01, pValue: 0.004, chanceToBeatControl: 0, risk: 0 })];
    const b = normaliseResults(results('frequentist', both), exp, 0).metrics[0]!.variants[1]!;
    expect(b).toMatchObject({ engine: 'FREQUENTIST', pValue: 0.004, chanceToBeatControl: null, risk: null, significant: true, direction: 'DOWN' });
    expect(b.percentChange).toBeCloseTo(-3, 10);
  });

  it('recomputes SRM from the first metric\'s users against the phase split', () => {
    // 990 vs 1010 on 50/50: chi2 = 2 * 10^2 / 1000 = 0.2, p = 0.6547
    const exp = normaliseExperiment(experiment('bayesian'), 'https://app.example');
    const srm = normaliseResults(results('bayesian', [analysis('bayesian', {})]), exp, 0).sampleRatio;
    expect(srm.chiSquare).toBeCloseTo(0.2, 10);
    expect(srm.pValue).toBeCloseTo(0.6547, 4);
    expect(srm.variants.map((v) => v.observedUsers)).toEqual([990, 1010]);
  });
});
