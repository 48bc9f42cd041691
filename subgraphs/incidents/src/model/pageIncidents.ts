import { checkPageSize, createCursorCodec, pageAfterId } from '@devgraph/runtime';
import type { Incident, IncidentList, IncidentPage } from './types';

/** Cursors name an incident (not a position), so a page boundary stays put while new incidents arrive on top. */
export const incidentCursor = createCursorCodec('incident');

/** The schema's default page, and the biggest one a client may ask for. */
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

/** `first` of `Component.incidents`: BAD_USER_INPUT outside 0..100. */
export const incidentPageSize = (first: number | null | undefined) => checkPageSize(first, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);

/** Newest first; the number breaks ties between incidents opened in the same second. */
const newestFirst = (a: Incident, b: Incident) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.number - a.number;

/** One Relay page of a service's incidents, newest first, after the incident `after` names. */
export function pageIncidents(list: IncidentList, first: number, after: string | null | undefined): IncidentPage {
  const sorted = [...list.items].sort(newestFirst);
  const page = pageAfterId(sorted, first, after, incidentCursor, (cursor) =>
    `The cursor "${cursor}" points at an incident outside this list (resolved away or out of the window); start again without after.`,
  );
  return { ...page, truncated: list.truncated, stale: list.stale, fetchedAt: list.fetchedAt };
}
