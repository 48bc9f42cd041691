import { createRestartPolicy, DEFAULT_RESTART_POLICY } from './restartPolicy';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('createRestartPolicy', () => {
  it('restarts after 0.5 s, then doubles the delay for each further crash in the window', () => {
    const time = clock();
    const policy = createRestartPolicy(DEFAULT_RESTART_POLICY, time.now);
    const delays = [];
    for (let i = 0; i < 4; i++) {
      const decision = policy.onCrash();
      delays.push(decision.restart ? decision.delayMs : 'gave up');
      time.advance(1000);
    }
    expect(delays).toEqual([500, 1000, 2000, 4000]);
  });

  it('caps the delay', () => {
    const time = clock();
    const policy = createRestartPolicy({ baseDelayMs: 500, maxDelayMs: 3000, maxCrashes: 10, windowMs: 60_000 }, time.now);
    const delays = Array.from({ length: 6 }, () => {
      const decision = policy.onCrash();
      return decision.restart ? decision.delayMs : undefined;
    });
    expect(delays).toEqual([500, 1000, 2000, 3000, 3000, 3000]);
  });

  it('gives up at the fifth crash within a minute', () => {
    const time = clock();
    const policy = createRestartPolicy(DEFAULT_RESTART_POLICY, time.now);
    for (let i = 0; i < 4; i++) {
      expect(policy.onCrash().restart).toBe(true);
      time.advance(5000);
    }
    expect(policy.onCrash()).toEqual({ restart: false, crashesInWindow: 5 });
  });

  it('forgets crashes older than the window: an occasional crash always restarts quickly', () => {
    const time = clock();
    const policy = createRestartPolicy(DEFAULT_RESTART_POLICY, time.now);
    for (let i = 0; i < 10; i++) {
      expect(policy.onCrash()).toEqual({ restart: true, delayMs: 500, crashesInWindow: 1 });
      time.advance(DEFAULT_RESTART_POLICY.windowMs + 1);
    }
  });

  it('counts each service on its own policy', () => {
    const time = clock();
    const scm = createRestartPolicy(DEFAULT_RESTART_POLICY, time.now);
    const catalog = createRestartPolicy(DEFAULT_RESTART_POLICY, time.now);
    scm.onCrash();
    scm.onCrash();
    expect(catalog.onCrash()).toEqual({ restart: true, delayMs: 500, crashesInWindow: 1 });
  });
});
