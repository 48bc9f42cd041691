import { probeReady } from './probeReady';

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Stop waiting (answer false) as soon as this says so, e.g. Ctrl-C or the process died. */
  cancelled?: () => boolean;
}

/** Poll `url` until it answers 2xx; false on timeout or cancellation. */
export async function waitUntilReady(url: string, options: WaitOptions): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline && !options.cancelled?.()) {
    if (await probeReady(url)) return !options.cancelled?.();
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
  return false;
}
