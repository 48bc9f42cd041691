import { checkPageSize, pageAfterId, type ConnectionPage } from '@devgraph/runtime';
import { experimentCursor } from './experimentCursor';
import type { ExperimentModel, ExperimentStatus } from './types';

/** What `first` means when a client leaves it out (the schema's default too). */
export const DEFAULT_PAGE_SIZE = 20;
/** The biggest page a client may ask for: one GrowthBook page, so a page never costs more than the list. */
export const MAX_PAGE_SIZE = 100;

export interface ExperimentFilter {
  status?: ExperimentStatus | null;
  includeArchived?: boolean | null;
}

/** A page of `Query.experiments`; codegen.yml maps ExperimentConnection to it. */
export type ExperimentPage = ConnectionPage<ExperimentModel>;

/** Archived experiments are clutter for almost every reader, so they are opt-in. */
export function filterExperiments(experiments: readonly ExperimentModel[], filter: ExperimentFilter): ExperimentModel[] {
  return experiments.filter((e) => (filter.includeArchived || !e.archived) && (!filter.status || e.status === filter.status));
}

/** `first` of every experiments list: BAD_USER_INPUT outside 0..MAX_PAGE_SIZE. */
export const experimentPageSize = (first: number | null | undefined) => checkPageSize(first, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);

/** A Relay page of the filtered list, after the experiment named by `after`. */
export function pageExperiments(experiments: readonly ExperimentModel[], first: number, after?: string | null): ExperimentPage {
  return pageAfterId(experiments, first, after, experimentCursor, (cursor) =>
    `The cursor "${cursor}" names an experiment no longer in this list; start again without "after".`,
  );
}
