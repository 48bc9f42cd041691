import type { SupergraphManager } from '@apollo/gateway';
import type { Logger } from '@devgraph/runtime';
import type { SubgraphEndpoint } from '../config';
import { composeSupergraph, type SubgraphSchema } from './composeSupergraph';
import { fetchSubgraphSdl } from './fetchSubgraphSdl';

export interface IntrospectOptions {
  subgraphs: readonly SubgraphEndpoint[];
  logger: Logger;
  /** Wait between attempts while a subgraph is not up yet (default 1000 ms). */
  retryIntervalMs?: number;
  /** Re-check subgraph schemas this often and recompose on change; 0 turns it off (default 10000 ms). */
  pollIntervalMs?: number;
  /** Per-request timeout when asking a subgraph for its SDL (default 5000 ms). */
  requestTimeoutMs?: number;
}

/**
 * Development mode: compose from the running subgraphs. Unlike Apollo's IntrospectAndCompose,
 * a subgraph that is not up yet is waited for, not fatal: `npm start` launches everything at
 * once and the gateway must not lose that race.
 */
export function introspectWithRetry(options: IntrospectOptions): SupergraphManager & { stop(): void } {
  const retryIntervalMs = options.retryIntervalMs ?? 1000;
  const pollIntervalMs = options.pollIntervalMs ?? 10_000;
  const timeoutMs = options.requestTimeoutMs ?? 5000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });

  async function fetchAll(): Promise<SubgraphSchema[]> {
    const results = await Promise.allSettled(options.subgraphs.map((s) => fetchSubgraphSdl(s.url, timeoutMs)));
    const failures = results.flatMap((r, i) => (r.status === 'rejected' ? [`${options.subgraphs[i]!.name} at ${options.subgraphs[i]!.url} ${(r.reason as Error).message}`] : []));
    if (failures.length) throw new Error(`waiting for subgraphs: ${failures.join('; ')}`);
    return options.subgraphs.map((s, i) => ({ ...s, sdl: (results[i] as PromiseFulfilledResult<string>).value }));
  }

  async function composeWhenReady(): Promise<string> {
    for (let attempt = 1; !stopped; attempt++) {
      try {
        return composeSupergraph(await fetchAll());
      } catch (error) {
        // First failure at info, then every 10th: a slow start should not flood the terminal.
        if (attempt === 1 || attempt % 10 === 0) options.logger.warn(`${(error as Error).message} (retrying every ${retryIntervalMs} ms)`);
        await wait(retryIntervalMs);
      }
    }
    throw new Error('gateway stopped before the subgraphs were ready');
  }

  return {
    async initialize({ update }) {
      let current = await composeWhenReady();
      options.logger.info({ subgraphs: options.subgraphs.map((s) => s.name) }, 'supergraph composed from running subgraphs');
      const poll = async () => {
        while (!stopped && pollIntervalMs > 0) {
          await wait(pollIntervalMs);
          if (stopped) return;
          try {
            const next = composeSupergraph(await fetchAll());
            if (next !== current) {
              current = next;
              update(next);
              options.logger.info('subgraph schemas changed: supergraph recomposed');
            }
          } catch (error) {
            // Keep serving the last good supergraph; the change is reported, not applied.
            options.logger.warn(`supergraph not updated: ${(error as Error).message}`);
          }
        }
      };
      void poll();
      return { supergraphSdl: current, cleanup: async () => this.stop() };
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
