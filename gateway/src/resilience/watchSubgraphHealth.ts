export type SubgraphHealth = 'up' | 'not-ready' | 'not-answering' | 'unknown';

export interface SubgraphHealthOptions {
  /** Milliseconds between probes of every subgraph's `/readyz`; 0 turns probing off. */
  intervalMs: number;
  /** How long one probe may wait for an answer before the subgraph counts as not answering. */
  timeoutMs: number;
}

export interface SubgraphHealthWatch {
  /** Adds a subgraph to probe (the gateway calls it for every data source it builds). */
  watch(name: string, graphqlUrl: string): void;
  /** Probes every subgraph once now; resolves when all have answered or timed out. */
  check(): Promise<void>;
  /** The last result per subgraph; `unknown` until its first probe. */
  statuses(): Record<string, SubgraphHealth>;
  /**
   * The gateway's readiness rule: ready while at least one subgraph answers (or none has been
   * probed yet). A query touching a frozen subgraph still returns everyone else's data within
   * its budget, so one frozen subgraph does not make the gateway unready: `/readyz` names it.
   */
  anyAnswering(): boolean;
  close(): void;
}

/**
 * Probes each subgraph's `/readyz` (beside its `/graphql`) in the background with a short
 * timeout, so the gateway's `/readyz` says which subgraphs stopped answering: a frozen process
 * (SIGSTOP, a stuck event loop) accepts connections but never answers, which only a timeout sees.
 */
export function watchSubgraphHealth(options: SubgraphHealthOptions): SubgraphHealthWatch {
  const subgraphs = new Map<string, { url: URL; health: SubgraphHealth }>();
  let running: Promise<void> | undefined;

  async function probe(entry: { url: URL; health: SubgraphHealth }): Promise<void> {
    try {
      const response = await fetch(entry.url, { signal: AbortSignal.timeout(options.timeoutMs) });
      await response.body?.cancel();
      entry.health = response.ok ? 'up' : 'not-ready';
    } catch {
      entry.health = 'not-answering';
    }
  }

  const check = (): Promise<void> => {
    // One round at a time: a slow round is not stacked on by the next tick.
    running ??= Promise.all([...subgraphs.values()].map(probe)).then(() => {
      running = undefined;
    });
    return running;
  };

  const timer = options.intervalMs > 0 ? setInterval(() => void check(), options.intervalMs) : undefined;
  timer?.unref();

  return {
    watch(name, graphqlUrl) {
      if (!graphqlUrl) return;
      subgraphs.set(name, { url: new URL('/readyz', graphqlUrl), health: subgraphs.get(name)?.health ?? 'unknown' });
    },
    check,
    statuses: () => Object.fromEntries([...subgraphs].map(([name, entry]) => [name, entry.health])),
    anyAnswering() {
      const all = [...subgraphs.values()];
      return all.length === 0 || all.some((s) => s.health !== 'not-answering');
    },
    close() {
      if (timer) clearInterval(timer);
    },
  };
}
