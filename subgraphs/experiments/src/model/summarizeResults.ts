import type { ExperimentResultsModel, ExperimentSummaryModel, MetricMovementModel } from './types';

// codegen.yml maps ExperimentSummary to this module's export.
export type { ExperimentSummaryModel };

const formatChange = (percent: number) => `${percent > 0 ? '+' : ''}${percent.toFixed(1)}%`;

/**
 * One line a dashboard can show without reading the whole result table: the significant moves
 * (every treatment variant on every metric), then the split's health, because a sample-ratio
 * mismatch makes every number above it untrustworthy and must be the first thing seen.
 */
export function summarizeResults(results: ExperimentResultsModel): ExperimentSummaryModel {
  const moved: MetricMovementModel[] = [];
  for (const metric of results.metrics) {
    for (const v of metric.variants) {
      if (v.isControl || !v.significant || !v.direction || v.percentChange === null) continue;
      moved.push({ metricId: metric.metricId, metricName: metric.name, variantId: v.variantId, variantName: v.variantName, direction: v.direction, percentChange: v.percentChange });
    }
  }
  const movedMetrics = new Set(moved.map((m) => m.metricId)).size;
  const count = results.metrics.length;
  const moves = moved.map((m) => `${m.metricName ?? m.metricId} ${formatChange(m.percentChange)} (${m.variantName ?? m.variantId})`);
  const head = movedMetrics === 0 ? `no significant change in ${count} metric${count === 1 ? '' : 's'}` : `${movedMetrics} of ${count} metric${count === 1 ? '' : 's'} moved: ${moves.join(', ')}`;
  const { healthy, pValue } = results.sampleRatio;
  const split =
    healthy === false
      ? `SAMPLE RATIO MISMATCH (p=${pValue!.toExponential(1)}): results not trustworthy`
      : healthy === true
        ? 'split healthy'
        : 'split not checked yet';
  return { text: healthy === false ? `${split}; ${head}` : `${head}; ${split}`, moved, metricCount: count, healthy };
}
