/**
 * Query limits (issue 10 "cost limit", issue 11 "query-shape costs"): what it costs the gateway to
 * turn away a hostile document. Targets: a 1 MB document rejected in under 10 ms; every check
 * linear in the document, so a chain of fragments that expands to 3^10 or 10^10 fields is
 * measured as fast as it is written. For comparison, the depth check the gateway had before
 * (it re-walked a fragment at every spread: exponential in the nesting) on the same shapes.
 */
import { buildSchema, getOperationAST, Kind, parse, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { SUBGRAPHS } from '@devgraph/registry';
import { composeFromRepo } from '../gateway/src/supergraph/composeFromRepo';
import { buildCostModel } from '../gateway/src/limits/buildCostModel';
import { chainedFragments } from '../gateway/src/limits/chainedFragments';
import { DEFAULT_QUERY_LIMITS } from '../gateway/src/limits/defaultQueryLimits';
import { measureOperation } from '../gateway/src/limits/measureOperation';
import { postGraphQL, startStack } from '../test/support/startStack';
import { readBenchConfig } from './config';
import { measure, printTable } from './measure';

const { iterations } = readBenchConfig();
const supergraphSdl = composeFromRepo(SUBGRAPHS.map((s) => ({ name: s.name, url: `http://127.0.0.1/${s.name}` })));
const model = buildCostModel(buildSchema(supergraphSdl), supergraphSdl);

/** 1,000,000 bytes of aliased fan-outs: the shape, scaled to the largest body the gateway accepts. */
function megabyteDocument(): string {
  const one = (i: number) => `a${i}: entities(first: 500) { nodes { dependents(depth: 10) { ref } } } `;
  let body = '';
  for (let i = 0; body.length < 1_000_000 - 100; i++) body += one(i);
  return `{ ${body}}`;
}

/** The depth check before issue 11, kept here only to show what was fixed. */
function oldSelectionDepth(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  if (!set) return 0;
  let deepest = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) deepest = Math.max(deepest, selection.selectionSet ? 1 + oldSelectionDepth(selection.selectionSet, fragments, seen) : 1);
    else if (selection.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, oldSelectionDepth(selection.selectionSet, fragments, seen));
    else if (!seen.has(selection.name.value)) deepest = Math.max(deepest, oldSelectionDepth(fragments[selection.name.value]?.selectionSet, fragments, new Set(seen).add(selection.name.value)));
  }
  return deepest;
}

function measureDocument(source: string): void {
  const document = parse(source);
  measureOperation(model, document, getOperationAST(document)!, {});
}

async function main(): Promise<void> {
  const big = megabyteDocument();
  const heavy = Math.max(5, Math.min(iterations, 40));
  const sync = (fn: () => void) => async () => fn();

  const bigParsed = parse(big);
  const bigOperation = getOperationAST(bigParsed)!;
  const bigMeasure = measureOperation(model, bigParsed, bigOperation, {});
  console.log(`1 MB document: ${big.length} bytes, ${bigMeasure.rootFields} root fields, cost ${bigMeasure.cost}, ${bigMeasure.visits} selections visited`);

  printTable('A 1 MB document (in process, no HTTP)', [
    {
      label: `parse with MAX_TOKENS ${DEFAULT_QUERY_LIMITS.maxTokens} (rejects)`,
      sample: await measure(sync(() => { try { parse(big, { maxTokens: DEFAULT_QUERY_LIMITS.maxTokens }); } catch { /* the rejection being timed */ } }), { iterations, concurrency: 1, warmup: 10 }),
    },
    { label: 'measureOperation on it, already parsed', sample: await measure(sync(() => measureOperation(model, bigParsed, bigOperation, {})), { iterations: heavy, concurrency: 1, warmup: 3 }) },
    { label: 'parse without a token limit (reference)', sample: await measure(sync(() => parse(big)), { iterations: heavy, concurrency: 1, warmup: 3 }) },
  ]);

  const rows: Parameters<typeof printTable>[1] = [];
  for (const [levels, spreads] of [[10, 3], [10, 10], [100, 10]] as const) {
    const source = chainedFragments({ levels, spreads });
    rows.push({ label: `${levels} levels x ${spreads} spreads (${source.length} B): parse + measure`, sample: await measure(sync(() => measureDocument(source)), { iterations, concurrency: 1, warmup: 20 }) });
  }
  for (const [levels, spreads] of [[5, 5], [6, 5], [7, 5]] as const) {
    const source = chainedFragments({ levels, spreads });
    const document = parse(source);
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
    const operation = getOperationAST(document)!;
    rows.push({
      label: `${levels} levels x ${spreads} spreads: old depth check`,
      sample: await measure(sync(() => oldSelectionDepth(operation.selectionSet, fragments)), { iterations: Math.max(3, Math.min(iterations, 10)), concurrency: 1, warmup: 1 }),
    });
  }
  printTable('Chained fragments (each level spreads the next N times)', rows);

  // The whole way, as a client sees it: HTTP, JSON body, parse at the limit, 400 QUERY_TOO_COMPLEX.
  const stack = await startStack();
  // Serialised once, so the client's JSON.stringify of 1 MB is not counted as the gateway's time.
  const bigBody = JSON.stringify({ query: big });
  const postBody = async (url: string, body: string) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).text();
  try {
    const check = await postGraphQL(stack.gateway.url, big);
    if (check.status !== 400 || check.errors?.[0]?.extensions?.code !== 'QUERY_TOO_COMPLEX') throw new Error(`expected a QUERY_TOO_COMPLEX rejection, got ${JSON.stringify(check).slice(0, 300)}`);
    printTable('Through the gateway (HTTP, one client)', [
      { label: '1 MB document -> 400 QUERY_TOO_COMPLEX', sample: await measure(() => postBody(stack.gateway.url, bigBody), { iterations: heavy, concurrency: 1, warmup: 5 }) },
      { label: 'entities(first: 500) fan-out -> 400', sample: await measure(() => postGraphQL(stack.gateway.url, '{ entities(first: 500) { nodes { dependents(depth: 10) { ref } } } }'), { iterations, concurrency: 1 }) },
    ]);
  } finally {
    await stack.close();
  }
  console.log('\nTarget: a 1 MB document rejected in under 10 ms (p50 of the first and last tables).');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
