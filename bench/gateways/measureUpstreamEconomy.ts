import { ECONOMY_QUERY } from './benchQueries';
import type { BenchSimulator } from './startBenchStack';

export interface EconomyRow {
  tool: string;
  /** `/services/{id}`: the path with the resource id folded, so one row per endpoint. */
  endpoint: string;
  cold: number;
  warm: number;
  /** Issue 12's ceiling for a cold query (warm: 0). */
  limit: number;
}

export interface Economy {
  components: number;
  services: number;
  projects: number;
  errors: number;
  rows: EconomyRow[];
}

interface ListAnswer {
  data?: { entities: { nodes: { pagerdutyServiceId?: string | null; growthbookProject?: string | null }[] } };
  errors?: unknown[];
}

/**
 * Upstream calls behind one component list through devgraph's gateway, first with every cache
 * cold (run before anything else has queried the stack), then again at once (warm). Targets
 * from issue 12: GitHub at most 1 request; PagerDuty at most 1 per 100 services per endpoint;
 * GrowthBook at most 1 list per project; warm: none. The query asks for every tool's fields.
 * `cache-control: no-cache` keeps a gateway response cache out of it: this counts what the subgraphs do.
 */
export async function measureUpstreamEconomy(gatewayUrl: string, simulators: BenchSimulator[]): Promise<Economy> {
  const run = async () => {
    await Promise.all(simulators.map((s) => s.resetRequests()));
    const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' }, body: JSON.stringify({ query: ECONOMY_QUERY }) });
    const answer = (await response.json()) as ListAnswer;
    const counts = await Promise.all(simulators.map(async (s) => ({ tool: s.tool, byEndpoint: foldIds(await s.requestsByPath()) })));
    return { answer, counts };
  };
  const cold = await run();
  const warm = await run();
  const nodes = cold.answer.data?.entities.nodes ?? [];
  const services = new Set(nodes.map((n) => n.pagerdutyServiceId).filter(Boolean)).size;
  const projects = new Set(nodes.map((n) => n.growthbookProject).filter(Boolean)).size;
  const limitOf = (tool: string) => (tool === 'GitHub' ? 1 : tool === 'PagerDuty' ? Math.ceil(services / 100) : projects);
  const rows: EconomyRow[] = [];
  for (const { tool, byEndpoint } of cold.counts) {
    const warmCounts = warm.counts.find((c) => c.tool === tool)!.byEndpoint;
    const endpoints = [...new Set([...Object.keys(byEndpoint), ...Object.keys(warmCounts)])].sort();
    if (tool === 'GitHub') {
      // GitHub's ceiling is on all its requests together.
      const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
      rows.push({ tool, endpoint: endpoints.join(', ') || '(none)', cold: sum(byEndpoint), warm: sum(warmCounts), limit: limitOf(tool) });
      continue;
    }
    if (endpoints.length === 0) rows.push({ tool, endpoint: '(none)', cold: 0, warm: 0, limit: limitOf(tool) });
    for (const endpoint of endpoints) rows.push({ tool, endpoint, cold: byEndpoint[endpoint] ?? 0, warm: warmCounts[endpoint] ?? 0, limit: limitOf(tool) });
  }
  return { components: nodes.length, services, projects, errors: (cold.answer.errors?.length ?? 0) + (warm.answer.errors?.length ?? 0), rows };
}

/** `/services/P1` -> `/services/{id}`, `/api/v1/experiments/e1/results` -> `/api/v1/experiments/{id}/results`. */
export function foldIds(byPath: Record<string, number>): Record<string, number> {
  const folded: Record<string, number> = {};
  for (const [path, count] of Object.entries(byPath)) {
    // A versioned prefix (GrowthBook's /api/v1) is kept; the segment after the collection is the id.
    const [, prefix = '', rest = path] = /^(\/api\/v\d+)?(\/.*)$/.exec(path) ?? [];
    const endpoint = prefix + rest.replace(/^(\/[a-z_]+)\/[^/]+/, '$1/{id}');
    folded[endpoint] = (folded[endpoint] ?? 0) + count;
  }
  return folded;
}
