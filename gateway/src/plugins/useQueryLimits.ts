import type { ApolloServerPlugin } from '@apollo/server';
import { DevgraphError, ErrorCode } from '@devgraph/runtime';
import { buildCostModel } from '../limits/buildCostModel';
import { DEFAULT_QUERY_LIMITS } from '../limits/defaultQueryLimits';
import { DEFAULT_COST_WEIGHTS, type CostWeights } from '../limits/costWeights';
import { limitViolations, violationDetails, type QueryLimits } from '../limits/limitViolations';
import { measureOperation, type CostModel } from '../limits/measureOperation';

export interface QueryLimitOptions extends Partial<QueryLimits> {
  /** Deepest field nesting, fragments inlined (default 15). Introspection fields count 0. */
  maxDepth?: number;
  /** Highest estimated cost (default 10,000; weights in `limits/costWeights.ts`). Introspection fields count 0. */
  maxCost?: number;
  /** Aliased fields, fragments expanded (default 30). */
  maxAliases?: number;
  /** Directive uses, fragments expanded (default 50). */
  maxDirectives?: number;
  /** Fields at the root of the operation (default 20). */
  maxRootFields?: number;
  /** The cost estimate's weights (default `DEFAULT_COST_WEIGHTS`). */
  weights?: CostWeights;
}

const tooComplex = (message: string, details: Record<string, number>) =>
  new DevgraphError(ErrorCode.QueryTooComplex, message, { details: { ...details, http: { status: 400 } } });

/**
 * Turns away what would cost the gateway or the tools too much, before any subgraph is called
 * (documents over `MAX_TOKENS` never get this far: see `limits/tokenLimit.ts`). Once the operation
 * is known, one linear pass measures its depth, estimated cost (lists times `first` or their assumed length,
 * transitive fields times `depth`, fetches into a tool's subgraph extra), aliases, directives and
 * root fields, and one `QUERY_TOO_COMPLEX` error names every limit exceeded with its figures
 * (`extensions.cost`/`maxCost`, `depth`/`maxDepth`, ...). The cost model is rebuilt from each
 * composed supergraph, so it follows the schema without a hand-kept list.
 */
export function useQueryLimits(options: QueryLimitOptions = {}): ApolloServerPlugin {
  const limits: QueryLimits = { ...DEFAULT_QUERY_LIMITS, ...definedOnly(options) };
  const weights = options.weights ?? DEFAULT_COST_WEIGHTS;
  // Per server instance, replaced whole on every recomposition: the one piece of state this plugin holds.
  let model: CostModel | undefined;
  return {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate({ apiSchema, coreSupergraphSdl }) {
          model = buildCostModel(apiSchema, coreSupergraphSdl, weights);
        },
      };
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return;
          const measure = measureOperation(model ?? buildCostModel(schema, undefined, weights), document, operation, request.variables ?? {});
          const violations = limitViolations(measure, limits);
          if (violations.length === 0) return;
          throw tooComplex(
            `Query too complex: ${violations.map((v) => v.phrase).join('; ')}. Ask for fewer nested levels, smaller pages (first:) or depth:, fewer aliases, or split the query.`,
            violationDetails(violations),
          );
        },
      };
    },
  };
}

/** `{ maxCost: undefined }` must not override the default. */
function definedOnly(options: QueryLimitOptions): Partial<QueryLimits> {
  const picked: Partial<QueryLimits> = {};
  for (const key of ['maxDepth', 'maxCost', 'maxAliases', 'maxDirectives', 'maxRootFields'] as const) {
    const value = options[key];
    if (value !== undefined) picked[key] = value;
  }
  return picked;
}
