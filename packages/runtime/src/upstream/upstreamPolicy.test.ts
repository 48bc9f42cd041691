import { z } from 'zod';
import { readConfig } from '../readConfig';
import { DEFAULT_UPSTREAM_POLICY, readUpstreamPolicy, upstreamPolicy, upstreamPolicyFields } from './upstreamPolicy';

describe('upstream policy configuration', () => {
  const schema = z.object({ ...upstreamPolicyFields('GITHUB') });

  it('defaults every tool to the one shared policy', () => {
    expect(readUpstreamPolicy('GITHUB', readConfig(schema, {}))).toEqual(DEFAULT_UPSTREAM_POLICY);
  });

  it('names every override <TOOL>_<FIELD> and reads it', () => {
    const values = readConfig(schema, {
      GITHUB_TIMEOUT_MS: '2500',
      GITHUB_RETRIES: '0',
      GITHUB_RETRY_BASE_DELAY_MS: '50',
      GITHUB_RETRY_MAX_DELAY_MS: '1000',
      GITHUB_BREAKER_RESET_MS: '5000',
    });
    expect(readUpstreamPolicy('GITHUB', values)).toEqual({
      ...DEFAULT_UPSTREAM_POLICY,
      timeoutMs: 2500,
      retries: 0,
      baseDelayMs: 50,
      maxDelayMs: 1000,
      breaker: { ...DEFAULT_UPSTREAM_POLICY.breaker, resetTimeoutMs: 5000 },
    });
  });

  it('takes a tool default where that tool differs, still overridable', () => {
    const tool = upstreamPolicy({ timeoutMs: 5000 });
    const toolSchema = z.object({ ...upstreamPolicyFields('GROWTHBOOK', tool) });
    expect(readUpstreamPolicy('GROWTHBOOK', readConfig(toolSchema, {}), tool).timeoutMs).toBe(5000);
    expect(readUpstreamPolicy('GROWTHBOOK', readConfig(toolSchema, { GROWTHBOOK_TIMEOUT_MS: '700' }), tool).timeoutMs).toBe(700);
  });

  it('rejects a bad value with the variable and the fix in one line', () => {
    expect(() => readConfig(schema, { GITHUB_RETRIES: '-1' })).toThrow(/GITHUB_RETRIES="-1" is invalid.*retries after a 429/);
  });
});
