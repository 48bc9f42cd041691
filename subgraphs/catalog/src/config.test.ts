import { DEFAULT_UPSTREAM_POLICY } from '@devgraph/runtime';
import { DEMO_CATALOG_PATH, readCatalogConfig } from './config';

const read = (env: Record<string, string>) => readCatalogConfig(env, '/repo');

describe('readCatalogConfig', () => {
  it('serves the demo YAML, watched, when no source is configured', () => {
    expect(read({})).toMatchObject({ catalogPaths: [DEMO_CATALOG_PATH], watch: { debounceMs: 200 } });
    expect(read({}).backstage).toBeUndefined();
  });

  it('uses Backstage alone when only BACKSTAGE_URL is set, with defaults', () => {
    const config = read({ BACKSTAGE_URL: 'http://localhost:7007/', BACKSTAGE_TOKEN: 'secret-token' });
    expect(config.catalogPaths).toEqual([]);
    expect(config.backstage).toEqual({ url: 'http://localhost:7007', token: 'secret-token', syncIntervalMs: 300_000, policy: DEFAULT_UPSTREAM_POLICY, pageSize: 500 });
  });

  it('uses files and Backstage together when both are set, and turns watching off on request', () => {
    const config = read({ BACKSTAGE_URL: 'http://bs:7007', CATALOG_PATHS: './a.yaml, ./b/*.yaml', CATALOG_WATCH: 'false' });
    expect(config.catalogPaths).toEqual(['./a.yaml', './b/*.yaml']);
    expect(config.backstage?.url).toBe('http://bs:7007');
    expect(config.watch).toBeUndefined();
  });

  it.each([
    [{ BACKSTAGE_URL: 'localhost:7007' }, /BACKSTAGE_URL="localhost:7007" is invalid.*http:\/\/localhost:7007/],
    [{ BACKSTAGE_URL: 'ftp://bs' }, /BACKSTAGE_URL="ftp:\/\/bs" is invalid: expected an http/],
    [{ BACKSTAGE_TOKEN: 'secret-token' }, /BACKSTAGE_TOKEN is set but BACKSTAGE_URL is not/],
    [{ BACKSTAGE_URL: 'http://bs', BACKSTAGE_SYNC_INTERVAL_MS: '0' }, /BACKSTAGE_SYNC_INTERVAL_MS="0" is invalid/],
    [{ CATALOG_WATCH: 'maybe' }, /CATALOG_WATCH="maybe" is invalid.*true or false/],
    [{ CATALOG_WATCH_DEBOUNCE_MS: 'soon' }, /CATALOG_WATCH_DEBOUNCE_MS="soon" is invalid/],
    [{ BACKSTAGE_URL: 'http://bs', BACKSTAGE_RETRIES: '11' }, /BACKSTAGE_RETRIES="11" is invalid/],
    [{ BACKSTAGE_URL: 'http://bs', BACKSTAGE_TIMEOUT_MS: '0' }, /BACKSTAGE_TIMEOUT_MS="0" is invalid/],
  ])('names the key and the fix for %j', (env, message) => {
    expect(() => read(env)).toThrow(message);
  });

  it('never echoes the token in a config error', () => {
    expect(() => read({ BACKSTAGE_TOKEN: 'secret-token' })).not.toThrow(/secret-token/);
  });
});
