import { classifyMovement } from '../../model/classifyMovement';
import { sampleRatioMismatch } from '../../model/sampleRatioMismatch';
import type { ExperimentModel, ExperimentResultsModel, MetricVariantResultModel, StatsEngine, Stored } from '../../model/types';
import type { GbAnalysis, GbExperimentResults } from './growthBookWire';

const orNull = (value: string | undefined) => (value && value.trim() !== '' ? value : null);
// toPrecision(12) drops the binary noise of `* 100` (0.066667 * 100 = 6.666700000000001).
const percent = (fraction: number | undefined) => (typeof fraction === 'number' && Number.isFinite(fraction) ? Number((fraction * 100).toPrecision(12)) : null);
const num = (value: number | undefined) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The overall row: GrowthBook's results without a dimension have one row, named "" or "All". */
function overallRow(result: GbExperimentResults) {
  return result.results.find((r) => r.dimension === '' || r.dimension.toLowerCase() === 'all') ?? result.results[0];
}

/**
 * GrowthBook's results to devgraph's, for one experiment phase:
 * - one analysis per variant, the one of the engine the experiment is analysed with (GrowthBook
 *   may send both); engine-specific numbers are null for the other engine, because GrowthBook's
 *   API fills absent statistics with 0 and a 0 p-value would read as "certain";
 * - relative change and its interval in percent; control rows carry only users/mean/stddev;
 * - significance by GrowthBook's default thresholds (classifyMovement);
 * - devgraph's own SRM p-value from the users of the first metric (every metric sees the same
 *   assignments) against the phase's configured split, next to GrowthBook's `checks.srm`.
 */
export function normaliseResults(result: GbExperimentResults, experiment: Stored<ExperimentModel>, phase: number): Stored<ExperimentResultsModel> {
  const engine: StatsEngine = (result.settings?.statsEngine ?? experiment.engine.toLowerCase()) === 'frequentist' ? 'FREQUENTIST' : 'BAYESIAN';
  const wireEngine = engine === 'FREQUENTIST' ? 'frequentist' : 'bayesian';
  const row = overallRow(result);
  const order = experiment.variants.map((v) => v.id);
  const controlId = order[0];
  const nameOf = new Map(experiment.variants.map((v) => [v.id, v.name]));
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);

  const metrics = (row?.metrics ?? []).map((metric) => ({
    metricId: metric.metricId,
    name: orNull(metric.metricName),
    variants: [...metric.variations]
      .sort((a, b) => rank(a.variationId) - rank(b.variationId))
      .map((v): MetricVariantResultModel => {
        const analysis: GbAnalysis | undefined = v.analyses.find((a) => a.engine === wireEngine) ?? v.analyses[0];
        const isControl = v.variationId === controlId;
        const base = {
          variantId: v.variationId,
          variantName: orNull(v.variationName) ?? nameOf.get(v.variationId) ?? null,
          isControl,
          users: num(v.users),
          mean: num(analysis?.mean),
          stddev: num(analysis?.stddev),
          engine,
        };
        if (isControl || !analysis) {
          return { ...base, percentChange: null, ciLow: null, ciHigh: null, pValue: null, chanceToBeatControl: null, risk: null, significant: false, direction: null };
        }
        const stats = {
          percentChange: percent(analysis.percentChange),
          ciLow: percent(analysis.ciLow),
          ciHigh: percent(analysis.ciHigh),
          pValue: engine === 'FREQUENTIST' ? num(analysis.pValue) : null,
          chanceToBeatControl: engine === 'BAYESIAN' ? num(analysis.chanceToBeatControl) : null,
          risk: engine === 'BAYESIAN' ? num(analysis.risk) : null,
        };
        return { ...base, ...stats, ...classifyMovement(engine, stats) };
      }),
  }));

  const split = experiment.phases[phase]?.trafficSplit ?? [];
  const usersOf = new Map((row?.metrics[0]?.variations ?? []).map((v) => [v.variationId, v.users ?? 0]));
  const sampleRatio = sampleRatioMismatch({
    variants: order.map((id) => ({ variantId: id, users: usersOf.get(id) ?? 0, weight: split.find((s) => s.variantId === id)?.weight ?? 0 })),
    upstreamPValue: row ? num(row.checks?.srm) : null,
  });

  return {
    experimentId: experiment.id,
    phase,
    updatedAt: orNull(result.dateUpdated),
    startedAt: orNull(result.dateStart),
    endedAt: orNull(result.dateEnd),
    engine,
    totalUsers: row?.totalUsers ?? 0,
    sampleRatio,
    metrics,
  };
}
