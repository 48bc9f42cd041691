import { Writable } from 'node:stream';
import { createLogger, scrubSecrets } from './createLogger';

function capture(secrets: string[] = []) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ service: 'scm', secrets, destination }), lines };
}

describe('createLogger', () => {
  it('writes structured JSON lines stamped with the service', () => {
    const { logger, lines } = capture();
    logger.info({ repo: 'a/b' }, 'fetched');
    expect(lines[0]).toMatchObject({ service: 'scm', repo: 'a/b', msg: 'fetched', level: 30 });
  });

  it('redacts credential fields by name', () => {
    const { logger, lines } = capture();
    logger.info({ headers: { authorization: 'bearer abc' }, token: 't', password: 'p' }, 'call');
    expect(JSON.stringify(lines[0])).not.toMatch(/bearer abc|"t"|"p"/);
    expect(lines[0]).toMatchObject({ token: '[REDACTED]', headers: { authorization: '[REDACTED]' } });
  });

  it('redacts known secret values wherever they appear, including in messages and errors', () => {
    const secret = 'ghp_supersecret123456';
    const { logger, lines } = capture([secret]);
    logger.warn({ err: new Error(`401 for token ${secret}`), url: `https://x/?t=${secret}` }, `failed with ${secret}`);
    const text = JSON.stringify(lines);
    expect(text).not.toContain(secret);
    expect(text).toContain('[REDACTED]');
  });

  it('leaves values alone when there are no secrets', () => {
    expect(scrubSecrets({ a: ['x'] }, [])).toEqual({ a: ['x'] });
  });
});
