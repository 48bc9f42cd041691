import { classifyMovement } from './classifyMovement';
import { summarizeResults } from './summarizeResults';
import type { ExperimentResultsModel, MetricVariantResultModel } from './types';

const variant = (id: string, extra: Partial<MetricVariantResultModel> = {}): MetricVariantResultModel => ({
  variantId: id, variantName: id.toUpperCase(), isControl: id === 'a', users: 100, mean: 0.1, stddev: 0.3, percentChange: null, ciLow: null, ciHigh: null,
  pValue: null, chanceToBeatControl: null, risk: null, engine: 'FREQUENTIST', significant: false, direction: null, ...extra,
});

const results = (healthy: boolean | null, metrics: ExperimentResultsModel['metrics']): ExperimentResultsModel => ({
  experimentId: 'e', phase: 0, updatedAt: null, startedAt: null, endedAt: null, engine: 'FREQUENTIST', totalUsers: 200, metrics, stale: false, fetchedAt: null,
  sampleRatio: { growthbookPValue: null, pValue: healthy === false ? 1.5e-12 : 0.5, chiSquare: null, degreesOfFreedom: 1, threshold: 0.001, healthy, variants: [] },
});

describe('classifyMovement', () => {
  it('uses p < 0.05 for frequentist and 0.95 / 0.05 chance to beat control for bayesian', () => {
    expect(classifyMovement('FREQUENTIST', { percentChange: -2, pValue: 0.049, chanceToBeatControl: null })).toEqual({ significant: true, direction: 'DOWN' });
    expect(classifyMovement('FREQUENTIST', { percentChange: 2, pValue: 0.05, chanceToBeatControl: null })).toEqual({ significant: false, direction: null });
    expect(classifyMovement('BAYESIAN', { percentChange: 2, pValue: null, chanceToBeatControl: 0.96 })).toEqual({ significant: true, direction: 'UP' });
    expect(classifyMovement('BAYESIAN', { percentChange: -2, pValue: null, chanceToBeatControl: 0.04 })).toEqual({ significant: true, direction: 'DOWN' });
    expect(classifyMovement('BAYESIAN', { percentChange: 2, pValue: null, chanceToBeatControl: 0.9 })).toEqual({ significant: false, direction: null });
  });
});

describe('summarizeResults', () => {
  it('names each significant move with its sign, and counts moved metrics', () => {
    const s = summarizeResults(results(true, [
      { metricId: 'm1', name: 'Conversion', variants: [variant('a'), variant('b', { percentChange: 4.21, significant: true, direction: 'UP' })] },
      { metricId: 'm2', name: 'Latency', variants: [variant('a'), variant('b', { percentChange: -3.05, significant: true, direction: 'DOWN' })] },
      { metricId: 'm3', name: 'Revenue', variants: [variant('a'), variant('b', { percentChange: 1 })] },
    ]));
    expect(s.text).toBe('2 of 3 metrics moved: Conversion +4.2% (B), Latency -3.0% (B); split healthy');
    expect(s.moved.map((m) => m.direction)).toEqual(['UP', 'DOWN']);
  });

  it('leads with a sample-ratio mismatch, because it invalidates everything after it', () => {
    const s = summarizeResults(results(false, [{ metricId: 'm1', name: null, variants: [variant('a'), variant('b')] }]));
    expect(s.text).toBe('SAMPLE RATIO MISMATCH (p=1.5e-12): results not trustworthy; no significant change in 1 metric');
    expect(s.healthy).toBe(false);
  });
});
