import path from 'node:path';
import type { SubgraphEndpoint } from '@devgraph/gateway';
import { REPO_ROOT } from '../../scripts/build/entryPoints';
import { freePorts } from '../../test/support/freePort';
import { postGraphQL } from '../../test/support/postGraphQL';
import { compileStockApollo } from './compileStockApollo';
import { spawnProcess, waitForProcess, type RunningProcess } from './spawnProcess';

export type ContenderKey = 'devgraph' | 'devgraph-no-dedup' | 'apollo' | 'hive';

export interface Contender {
  key: ContenderKey;
  label: string;
  /** The GraphQL endpoint. */
  url: string;
  process: RunningProcess;
}

export interface Contenders {
  all: Contender[];
  get(key: ContenderKey): Contender;
  close(): Promise<void>;
}

/** Hive Gateway's CLI, found through its package rather than `npx`, so no npm process sits in between. */
const hiveGatewayBin = () => path.join(path.dirname(require.resolve('@graphql-hive/gateway')), 'bin.js');

/**
 * The three gateways of issue 12, each its own process on its own port, serving the same
 * supergraph file in production mode (NODE_ENV=production, as the Docker image runs):
 * devgraph's production gateway (`node dist/serve-gateway.js`, what `npm run start:gateway`
 * runs), stock Apollo (stockApolloGateway.ts) and Hive Gateway's CLI with one worker and
 * otherwise its defaults; plus devgraph with `SUBGRAPH_DEDUP=off`, for information.
 * Ready means it answers `{ __typename }`.
 */
export async function startContenders(options: { supergraphPath: string; subgraphs: SubgraphEndpoint[]; baseEnv: Record<string, string | undefined> }): Promise<Contenders> {
  const [devgraphPort, noDedupPort, apolloPort, hivePort] = (await freePorts(4)) as [number, number, number, number];
  const env = { PATH: options.baseEnv.PATH ?? '', NODE_ENV: 'production' };
  const stockApollo = await compileStockApollo();
  const all: Contender[] = [];
  const close = async () => {
    for (const contender of all.splice(0)) await contender.process.stop();
    stockApollo.remove();
  };
  try {
    const devgraphEnv = {
      ...env,
      PORT: String(devgraphPort),
      HOST: '127.0.0.1',
      SUPERGRAPH_PATH: options.supergraphPath,
      SUBGRAPHS: options.subgraphs.map((s) => `${s.name}=${s.url}`).join(','),
    };
    all.push({
      key: 'devgraph',
      label: 'devgraph',
      url: `http://127.0.0.1:${devgraphPort}/graphql`,
      process: spawnProcess('devgraph gateway', ['dist/serve-gateway.js'], { cwd: REPO_ROOT, env: devgraphEnv }),
    });
    // The same gateway with in-flight deduplication off, to show what that lever alone is worth.
    all.push({
      key: 'devgraph-no-dedup',
      label: 'devgraph, no dedup',
      url: `http://127.0.0.1:${noDedupPort}/graphql`,
      process: spawnProcess('devgraph gateway (SUBGRAPH_DEDUP=off)', ['dist/serve-gateway.js'], {
        cwd: REPO_ROOT,
        env: { ...devgraphEnv, PORT: String(noDedupPort), SUBGRAPH_DEDUP: 'off' },
      }),
    });
    all.push({
      key: 'apollo',
      label: 'stock Apollo',
      url: `http://127.0.0.1:${apolloPort}/`,
      process: spawnProcess('stock Apollo', [stockApollo.file, options.supergraphPath, String(apolloPort)], {
        cwd: REPO_ROOT,
        env: { ...env, NODE_PATH: stockApollo.nodePath },
      }),
    });
    all.push({
      key: 'hive',
      label: 'Hive Gateway',
      url: `http://127.0.0.1:${hivePort}/graphql`,
      // Run from the supergraph's directory so no gateway.config.* of the repo is picked up.
      process: spawnProcess('Hive Gateway', [hiveGatewayBin(), 'supergraph', options.supergraphPath, '--host', '127.0.0.1', '--port', String(hivePort), '--fork', '1'], {
        cwd: path.dirname(options.supergraphPath),
        env,
      }),
    });
    await Promise.all(
      all.map((c) => waitForProcess(c.process, async () => (await postGraphQL<{ __typename: string }>(c.url, '{ __typename }')).data?.__typename === 'Query')),
    );
    return {
      all,
      get: (key) => all.find((c) => c.key === key)!,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
