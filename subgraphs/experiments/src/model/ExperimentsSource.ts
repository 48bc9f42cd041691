import type { ExperimentList, ExperimentModel, ExperimentResultsModel, FeatureFlagModel } from './types';

/**
 * One request's view of an experimentation tool. Every method goes through the request's
 * DataLoaders (so N fields asking for one project cost one upstream list) and the shared cache.
 * GrowthBook is the one implementation; another tool (Statsig, Confidence) implements this and
 * the resolvers do not change.
 */
export interface ExperimentsRequestSource {
  /** The tool's name for errors and logs (`growthbook`). */
  readonly upstream: string;
  /** Every experiment of a project (archived included), newest first; `null` project = all projects. */
  experimentsOfProject(project: string | null): Promise<ExperimentList>;
  /** One experiment by id; `null` when the tool has no such experiment. */
  experiment(id: string): Promise<ExperimentModel | null>;
  /** Results of one phase (index from 0); `null` when the tool has none (drafts, not analysed yet). */
  results(experiment: ExperimentModel, phase: number): Promise<ExperimentResultsModel | null>;
  /** Every feature flag of a project (archived included). */
  featureFlagsOfProject(project: string): Promise<FeatureFlagModel[]>;
}

/** The process-wide part: hands out per-request views (the upstream and the cache it reads belong to the wiring). */
export interface ExperimentsSource {
  forRequest(): ExperimentsRequestSource;
  close(): Promise<void>;
}
