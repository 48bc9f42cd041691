import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/build/entryPoints';

export interface BenchQuery {
  key: 'entity' | 'dashboard' | 'list';
  label: string;
  query: string;
}

/** What issue 12 measures: one catalog entity, the service dashboard, a list of components. */
export function benchQueries(): BenchQuery[] {
  return [
    {
      key: 'entity',
      label: 'one catalog entity',
      query: `query OneEntity { entity(ref: "component:default/checkout") { ref kind title description tags
        ... on Component { type lifecycle owner { ref displayName } system { ref title } } } }`,
    },
    {
      key: 'dashboard',
      label: 'service dashboard (demo/queries/01, all four subgraphs)',
      // The demo's own document, so the benchmark measures what a user's dashboard sends.
      query: fs.readFileSync(path.join(REPO_ROOT, 'demo/queries/01-service-dashboard.graphql'), 'utf8'),
    },
    { key: 'list', label: 'component list, first: 50 (owner, repository, open incidents)', query: componentList('') },
  ];
}

/**
 * The list of components with owner, repository and open incidents (the demo catalog has 16, so
 * `first: 50` returns them all). `extra` adds fields, e.g. for the upstream economy count.
 */
export function componentList(extra: string): string {
  return `query ComponentList { entities(filter: { kind: ["Component"] }, first: 50) { totalCount nodes { ref title
    ... on Component { lifecycle owner { ref displayName }
      repository { nameWithOwner url pushedAt pullRequests(states: [OPEN], first: 1) { totalCount } }
      incidents(statuses: [TRIGGERED, ACKNOWLEDGED]) { totalCount } ${extra} } } } }`;
}

/** The list as the upstream economy counts it: every tool touched, with the ids to size the limits. */
export const ECONOMY_QUERY = componentList('githubProjectSlug pagerdutyServiceId growthbookProject experiments(status: RUNNING) { name }');
