/**
 * What devgraph knows about experiments, independent of the tool they come from. A source
 * (GrowthBook today; Statsig or Confidence later) normalises its wire format into these shapes,
 * and resolvers only ever see them. Dates are ISO-8601 strings; they go through the cache as JSON.
 */

export type ExperimentStatus = 'DRAFT' | 'RUNNING' | 'STOPPED';
export type ExperimentOutcome = 'WON' | 'LOST' | 'INCONCLUSIVE' | 'DID_NOT_FINISH';
export type StatsEngine = 'BAYESIAN' | 'FREQUENTIST';
export type FeatureValueType = 'BOOLEAN' | 'STRING' | 'NUMBER' | 'JSON';

export interface ExperimentVariantModel {
  id: string;
  key: string;
  name: string;
  /** Share of traffic in the current phase; null when the phase does not say. */
  weight: number | null;
}

export interface ExperimentPhaseModel {
  name: string;
  startedAt: string | null;
  endedAt: string | null;
  coverage: number | null;
  trafficSplit: { variantId: string; weight: number }[];
}

export interface ExperimentModel {
  id: string;
  trackingKey: string;
  name: string;
  status: ExperimentStatus;
  archived: boolean;
  project: string | null;
  hypothesis: string | null;
  description: string | null;
  owner: string | null;
  /** Lower-cased, for matching catalog users. */
  ownerEmail: string | null;
  tags: string[];
  createdAt: string | null;
  updatedAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
  coverage: number | null;
  variants: ExperimentVariantModel[];
  phases: ExperimentPhaseModel[];
  winnerVariantId: string | null;
  outcome: ExperimentOutcome | null;
  conclusion: string | null;
  engine: StatsEngine;
  url: string;
}

export interface MetricVariantResultModel {
  variantId: string;
  variantName: string | null;
  isControl: boolean;
  users: number | null;
  mean: number | null;
  stddev: number | null;
  /** Percent, not a fraction. */
  percentChange: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  pValue: number | null;
  chanceToBeatControl: number | null;
  risk: number | null;
  engine: StatsEngine;
  significant: boolean;
  direction: 'UP' | 'DOWN' | null;
}

export interface MetricResultModel {
  metricId: string;
  name: string | null;
  variants: MetricVariantResultModel[];
}

export interface SampleRatioVariantModel {
  variantId: string;
  observedUsers: number;
  expectedShare: number;
  expectedUsers: number;
}

export interface SampleRatioCheckModel {
  growthbookPValue: number | null;
  pValue: number | null;
  chiSquare: number | null;
  degreesOfFreedom: number | null;
  threshold: number;
  healthy: boolean | null;
  variants: SampleRatioVariantModel[];
}

export interface ExperimentResultsModel {
  experimentId: string;
  phase: number;
  updatedAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
  engine: StatsEngine;
  totalUsers: number;
  sampleRatio: SampleRatioCheckModel;
  metrics: MetricResultModel[];
}

export interface FeatureFlagEnvironmentModel {
  name: string;
  enabled: boolean;
  defaultValue: string | null;
  ruleCount: number;
  enabledRuleCount: number;
}

export interface FeatureFlagModel {
  key: string;
  description: string | null;
  valueType: FeatureValueType;
  defaultValue: string;
  owner: string | null;
  project: string | null;
  tags: string[];
  archived: boolean;
  updatedAt: string | null;
  environments: FeatureFlagEnvironmentModel[];
  url: string;
}

/** A bounded list from the upstream: `truncated` when the page cap stopped us before the end. */
export interface ExperimentList {
  experiments: ExperimentModel[];
  truncated: boolean;
}

/** What the gateway sends for a catalog Component: its key and the `@requires` field. */
export interface ComponentRepresentation {
  ref: string;
  growthbookProject?: string | null;
}

/** What the gateway sends for a catalog User: its key and the `@requires` field. */
export interface UserRepresentation {
  ref: string;
  email?: string | null;
}
