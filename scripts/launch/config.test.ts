import { DEFAULT_SIMULATOR_TOKEN } from '@devgraph/simulator-kit';
import { compiledEntry } from '../build/entryPoints';
import { childEnv, DEMO_TOKEN, launchPlan, redactUserinfo } from './config';

const names = (env: Record<string, string>) => launchPlan(env).services.map((s) => s.name);

describe('launchPlan', () => {
  it('runs every subgraph against its simulator when no real tool is configured', () => {
    const { services } = launchPlan({});
    expect(names({})).toEqual(['catalog', 'github-sim', 'scm', 'pagerduty-sim', 'incidents', 'growthbook-sim', 'experiments', 'gateway']);
    expect(services.find((s) => s.name === 'scm')!.env).toEqual({ PORT: '4002', GITHUB_API_URL: 'http://127.0.0.1:4102', GITHUB_TOKEN: DEMO_TOKEN });
    expect(services.find((s) => s.name === 'experiments')!.env.GROWTHBOOK_API_URL).toBe('http://127.0.0.1:4104/api');
    expect(services.find((s) => s.name === 'gateway')!.env.SUBGRAPHS).toBe(
      'catalog=http://127.0.0.1:4001/graphql,scm=http://127.0.0.1:4002/graphql,incidents=http://127.0.0.1:4003/graphql,experiments=http://127.0.0.1:4004/graphql',
    );
  });

  it('uses the real tool, untouched, when its URL is set', () => {
    const env = { GITHUB_API_URL: 'https://ghe.example.com/api', GITHUB_TOKEN: 'ghp_real' };
    const { services, sources } = launchPlan(env);
    expect(names(env)).not.toContain('github-sim');
    // The user's URL and token reach the subgraph through the inherited environment, not overrides.
    expect(services.find((s) => s.name === 'scm')!.env).toEqual({ PORT: '4002' });
    expect(sources).toContain('scm: GitHub at https://ghe.example.com/api');
  });

  it('moves ports when asked', () => {
    const { services } = launchPlan({ PORT: '5000', CATALOG_PORT: '5001' });
    const gateway = services.find((s) => s.name === 'gateway')!;
    expect(gateway.env.PORT).toBe('5000');
    expect(gateway.env.SUBGRAPHS).toContain('catalog=http://127.0.0.1:5001/graphql');
  });

  it('lets the gateway retry subgraphs often while everything starts, unless told otherwise', () => {
    const gateway = (env: Record<string, string>) => launchPlan(env).services.find((s) => s.name === 'gateway')!.env;
    expect(gateway({}).SUBGRAPH_RETRY_INTERVAL_MS).toBe('200');
    expect(gateway({ SUBGRAPH_RETRY_INTERVAL_MS: '5000' }).SUBGRAPH_RETRY_INTERVAL_MS).toBe('5000');
  });

  it('runs compiled JavaScript, each service from its own build entry point, unless DEVGRAPH_RUN_TS=1', () => {
    const plan = launchPlan({});
    expect(plan.runTypeScript).toBe(false);
    expect(plan.services.map((s) => compiledEntry(s.entry))).toEqual(plan.services.map((s) => `dist/${s.name}.js`));
    expect(launchPlan({ DEVGRAPH_RUN_TS: '1' }).runTypeScript).toBe(true);
  });

  it('hands out the token the simulators accept by default', () => {
    expect(DEMO_TOKEN).toBe(DEFAULT_SIMULATOR_TOKEN);
  });

  it('hands each process only its own secrets', () => {
    const env = { GITHUB_API_URL: 'https://api.github.com', GITHUB_TOKEN: 'ghp_real', PAGERDUTY_TOKEN: 'pd_real', GROWTHBOOK_API_KEY: 'gb_real', BACKSTAGE_TOKEN: 'bs_real', REDIS_URL: 'redis://127.0.0.1:6379' };
    const plan = launchPlan(env);
    const envOf = (name: string) => childEnv(plan.services.find((s) => s.name === name)!, env);
    expect(envOf('scm')).toMatchObject({ GITHUB_TOKEN: 'ghp_real', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(envOf('scm')).not.toHaveProperty('PAGERDUTY_TOKEN');
    expect(envOf('scm')).not.toHaveProperty('BACKSTAGE_TOKEN');
    expect(envOf('catalog')).toMatchObject({ BACKSTAGE_TOKEN: 'bs_real' });
    expect(envOf('catalog')).not.toHaveProperty('GITHUB_TOKEN');
    // The PagerDuty subgraph runs on its simulator here: the demo token replaces the user's.
    expect(envOf('incidents').PAGERDUTY_TOKEN).toBe(DEMO_TOKEN);
    for (const name of ['gateway', 'pagerduty-sim', 'growthbook-sim']) {
      const secrets = Object.entries(envOf(name)).filter(([, v]) => typeof v === 'string' && v.endsWith('_real'));
      expect(secrets).toEqual([]);
    }
  });

  it('gives the gateway and every subgraph one random SUBGRAPH_SECRET per run, and the simulators none', () => {
    const plan = launchPlan({});
    const envOf = (name: string) => childEnv(plan.services.find((s) => s.name === name)!, {});
    const secret = envOf('gateway').SUBGRAPH_SECRET;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const name of ['catalog', 'scm', 'incidents', 'experiments']) expect(envOf(name).SUBGRAPH_SECRET).toBe(secret);
    expect(envOf('github-sim')).not.toHaveProperty('SUBGRAPH_SECRET');
    expect(childEnv(launchPlan({}).services.find((s) => s.name === 'gateway')!, {}).SUBGRAPH_SECRET).not.toBe(secret);
    // The user's own secret is kept, and still not handed to a simulator.
    const mine = { SUBGRAPH_SECRET: 'my-own-secret-0123456789' };
    const planned = launchPlan(mine);
    expect(childEnv(planned.services.find((s) => s.name === 'scm')!, mine).SUBGRAPH_SECRET).toBe(mine.SUBGRAPH_SECRET);
    expect(childEnv(planned.services.find((s) => s.name === 'pagerduty-sim')!, mine)).not.toHaveProperty('SUBGRAPH_SECRET');
  });

  it('never prints credentials inside a tool URL in the banner', () => {
    const { sources } = launchPlan({ GITHUB_API_URL: 'https://bot:s3cret@ghe.example.com/api' });
    expect(sources.join('\n')).not.toContain('s3cret');
    expect(sources).toContain('scm: GitHub at https://***@ghe.example.com/api');
    expect(redactUserinfo('http://127.0.0.1:4102')).toBe('http://127.0.0.1:4102');
  });
});
