import { SRM_THRESHOLD, sampleRatioMismatch } from './sampleRatioMismatch';

const check = (users: number[], weights: number[], upstreamPValue: number | null = null) =>
  sampleRatioMismatch({ variants: users.map((u, i) => ({ variantId: String(i), users: u, weight: weights[i]! })), upstreamPValue });

describe('sampleRatioMismatch', () => {
  it('matches the hand-computed chi-square for a healthy 50/50 split', () => {
    // 10 000 users, 50/50: expected 5 000 each.
    // chi2 = (5050-5000)^2/5000 + (4950-5000)^2/5000 = 0.5 + 0.5 = 1.0, df = 1
    // p = P(chi2_1 > 1.0) = 2 * (1 - Phi(1)) = 2 * 0.158655 = 0.317311
    const srm = check([5050, 4950], [0.5, 0.5], 0.3173);
    expect(srm.chiSquare).toBeCloseTo(1.0, 10);
    expect(srm.degreesOfFreedom).toBe(1);
    expect(srm.pValue).toBeCloseTo(0.317311, 5);
    expect(srm.healthy).toBe(true);
    expect(srm.growthbookPValue).toBe(0.3173);
    expect(srm.variants[0]).toEqual({ variantId: '0', observedUsers: 5050, expectedShare: 0.5, expectedUsers: 5000 });
  });

  it('flags the simulator\'s planted mismatch (checkout, 50/50 split, 10 500 vs 9 500 users)', () => {
    // expected 10 000 each: chi2 = 500^2/10000 + 500^2/10000 = 25 + 25 = 50, df = 1
    // p = P(chi2_1 > 50) = 2 * (1 - Phi(sqrt 50 = 7.0711)) = 1.5375e-12, far below 0.001
    const srm = check([10500, 9500], [0.5, 0.5]);
    expect(srm.chiSquare).toBeCloseTo(50, 10);
    expect(srm.pValue!).toBeGreaterThan(1.5e-12);
    expect(srm.pValue!).toBeLessThan(1.6e-12);
    expect(srm.healthy).toBe(false);
  });

  it('uses the configured weights, not an even split, with k - 1 degrees of freedom', () => {
    // 20/40/40 split, 1 000 users: expected 200/400/400.
    // chi2 = (210-200)^2/200 + (395-400)^2/400 + (395-400)^2/400 = 0.5 + 0.0625 + 0.0625 = 0.625, df = 2
    // p = exp(-chi2/2) for df = 2 = exp(-0.3125) = 0.731616
    const srm = check([210, 395, 395], [0.2, 0.4, 0.4]);
    expect(srm.chiSquare).toBeCloseTo(0.625, 10);
    expect(srm.degreesOfFreedom).toBe(2);
    expect(srm.pValue).toBeCloseTo(0.731616, 5);
    expect(srm.variants.map((v) => v.expectedUsers)).toEqual([200, 400, 400]);
  });

  it('normalises weights that do not sum to one', () => {
    // 1:1 expressed as 50/50 "percent" weights gives the same test as 0.5/0.5.
    expect(check([5050, 4950], [50, 50]).pValue).toBeCloseTo(0.317311, 5);
  });

  it('sits exactly at the threshold boundary: p < 0.001 is unhealthy', () => {
    // df = 1, chi2 = 10.8276 is the 0.999 quantile (p = 0.001). 5000 expected each:
    // d^2 * 2 / 5000 = 10.83 -> d = 164.5; with d = 165: chi2 = 10.89, p = 0.00097 -> unhealthy;
    // with d = 164: chi2 = 10.7584, p = 0.00104 -> healthy.
    expect(check([5165, 4835], [0.5, 0.5]).healthy).toBe(false);
    expect(check([5164, 4836], [0.5, 0.5]).healthy).toBe(true);
    expect(SRM_THRESHOLD).toBe(0.001);
  });

  it('has nothing to test without users, and calls users in a zero-weight variant a mismatch', () => {
    expect(check([0, 0], [0.5, 0.5])).toMatchObject({ pValue: null, healthy: null });
    expect(check([100, 5], [1, 0])).toMatchObject({ pValue: 0, healthy: false });
  });
});
