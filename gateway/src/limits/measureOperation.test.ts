import { buildSchema, getIntrospectionQuery, getOperationAST, parse } from 'graphql';
import { SUBGRAPHS } from '@devgraph/registry';
import { composeFromRepo } from '../supergraph/composeFromRepo';
import { buildCostModel } from './buildCostModel';
import { DEFAULT_COST_WEIGHTS } from './costWeights';
import { measureOperation, type OperationMeasure } from './measureOperation';
import { chainedFragments } from './chainedFragments';

// The repo's own supergraph, composed offline: the same join directives the running gateway reads.
const supergraphSdl = composeFromRepo(SUBGRAPHS.map((s) => ({ name: s.name, url: `http://127.0.0.1/${s.name}` })));
const model = buildCostModel(buildSchema(supergraphSdl), supergraphSdl);

function measure(query: string, variables?: Record<string, unknown>): OperationMeasure {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no single operation');
  return measureOperation(model, document, operation, variables);
}

describe('measureOperation', () => {
  it('multiplies a list by its `first` argument, from a literal, a variable, its declared default or the schema default', () => {
    const nodes = (args: string) => measure(`query($n: Int = 7, $m: Int) { entities${args && `(${args})`} { nodes { ref } } }`).cost;
    // entities (1) + first x (nodes 1 + ref 1)
    expect(nodes('first: 100')).toBe(1 + 100 * 2);
    expect(nodes('first: $n')).toBe(1 + 7 * 2);
    expect(measure('query($n: Int = 7) { entities(first: $n) { nodes { ref } } }', { n: 40 }).cost).toBe(1 + 40 * 2);
    // An unset variable without a default falls back to the schema's `first: Int = 20`.
    expect(nodes('first: $m')).toBe(1 + 20 * 2);
    expect(nodes('')).toBe(1 + 20 * 2);
  });

  it('multiplies transitive fields by `depth` and recursive ones by the recursive factor', () => {
    const one = measure('{ entity(ref: "component:default/payments") { dependents { ref } } }').cost;
    const ten = measure('{ entity(ref: "component:default/payments") { dependents(depth: 10) { ref } } }').cost;
    expect(ten - 1).toBe(10 * (one - 1));
    const owns = measure('{ entity(ref: "group:default/checkout-orders") { ... on Group { owns { ref } } } }').cost;
    const recursive = measure('{ entity(ref: "group:default/checkout-orders") { ... on Group { owns(recursive: true) { ref } } } }').cost;
    expect(recursive - 1).toBe(DEFAULT_COST_WEIGHTS.recursiveFactor * (owns - 1));
  });

  it('charges a field resolved by a tool subgraph (from the supergraph join directives) more than a catalog field', () => {
    const catalog = measure('{ entity(ref: "component:default/checkout") { ... on Component { system { ref } } } }').cost;
    const github = measure('{ entity(ref: "component:default/checkout") { ... on Component { repository { url } } } }').cost;
    expect(github - catalog).toBe(DEFAULT_COST_WEIGHTS.upstreamFetch);
    // Inside the tool's own object the fields come with the same fetch: no second charge.
    const moreFields = measure('{ entity(ref: "component:default/checkout") { ... on Component { repository { url name owner } } } }').cost;
    expect(moreFields - github).toBe(2);
    // A root field of a tool subgraph is a fetch too.
    expect(measure('{ incident(id: "Q1") { title } }').cost).toBe(DEFAULT_COST_WEIGHTS.upstreamFetch + 2);
  });

  it('rates the issue\'s fan-out far over the default limit, and 1,000 aliases of it 1,000 times that', () => {
    const fanOut = 'entities(first: 500) { nodes { dependents(depth: 10) { ref } } }';
    expect(measure(`{ ${fanOut} }`).cost).toBe(1 + 500 * (1 + 10 * 10 * 2));
    const aliased = measure(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: ${fanOut}`).join(' ')} }`);
    expect(aliased).toMatchObject({ cost: 1000 * 100_501, aliases: 1000, rootFields: 1000 });
  });

  it('visits each fragment once: a 10-level chain that spreads each level 3 times is measured in linear work', () => {
    const ten = measure(chainedFragments({ levels: 10, spreads: 3 }));
    const twenty = measure(chainedFragments({ levels: 20, spreads: 3 }));
    // Each level is one fragment of `spreads` spreads and two fields: visits grow by that per level...
    expect(ten.visits).toBeLessThanOrEqual(10 * 5 + 5);
    expect(twenty.visits - ten.visits).toBe(10 * 5);
    // ...while the figures grow by 3^levels, which is what the limits are there to refuse.
    expect(ten.aliases).toBe((3 ** 10 - 1) / 2);
    // entity (1) + each level's two fields plus three times the next level's cost: 3^levels in all.
    expect(ten.cost).toBe(3 ** 10);
    expect(twenty.cost).toBe(3 ** 20);
  });

  it('keeps even a 10^100 fan-out finite', () => {
    const huge = measure(chainedFragments({ levels: 100, spreads: 10 }));
    expect(Number.isFinite(huge.cost)).toBe(true);
    expect(huge.cost).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('gives introspection no cost and no depth, but counts its aliases and directives', () => {
    const graphiql = measure(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(graphiql).toMatchObject({ cost: 0, depth: 0, aliases: 0, rootFields: 1 });
    const aliased = measure('{ a: __schema { b: types { name } } c: __type(name: "Entity") @include(if: true) { name } }');
    expect(aliased).toMatchObject({ cost: 0, depth: 0, aliases: 3, directives: 1 });
    // Mixed with a real field, the real field is measured.
    expect(measure('{ __schema { queryType { name } } entity(ref: "x:y/z") { ref } }')).toMatchObject({ cost: 2, depth: 2 });
  });

  it('counts directives as written wherever they are (validation decides which are allowed where)', () => {
    const m = measure(`query Q($a: Boolean = true) @skip(if: false) {
      entity(ref: "x:y/z") @include(if: $a) { ...F @include(if: $a) ... @skip(if: false) { ref } }
    }
    fragment F on Entity @skip(if: false) { ref @include(if: true) }`);
    expect(m.directives).toBe(6);
  });
});
