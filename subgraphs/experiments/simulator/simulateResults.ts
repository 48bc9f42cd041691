import chi2gof from '@stdlib/stats-chi2gof';
import type { GbAnalysis, GbResultRow } from '../src/sources/growthbook/growthBookWire';

/** One metric's observed data per variant, in variant order (control first). */
export type MetricData =
  | { kind: 'binomial'; id: string; name: string; conversions: number[] }
  | { kind: 'mean'; id: string; name: string; means: number[]; stddevs: number[] };

export interface ResultsSpec {
  engine: 'bayesian' | 'frequentist';
  variationIds: string[];
  variationNames: string[];
  users: number[];
  /** Configured split, for GrowthBook's own SRM value. */
  weights: number[];
  metrics: MetricData[];
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 erf, |error| < 1.5e-7): plenty for demo data. */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - (((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t) * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

const normalPdf = (z: number) => Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
const round = (value: number, digits = 6) => Number(value.toFixed(digits));

/**
 * What GrowthBook's stats engine would report for one treatment vs control: the relative change
 * with a delta-method standard error (normal approximation), then
 * - frequentist: two-sided z-test p-value and a 95% confidence interval;
 * - bayesian (flat prior): chance to beat control = Phi(change / se), a 95% credible interval and
 *   risk = expected relative loss E[max(0, -change)] under the normal posterior.
 * A demo stand-in, not GrowthBook's exact engine; the numbers are consistent with each other.
 */
function analyse(engine: ResultsSpec['engine'], control: Arm, treatment: Arm): GbAnalysis {
  const base = { engine, numerator: treatment.numerator, denominator: treatment.users, mean: round(treatment.mean), stddev: round(treatment.stddev) };
  if (treatment === control) return { ...base, percentChange: 0, ciLow: 0, ciHigh: 0 };
  const change = (treatment.mean - control.mean) / control.mean;
  const se = Math.sqrt(treatment.stddev ** 2 / treatment.users + control.stddev ** 2 / control.users) / control.mean;
  const z = change / se;
  const interval = { percentChange: round(change), ciLow: round(change - 1.959964 * se), ciHigh: round(change + 1.959964 * se) };
  if (engine === 'frequentist') return { ...base, ...interval, pValue: round(2 * (1 - normalCdf(Math.abs(z))), 8) };
  const risk = se * normalPdf(z) - change * (1 - normalCdf(z));
  return { ...base, ...interval, chanceToBeatControl: round(normalCdf(z), 8), risk: round(Math.max(0, risk), 8) };
}

interface Arm {
  users: number;
  numerator: number;
  mean: number;
  stddev: number;
}

function armsOf(metric: MetricData, users: number[]): Arm[] {
  return users.map((n, i) => {
    if (metric.kind === 'binomial') {
      const c = metric.conversions[i]!;
      const p = c / n;
      return { users: n, numerator: c, mean: p, stddev: Math.sqrt(p * (1 - p)) };
    }
    const mean = metric.means[i]!;
    return { users: n, numerator: round(mean * n, 2), mean, stddev: metric.stddevs[i]! };
  });
}

/** GrowthBook's overall result row for a spec: SRM check, then per metric per variation analyses. */
export function simulateResultRow(spec: ResultsSpec): GbResultRow {
  const total = spec.users.reduce((a, b) => a + b, 0);
  const weightSum = spec.weights.reduce((a, b) => a + b, 0);
  // GrowthBook runs the same chi-square test; the simulator reports it as `checks.srm`.
  const srm = chi2gof(spec.users, spec.weights.map((w) => (w / weightSum) * total)).pValue;
  return {
    dimension: 'All',
    totalUsers: total,
    checks: { srm: Number(srm.toPrecision(6)) },
    metrics: spec.metrics.map((metric) => {
      const arms = armsOf(metric, spec.users);
      return {
        metricId: metric.id,
        metricName: metric.name,
        variations: arms.map((arm, i) => ({
          variationId: spec.variationIds[i]!,
          variationName: spec.variationNames[i]!,
          users: arm.users,
          analyses: [analyse(spec.engine, arms[0]!, arm)],
        })),
      };
    }),
  };
}
