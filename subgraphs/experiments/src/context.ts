import type { ExperimentsRequestSource } from './model/ExperimentsSource';

export interface ExperimentsContext {
  /** This request's view of the experimentation tool (its DataLoaders live inside). */
  source: ExperimentsRequestSource;
  /** Clock for derived fields (`FeatureFlag.stale`), injectable for tests. */
  now: () => number;
}
