/**
 * The weights of the cost estimate (`MAX_QUERY_COST`), written down in one place so the README
 * can quote them and a change is one edit. Like Apollo Router's demand control (`@cost`,
 * `@listSize`), but read from devgraph's own schema conventions instead of directives the
 * subgraphs would have to carry.
 */
export interface CostWeights {
  /** Every field the gateway resolves: one unit (an object's scalars each cost one too, so wide selections count). */
  field: number;
  /**
   * Extra cost of entering a subgraph that calls a tool (GitHub, PagerDuty, GrowthBook) from
   * another subgraph's object: that is one more fetch the query planner makes and one more upstream
   * request (or batch slot) per parent object. Which subgraph resolves a field comes from the
   * supergraph's `@join__type`/`@join__field`; which subgraphs call a tool from the registry.
   */
  upstreamFetch: number;
  /** Assumed length of a list of objects that has no `first` argument and no entry in `listSizes`. */
  defaultListSize: number;
  /**
   * Assumed lengths of particular lists without a `first` argument, by field name or by
   * `Type.field` (which wins). Sized from a catalog of a few hundred entities per team at most.
   */
  listSizes: Readonly<Record<string, number>>;
  /** `recursive: true` (e.g. `Group.owns(recursive:)`): how many levels of sub-teams to assume. */
  recursiveFactor: number;
}

export const DEFAULT_COST_WEIGHTS: CostWeights = {
  field: 1,
  upstreamFetch: 10,
  defaultListSize: 10,
  listSizes: {
    // A team's estate and a catalog's problems or facet values run longer than a typical list.
    owns: 20,
    catalogProblems: 50,
    entityFacets: 50,
    // An experiment has a few variants (control and one or two more) and a handful of metrics.
    variants: 3,
    metrics: 5,
    // A dependency path is at most `depth` long, and `depth` already multiplies the list holding it.
    'EntityPath.path': 3,
  },
  recursiveFactor: 5,
};
