import type { GraphQLSchema } from 'graphql';
import { subgraphNamed } from '@devgraph/registry';
import { DEFAULT_COST_WEIGHTS, type CostWeights } from './costWeights';
import type { CostModel } from './measureOperation';
import { supergraphOwnership } from './supergraphOwnership';

/**
 * The cost model of one composed supergraph: its API schema (types, list-ness, argument defaults)
 * and its join directives (which subgraph resolves what). A subgraph calls a tool when the
 * registry gives it one; a subgraph devgraph does not ship is assumed to call one too, since
 * nothing says it is as cheap as the in-memory catalog.
 */
export function buildCostModel(schema: GraphQLSchema, supergraphSdl: string | undefined, weights: CostWeights = DEFAULT_COST_WEIGHTS): CostModel {
  return {
    schema,
    ownership: supergraphOwnership(supergraphSdl),
    isUpstreamSubgraph: (name) => {
      const entry = subgraphNamed(name);
      return entry === undefined || entry.tool !== undefined;
    },
    weights,
  };
}
