import { DEFAULT_UPSTREAM_POLICY } from '@devgraph/runtime';
import { readScmConfig } from './config';

describe('readScmConfig', () => {
  it('has working defaults: github.com, port 4002, in-memory cache, GitHub policy', () => {
    const c = readScmConfig({});
    expect(c).toMatchObject({ port: 4002, host: '127.0.0.1', github: { apiUrl: 'https://api.github.com', token: undefined, minRemaining: 100, maxUnitsPerQuery: 50 } });
    expect(c.cache).toEqual({ redisUrl: undefined, keyPrefix: 'devgraph:', ttlSeconds: undefined, staleSeconds: 86_400 });
    // The shared defaults, except GitHub's shorter cap on one wait (githubPolicy.ts says why).
    expect(c.github.policy).toEqual({ ...DEFAULT_UPSTREAM_POLICY, maxDelayMs: 2000 });
    // Query.repository(owner, name) is off unless an operator allows it.
    expect(c.allowAnyRepository).toBe(false);
    expect(readScmConfig({ SCM_ALLOW_ANY_REPOSITORY: 'true' }).allowAnyRepository).toBe(true);
  });

  it('names the variable and never echoes the token when a value is wrong', () => {
    expect(() => readScmConfig({ GITHUB_RETRIES: '-1' })).toThrow(/GITHUB_RETRIES="-1" is invalid/);
    expect(() => readScmConfig({ GITHUB_TIMEOUT_MS: 'soon' })).toThrow(/GITHUB_TIMEOUT_MS/);
    let message = '';
    try {
      readScmConfig({ GITHUB_TOKEN: 'ghp_secret_config_token', GITHUB_API_URL: 'not a url' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/GITHUB_API_URL/);
    expect(message).not.toContain('ghp_secret_config_token');
  });

  it('drops a trailing slash from the API URL (octokit appends /graphql)', () => {
    expect(readScmConfig({ GITHUB_API_URL: 'https://ghe.example.com/api/' }).github.apiUrl).toBe('https://ghe.example.com/api');
  });
});
