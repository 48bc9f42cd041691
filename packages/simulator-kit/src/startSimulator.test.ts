import express from 'express';
import { startSimulator, type Simulator } from './startSimulator';
import { loadDemoOrganisation } from './loadDemoOrganisation';

describe('startSimulator', () => {
  let sim: Simulator;
  beforeEach(async () => {
    const api = express.Router();
    api.get('/things', (_req, res) => res.json({ things: [1, 2] }));
    sim = await startSimulator({ name: 'test', api });
  });
  afterEach(() => sim.close());

  it('serves the API and counts requests without recording credentials', async () => {
    const res = await fetch(`${sim.url}/things?x=1`, { headers: { authorization: 'Token token=secret' } });
    expect(await res.json()).toEqual({ things: [1, 2] });
    expect(sim.count('/things')).toBe(1);
    expect(sim.requests[0]).toMatchObject({ method: 'GET', path: '/things', query: { x: '1' }, authorized: true });
    expect(JSON.stringify(sim.requests)).not.toContain('secret');
  });

  it('plays back an injected fault the given number of times, then answers normally', async () => {
    sim.inject({ status: 429, headers: { 'retry-after': '1' }, body: { error: { message: 'slow down' } }, times: 1 });
    const first = await fetch(`${sim.url}/things`);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    expect((await fetch(`${sim.url}/things`)).status).toBe(200);
  });

  it('hangs on request until the client gives up', async () => {
    sim.inject({ hang: true });
    await expect(fetch(`${sim.url}/things`, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
  });

  it('takes faults over HTTP for the demo', async () => {
    await fetch(`${sim.url}/__simulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 503, pathIncludes: '/things' }) });
    expect((await fetch(`${sim.url}/things`)).status).toBe(503);
    await fetch(`${sim.url}/__simulator/faults`, { method: 'DELETE' });
    expect((await fetch(`${sim.url}/things`)).status).toBe(200);
    expect(await (await fetch(`${sim.url}/__simulator/requests`)).json()).toEqual({ count: 2, byPath: { '/things': 2 } });
  });
});

describe('loadDemoOrganisation', () => {
  it('reads the demo company through the catalog reader', async () => {
    const org = await loadDemoOrganisation();
    expect(org.components.length).toBeGreaterThanOrEqual(15);
    const checkout = org.components.find((c) => c.metadata.name === 'checkout')!;
    expect(org.annotation(checkout, 'github.com/project-slug')).toBe('fernhollow/checkout');
    expect(org.users.every((u) => org.emailOf(u)?.endsWith('@fernhollow.com'))).toBe(true);
  });
});
