import type * as Gql from '../generated/types';

/**
 * What devgraph knows about experiments, independent of the tool they come from. A source
 * (GrowthBook today; Statsig or Confidence later) normalises its wire format into these shapes,
 * and resolvers only ever see them. They are also what the cache holds, so changing a shape means
 * bumping the cache version in `sources/growthbook/growthBookCachePolicies.ts`. Dates are ISO-8601
 * strings; they go through the cache as JSON.
 *
 * Where a model type has the shape of its GraphQL type it is derived from the generated one, so
 * a field added to schema.graphql cannot be forgotten here.
 */

/**
 * A generated output type as the model holds it: every field present, `null` for "none" (never
 * `undefined`, which JSON would drop), no `__typename`.
 */
type Model<T> = { [K in keyof T as K extends '__typename' ? never : K]-?: Exclude<T[K], undefined> };

export type ExperimentStatus = Gql.ExperimentStatus;
export type ExperimentOutcome = Gql.ExperimentOutcome;
export type StatsEngine = Gql.StatsEngine;
export type MetricDirection = Gql.MetricDirection;
export type FeatureValueType = Gql.FeatureValueType;

/**
 * How old an answer is, the same mark every subgraph gives: `fetchedAt` is when the tool answered
 * (it may come from the cache), `stale` that it is served past its freshness because the tool
 * failed or was slow. Set when a value is read, never stored: the cache holds `Stored<T>`.
 */
export interface Freshness {
  stale: boolean;
  fetchedAt: string | null;
}

/** A model as the cache holds it: without the freshness marks, which belong to each read. */
export type Stored<T> = Omit<T, keyof Freshness>;

/** `weight` is the share of traffic in the current phase; null when the phase does not say. */
export type ExperimentVariantModel = Model<Gql.ExperimentVariant>;
export type ExperimentTrafficSplitModel = Model<Gql.ExperimentTrafficSplit>;
export type ExperimentPhaseModel = Omit<Model<Gql.ExperimentPhase>, 'trafficSplit'> & { trafficSplit: ExperimentTrafficSplitModel[] };

/** `winner`, `results` and `summary` are resolved from the rest; what the model adds, the tool knows. */
export type ExperimentModel = Omit<Model<Gql.Experiment>, 'variants' | 'phases' | 'winner' | 'results' | 'summary'> & {
  variants: ExperimentVariantModel[];
  phases: ExperimentPhaseModel[];
  winnerVariantId: string | null;
  /** Lower-cased, for matching catalog users. */
  ownerEmail: string | null;
  updatedAt: string | null;
  /** The engine results are analysed with, before any results exist. */
  engine: StatsEngine;
};

/** Relative numbers (`percentChange`, `ciLow`, `ciHigh`) are percent, not fractions. */
export type MetricVariantResultModel = Model<Gql.MetricVariantResult>;
export type MetricResultModel = Omit<Model<Gql.MetricResult>, 'variants'> & { variants: MetricVariantResultModel[] };
export type SampleRatioVariantModel = Model<Gql.SampleRatioVariant>;
export type SampleRatioCheckModel = Omit<Model<Gql.SampleRatioCheck>, 'variants'> & { variants: SampleRatioVariantModel[] };

export type ExperimentResultsModel = Omit<Model<Gql.ExperimentResults>, 'sampleRatio' | 'metrics'> & {
  experimentId: string;
  sampleRatio: SampleRatioCheckModel;
  metrics: MetricResultModel[];
};

export type MetricMovementModel = Model<Gql.MetricMovement>;
export type ExperimentSummaryModel = Omit<Model<Gql.ExperimentSummary>, 'moved'> & { moved: MetricMovementModel[] };

export type FeatureFlagEnvironmentModel = Model<Gql.FeatureFlagEnvironment>;

/** `stale` is derived when asked (it depends on the clock), so it is not stored. */
export type FeatureFlagModel = Omit<Model<Gql.FeatureFlag>, 'stale' | 'environments'> & { environments: FeatureFlagEnvironmentModel[] };

/** A bounded list from the upstream: `truncated` when the page cap stopped us before the end. */
export interface ExperimentList {
  experiments: ExperimentModel[];
  truncated: boolean;
}

/** An experiment list as the cache holds it. */
export interface StoredExperimentList {
  experiments: Stored<ExperimentModel>[];
  truncated: boolean;
}

/** What the gateway sends for a catalog Component: its key and the `@requires` field. */
export type ComponentRepresentation = Pick<Gql.Component, 'ref' | 'growthbookProject'>;

/** What the gateway sends for a catalog User: its key and the `@requires` field. */
export type UserRepresentation = Pick<Gql.User, 'ref' | 'email'>;
