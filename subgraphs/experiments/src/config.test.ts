import { readExperimentsConfig } from './config';

describe('readExperimentsConfig', () => {
  it('has working defaults: GrowthBook Cloud, port 4004, in-memory cache', () => {
    const c = readExperimentsConfig({});
    expect(c).toMatchObject({ port: 4004, host: '127.0.0.1', growthbook: { apiUrl: 'https://api.growthbook.io/api', apiKey: undefined, timeoutMs: 5000, retries: 2, maxPages: 10 } });
    expect(c.cache).toEqual({ redisUrl: undefined, prefix: 'devgraph', metadataTtlSeconds: 60, resultsTtlSeconds: 900, staleSeconds: 86400 });
  });

  it('names the variable and never echoes the key when a value is wrong', () => {
    expect(() => readExperimentsConfig({ GROWTHBOOK_API_URL: 'not a url' })).toThrow(/GROWTHBOOK_API_URL="not a url" is invalid/);
    expect(() => readExperimentsConfig({ GROWTHBOOK_RETRIES: '-1' })).toThrow(/GROWTHBOOK_RETRIES/);
    expect(readExperimentsConfig({ GROWTHBOOK_API_KEY: 'secret_1', GROWTHBOOK_RETRIES: '0' }).growthbook).toMatchObject({ apiKey: 'secret_1', retries: 0 });
  });
});
