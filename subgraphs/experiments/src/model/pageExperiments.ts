import { badUserInput, pageAfterId } from '@devgraph/runtime';
import type { ExperimentModel, ExperimentStatus } from './types';

/** The biggest page a client may ask for: one GrowthBook page, so a page never costs more than the list. */
export const MAX_PAGE_SIZE = 100;

export interface ExperimentFilter {
  status?: ExperimentStatus | null;
  includeArchived?: boolean | null;
}

export interface ExperimentPage {
  items: ExperimentModel[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}

/** Archived experiments are clutter for almost every reader, so they are opt-in. */
export function filterExperiments(experiments: readonly ExperimentModel[], filter: ExperimentFilter): ExperimentModel[] {
  return experiments.filter((e) => (filter.includeArchived || !e.archived) && (!filter.status || e.status === filter.status));
}

export function checkPageSize(first: number | null | undefined): number {
  const size = first ?? 20;
  if (size < 0 || size > MAX_PAGE_SIZE) throw badUserInput(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${size}.`, { first: size });
  return size;
}

// Cursors name the experiment, not a position: a page boundary stays put when experiments are
// added in front of it between two requests (the list is newest first).
const encodeCursor = (id: string) => Buffer.from(`experiment:${id}`).toString('base64url');
function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('experiment:')) throw badUserInput(`"${cursor}" is not a cursor from this API; pass pageInfo.endCursor.`, { after: cursor });
  return text.slice('experiment:'.length);
}

/** A Relay page of the filtered list, after the experiment named by `after`. */
export function pageExperiments(experiments: readonly ExperimentModel[], first: number, after?: string | null): ExperimentPage {
  return pageAfterId(experiments, first, after, { encode: encodeCursor, decode: decodeCursor }, (cursor) =>
    `The cursor "${cursor}" names an experiment no longer in this list; start again without "after".`,
  );
}
