import type { QueryLimits } from './limitViolations';

/**
 * The limits' defaults, shared by the config (`MAX_*` variables) and the plugin. They admit every
 * operation in `demo/queries` and the README with room to spare (the highest demo cost is under
 * 4,000; `limits/demoQueryCosts.test.ts` prints each figure) and turn away fan-outs such as
 * `entities(first: 500) { nodes { dependents(depth: 10) { ref } } }` (cost 100,501).
 */
export const DEFAULT_QUERY_LIMITS: QueryLimits & { maxTokens: number } = {
  maxDepth: 15,
  maxCost: 10_000,
  maxAliases: 30,
  maxTokens: 5_000,
  maxDirectives: 50,
  maxRootFields: 20,
};
