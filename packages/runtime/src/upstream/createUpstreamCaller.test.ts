import { UpstreamError } from '../errors';
import { createUpstreamCaller, type UpstreamCallerOptions, type UpstreamEvent } from './createUpstreamCaller';

const http = (status: number, extra: Partial<ConstructorParameters<typeof UpstreamError>[0]> = {}) =>
  new UpstreamError({ upstream: 'github', status, message: `HTTP ${status}`, ...extra });

function setup(overrides: Partial<UpstreamCallerOptions> = {}) {
  const sleeps: number[] = [];
  const events: UpstreamEvent[] = [];
  let waiters: { type: UpstreamEvent['type']; resolve: () => void }[] = [];
  /** Resolves at the next event of this type: waits for the breaker's own timer, not a guess at it. */
  const next = (type: UpstreamEvent['type']) => new Promise<void>((resolve) => waiters.push({ type, resolve }));
  const caller = createUpstreamCaller({
    upstream: 'github',
    timeoutMs: 1_000,
    retries: 2,
    baseDelayMs: 100,
    maxDelayMs: 5_000,
    breaker: { volumeThreshold: 100, resetTimeoutMs: 10_000 },
    random: () => 0.5,
    sleep: async (ms) => void sleeps.push(ms),
    onEvent: (event) => {
      events.push(event);
      for (const w of waiters.filter((w) => w.type === event.type)) w.resolve();
      waiters = waiters.filter((w) => w.type !== event.type);
    },
    ...overrides,
  });
  callers.push(caller);
  return { caller, sleeps, events, next };
}

/** An operation that fails with the given errors in turn, then resolves with `value`. */
function failing<T>(errors: unknown[], value?: T) {
  const queue = [...errors];
  return jest.fn(async (_signal: AbortSignal) => {
    if (queue.length > 0) throw queue.shift();
    return value as T;
  });
}

const callers: { close(): void }[] = [];
afterEach(() => callers.splice(0).forEach((caller) => caller.close()));

describe('createUpstreamCaller', () => {
  it('retries retryable failures with full-jitter backoff, then returns the value', async () => {
    const { caller, sleeps, events } = setup();
    const operation = failing([http(503), http(502)], 'ok');
    await expect(caller.call(operation, 'repos batch')).resolves.toBe('ok');
    expect(operation).toHaveBeenCalledTimes(3);
    // random() = 0.5: half of 100 * 2^0, then half of 100 * 2^1.
    expect(sleeps).toEqual([50, 100]);
    expect(events.filter((e) => e.type === 'retry')).toMatchObject([
      { attempt: 1, delayMs: 50, description: 'repos batch' },
      { attempt: 2, delayMs: 100 },
    ]);
  });

  it('gives up after the configured retries with the last error', async () => {
    const { caller, events } = setup();
    const last = http(500);
    const operation = failing([http(503), http(503), last, http(503)]);
    await expect(caller.call(operation)).rejects.toBe(last);
    expect(operation).toHaveBeenCalledTimes(3);
    expect(events.at(-1)).toMatchObject({ type: 'give-up', reason: 'retries-exhausted', attempts: 3 });
  });

  it('waits exactly as long as Retry-After asks when that is within the cap', async () => {
    const { caller, sleeps } = setup();
    const operation = failing([http(429, { kind: 'rate-limited', retryAfterMs: 2_000 })], 'ok');
    await expect(caller.call(operation)).resolves.toBe('ok');
    expect(sleeps).toEqual([2_000]);
  });

  it('fails at once with the rate-limited error when Retry-After exceeds the cap', async () => {
    const { caller, sleeps, events } = setup({ maxDelayMs: 5_000 });
    const limited = http(429, { kind: 'rate-limited', retryAfterMs: 20_000 });
    const operation = failing([limited], 'ok');
    await expect(caller.call(operation)).rejects.toBe(limited);
    expect(operation).toHaveBeenCalledTimes(1);
    expect(sleeps).toEqual([]);
    expect(events.at(-1)).toMatchObject({ type: 'give-up', reason: 'retry-after-too-long' });
  });

  it('times an attempt out, aborting its signal, as an UpstreamError of kind timeout', async () => {
    const { caller, events } = setup({ timeoutMs: 20, retries: 0 });
    let seen: AbortSignal | undefined;
    const hangs = (signal: AbortSignal) => {
      seen = signal;
      return new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error('AbortError'))));
    };
    await expect(caller.call(hangs, 'slow query')).rejects.toMatchObject({ name: 'UpstreamError', kind: 'timeout', upstream: 'github' });
    expect(seen?.aborted).toBe(true);
    expect(events).toContainEqual({ type: 'timeout', upstream: 'github', description: 'slow query', timeoutMs: 20 });
  });

  it('times out even an operation that ignores the signal, and does not retry a timeout (a hang costs one timeout)', async () => {
    const { caller, sleeps, events } = setup({ timeoutMs: 20, retries: 2 });
    const ignores = jest.fn(() => new Promise<never>(() => undefined));
    await expect(caller.call(ignores)).rejects.toMatchObject({ kind: 'timeout' });
    expect(ignores).toHaveBeenCalledTimes(1);
    expect(sleeps).toHaveLength(0);
    expect(events).toContainEqual(expect.objectContaining({ type: 'give-up', reason: 'timeout', attempts: 1 }));
  });

  it.each([400, 401, 403, 404, 422])('does not retry HTTP %i', async (status) => {
    const { caller, sleeps } = setup();
    const error = http(status);
    const operation = failing([error], 'ok');
    await expect(caller.call(operation)).rejects.toBe(error);
    expect(operation).toHaveBeenCalledTimes(1);
    expect(sleeps).toEqual([]);
  });

  it('wraps network errors so they are retried, and rethrows other errors untouched', async () => {
    const { caller } = setup();
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    await expect(caller.call(failing([refused], 'ok'))).resolves.toBe('ok');

    const bug = new TypeError('x is undefined');
    const buggy = failing([bug], 'ok');
    await expect(caller.call(buggy)).rejects.toBe(bug);
    expect(buggy).toHaveBeenCalledTimes(1);
  });

  it('opens the circuit after enough failures, then fails fast without calling the upstream', async () => {
    const { caller, events } = setup({ retries: 0, breaker: { volumeThreshold: 3, errorThresholdPercentage: 50, resetTimeoutMs: 10_000 } });
    for (let i = 0; i < 3; i++) await expect(caller.call(failing([http(503)]))).rejects.toMatchObject({ status: 503 });
    expect(caller.state()).toBe('open');
    expect(events).toContainEqual({ type: 'circuit-open', upstream: 'github' });

    const operation = jest.fn(async () => 'ok');
    await expect(caller.call(operation)).rejects.toMatchObject({ name: 'UpstreamError', kind: 'circuit-open', upstream: 'github', retryable: false });
    expect(operation).not.toHaveBeenCalled();
  });

  it('opens the circuit on consecutive timeouts of calls that arrive one at a time (below the volume threshold)', async () => {
    const { caller, events } = setup({ timeoutMs: 10, retries: 2, breaker: { volumeThreshold: 100, consecutiveFailures: 3, resetTimeoutMs: 10_000 } });
    const hangs = () => new Promise<never>(() => undefined);
    for (let i = 0; i < 3; i++) await expect(caller.call(hangs)).rejects.toMatchObject({ kind: 'timeout' });
    expect(caller.state()).toBe('open');
    expect(events).toContainEqual({ type: 'circuit-open', upstream: 'github' });
    await expect(caller.call(async () => 'ok')).rejects.toMatchObject({ kind: 'circuit-open' });
  });

  it('counts only failures in a row: an answer in between resets the count', async () => {
    const { caller } = setup({ retries: 0, breaker: { volumeThreshold: 100, consecutiveFailures: 3, resetTimeoutMs: 10_000 } });
    for (let i = 0; i < 4; i++) {
      await expect(caller.call(failing([http(503)]))).rejects.toMatchObject({ status: 503 });
      await expect(caller.call(failing([http(503)]))).rejects.toMatchObject({ status: 503 });
      await expect(caller.call(async () => 'ok')).resolves.toBe('ok');
    }
    expect(caller.state()).toBe('closed');
  });

  it('stops retrying once the circuit opens mid-call', async () => {
    const { caller } = setup({ retries: 5, breaker: { volumeThreshold: 2, resetTimeoutMs: 10_000 } });
    const operation = failing([http(503), http(503), http(503)], 'ok');
    await expect(caller.call(operation)).rejects.toMatchObject({ kind: 'circuit-open' });
    expect(operation).toHaveBeenCalledTimes(2);
  });

  it('does not count not-found and client errors against the circuit', async () => {
    const { caller } = setup({ retries: 0, breaker: { volumeThreshold: 2, resetTimeoutMs: 10_000 } });
    for (let i = 0; i < 5; i++) {
      await expect(caller.call(failing([http(404)]))).rejects.toMatchObject({ status: 404 });
      await expect(caller.call(failing([http(400)]))).rejects.toMatchObject({ status: 400 });
      await expect(caller.call(failing([new UpstreamError({ upstream: 'github', kind: 'not-found', message: 'gone' })]))).rejects.toBeInstanceOf(UpstreamError);
    }
    expect(caller.state()).toBe('closed');
  });

  it('half-opens after the reset timeout and closes again when the trial call succeeds', async () => {
    const { caller, events, next } = setup({ retries: 0, breaker: { volumeThreshold: 1, resetTimeoutMs: 30 } });
    const halfOpen = next('circuit-half-open');
    await expect(caller.call(failing([http(503)]))).rejects.toMatchObject({ status: 503 });
    expect(caller.state()).toBe('open');
    await halfOpen;
    expect(caller.state()).toBe('half-open');
    await expect(caller.call(async () => 'recovered')).resolves.toBe('recovered');
    expect(caller.state()).toBe('closed');
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['circuit-open', 'circuit-half-open', 'circuit-close']));
  });

  it('opens again when the half-open trial call fails', async () => {
    const { caller, next } = setup({ retries: 0, breaker: { volumeThreshold: 1, resetTimeoutMs: 30 } });
    const halfOpen = next('circuit-half-open');
    await expect(caller.call(failing([http(503)]))).rejects.toMatchObject({ status: 503 });
    await halfOpen;
    await expect(caller.call(failing([http(503)]))).rejects.toMatchObject({ status: 503 });
    expect(caller.state()).toBe('open');
    const operation = jest.fn(async () => 'ok');
    await expect(caller.call(operation)).rejects.toMatchObject({ kind: 'circuit-open' });
    expect(operation).not.toHaveBeenCalled();
  });
});
