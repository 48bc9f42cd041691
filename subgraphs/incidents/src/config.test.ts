import { DEFAULT_UPSTREAM_POLICY } from '@devgraph/runtime';
import { readIncidentsConfig } from './config';

const TOKEN = 'u+pd-config-secret-token';

describe('readIncidentsConfig', () => {
  it('has working defaults: api.pagerduty.com, port 4003, in-memory cache, the PagerDuty policy', () => {
    const c = readIncidentsConfig({ PAGERDUTY_TOKEN: TOKEN });
    expect(c).toMatchObject({ port: 4003, host: '127.0.0.1', pagerduty: { apiUrl: 'https://api.pagerduty.com', token: TOKEN, rateLimitWaitMs: 250, pageSize: 100, maxPages: 10, chunkSize: 50, batchWindowMs: 5 } });
    expect(c.cache).toEqual({ redisUrl: undefined, prefix: 'devgraph', incidentsTtlSeconds: 30, onCallTtlSeconds: 120 });
    // The shared defaults, except PagerDuty's shorter cap on one wait (pagerDutyPolicy.ts says why).
    expect(c.pagerduty.policy).toEqual({ ...DEFAULT_UPSTREAM_POLICY, maxDelayMs: 2000 });
  });

  it('still reads the older PAGERDUTY_RETRY_BASE_MS / PAGERDUTY_RETRY_MAX_MS, the current names winning', () => {
    const old = readIncidentsConfig({ PAGERDUTY_TOKEN: TOKEN, PAGERDUTY_RETRY_BASE_MS: '100', PAGERDUTY_RETRY_MAX_MS: '4000' }).pagerduty.policy;
    expect(old).toMatchObject({ baseDelayMs: 100, maxDelayMs: 4000 });
    const both = readIncidentsConfig({ PAGERDUTY_TOKEN: TOKEN, PAGERDUTY_RETRY_MAX_MS: '4000', PAGERDUTY_RETRY_MAX_DELAY_MS: '3000', PAGERDUTY_RETRY_BASE_DELAY_MS: ' ' }).pagerduty.policy;
    expect(both).toMatchObject({ baseDelayMs: 200, maxDelayMs: 3000 });
  });

  it('names the variable and never echoes the token when a value is wrong', () => {
    expect(() => readIncidentsConfig({ PAGERDUTY_TOKEN: TOKEN, PAGERDUTY_RETRIES: '-1' })).toThrow(/PAGERDUTY_RETRIES="-1" is invalid/);
    expect(() => readIncidentsConfig({ PAGERDUTY_TOKEN: TOKEN, PAGERDUTY_RETRY_MAX_MS: 'soon' })).toThrow(/PAGERDUTY_RETRY_MAX_MS/);
    expect(() => readIncidentsConfig({})).toThrow(/PAGERDUTY_TOKEN is not set/);
    let message = '';
    try {
      readIncidentsConfig({ PAGERDUTY_TOKEN: TOKEN, PAGERDUTY_API_URL: 'not a url' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/PAGERDUTY_API_URL/);
    expect(message).not.toContain(TOKEN);
  });
});
