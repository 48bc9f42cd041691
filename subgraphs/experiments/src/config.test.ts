import { DEFAULT_UPSTREAM_POLICY } from '@devgraph/runtime';
import { readExperimentsConfig } from './config';

describe('readExperimentsConfig', () => {
  it('has working defaults: GrowthBook Cloud, port 4004, in-memory cache, GrowthBook policy', () => {
    const c = readExperimentsConfig({});
    expect(c).toMatchObject({ port: 4004, host: '127.0.0.1', growthbook: { apiUrl: 'https://api.growthbook.io/api', apiKey: undefined, maxPages: 10, resultsConcurrency: 4 } });
    expect(c.cache).toEqual({ redisUrl: undefined, keyPrefix: 'devgraph:', metadataTtlSeconds: 60, resultsTtlSeconds: 900, staleSeconds: 86400 });
    // The shared defaults, except GrowthBook's shorter attempt (growthBookPolicy.ts says why).
    expect(c.growthbook.policy).toEqual({ ...DEFAULT_UPSTREAM_POLICY, timeoutMs: 5000 });
  });

  it('names the variable and never echoes the key when a value is wrong', () => {
    expect(() => readExperimentsConfig({ GROWTHBOOK_API_URL: 'not a url' })).toThrow(/GROWTHBOOK_API_URL="not a url" is invalid/);
    expect(() => readExperimentsConfig({ GROWTHBOOK_RETRIES: '-1' })).toThrow(/GROWTHBOOK_RETRIES="-1" is invalid/);
    expect(() => readExperimentsConfig({ GROWTHBOOK_TIMEOUT_MS: 'soon' })).toThrow(/GROWTHBOOK_TIMEOUT_MS/);
    let message = '';
    try {
      readExperimentsConfig({ GROWTHBOOK_API_KEY: 'secret_config_key_1', GROWTHBOOK_APP_URL: 'nowhere' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/GROWTHBOOK_APP_URL/);
    expect(message).not.toContain('secret_config_key_1');
    expect(readExperimentsConfig({ GROWTHBOOK_API_KEY: 'secret_1', GROWTHBOOK_RETRIES: '0' }).growthbook).toMatchObject({ apiKey: 'secret_1', policy: { retries: 0 } });
  });
});
