import { backoffDelay } from './backoffDelay';

describe('backoffDelay', () => {
  const options = { baseDelayMs: 100, maxDelayMs: 1_000 };

  it('draws uniformly below an exponentially growing ceiling', () => {
    expect(backoffDelay(0, options, () => 0.5)).toBe(50);
    expect(backoffDelay(1, options, () => 0.5)).toBe(100);
    expect(backoffDelay(2, options, () => 0.999)).toBe(399);
    expect(backoffDelay(2, options, () => 0)).toBe(0);
  });

  it('never exceeds maxDelayMs', () => {
    expect(backoffDelay(20, options, () => 0.999)).toBeLessThan(1_000);
  });
});
