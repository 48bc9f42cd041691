/**
 * What the gateway costs on top of a subgraph: the same operations sent straight to the catalog
 * subgraph and through the gateway (query planning, one hop, response merge), sequentially and
 * with 8 clients. The ratio column is gateway p50 over direct p50 at the same concurrency. In-process servers on loopback; figures depend on the machine, ratios less so.
 */
import { postGraphQL, startStack } from '../test/support/startStack';
import { measure, printTable } from './measure';
import { readBenchConfig } from './config';

const SMALL = '{ entity(ref: "component:default/checkout") { ref title } }';
const DASHBOARD = `{ entity(ref: "component:default/checkout") { ref title description
  ... on Component { lifecycle owner { ... on Group { ref members { ref email } } } system { ref domain { ref } }
  providesApis { ref consumers { ref } } consumesApis { ref } dependsOn { ref } dependents { ref } } } }`;
const LIST = '{ entities(filter: { kind: ["component"] }, first: 50) { totalCount nodes { ref title } } }';

async function main() {
  const stack = await startStack();
  const { iterations } = readBenchConfig();
  try {
    for (const [name, query] of [['one entity, two fields', SMALL], ['service dashboard (relations, 3 levels)', DASHBOARD], ['list of 50 components', LIST]] as const) {
      const rows = [];
      for (const concurrency of [1, 8]) {
        const direct = `subgraph direct, ${concurrency} client(s)`;
        rows.push({ label: direct, sample: await measure(() => postGraphQL(stack.catalog.url, query), { iterations, concurrency }) });
        rows.push({ label: `through gateway, ${concurrency} client(s)`, baseline: direct, sample: await measure(() => stack.query(query), { iterations, concurrency }) });
      }
      printTable(`Gateway overhead: ${name} (${iterations} requests per row)`, rows);
    }
  } finally {
    await stack.close();
  }
}

void main();
