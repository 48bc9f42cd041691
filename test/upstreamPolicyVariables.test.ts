import { DEFAULT_UPSTREAM_POLICY, type UpstreamPolicy } from '@devgraph/runtime';
import { readCatalogConfig } from '@devgraph/catalog';
import { readExperimentsConfig } from '@devgraph/experiments';
import { readIncidentsConfig } from '@devgraph/incidents';
import { readScmConfig } from '@devgraph/scm';

// One naming scheme for every upstream's policy, read by each subgraph's own config.
const TOOLS: [prefix: string, read: (env: Record<string, string>) => UpstreamPolicy | undefined][] = [
  ['GITHUB', (env) => readScmConfig(env).github.policy],
  ['PAGERDUTY', (env) => readIncidentsConfig({ PAGERDUTY_TOKEN: 'pd-test-token', ...env }).pagerduty.policy],
  ['GROWTHBOOK', (env) => readExperimentsConfig(env).growthbook.policy],
  ['BACKSTAGE', (env) => readCatalogConfig({ BACKSTAGE_URL: 'http://bs:7007', ...env }, '/repo').backstage?.policy],
];

describe.each(TOOLS)('%s_* upstream policy variables', (prefix, read) => {
  it('are read by the subgraph that calls the tool', () => {
    const policy = read({
      [`${prefix}_TIMEOUT_MS`]: '2500',
      [`${prefix}_RETRIES`]: '0',
      [`${prefix}_RETRY_BASE_DELAY_MS`]: '50',
      [`${prefix}_RETRY_MAX_DELAY_MS`]: '9000',
      [`${prefix}_STALE_AFTER_MS`]: '750',
      [`${prefix}_BREAKER_RESET_MS`]: '5000',
    });
    expect(policy).toEqual({
      ...DEFAULT_UPSTREAM_POLICY,
      timeoutMs: 2500,
      retries: 0,
      baseDelayMs: 50,
      maxDelayMs: 9000,
      staleAfterMs: 750,
      breaker: { ...DEFAULT_UPSTREAM_POLICY.breaker, resetTimeoutMs: 5000 },
    });
  });

  it('name the variable when a value is wrong', () => {
    expect(() => read({ [`${prefix}_RETRIES`]: '-1' })).toThrow(new RegExp(`${prefix}_RETRIES="-1" is invalid`));
  });
});
