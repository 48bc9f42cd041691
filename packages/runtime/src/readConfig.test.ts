import { z } from 'zod';
import { ConfigError, configFields, readConfig } from './readConfig';

const schema = z.object({
  PORT: configFields.port(4000),
  UPSTREAM_URL: configFields.url('https://api.example.com').optional(),
  GITHUB_TOKEN: z.string().min(10).optional().describe('a GitHub token'),
  NAMES: configFields.list('a,b').optional(),
  REDIS_URL: configFields.redisUrl(),
});

describe('readConfig', () => {
  it('applies defaults and treats blank values as unset', () => {
    expect(readConfig(schema, { PORT: ' ', NAMES: 'a, b,,c' })).toEqual({ PORT: 4000, NAMES: ['a', 'b', 'c'] });
  });

  it('names the variable, the value and the fix in one line', () => {
    const read = () => readConfig(schema, { PORT: '99999' });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/^Configuration error: PORT="99999" is invalid: .+; set it to a TCP port number \(default 4000\)\.$/);
  });

  it('never echoes the value of a secret', () => {
    let message = '';
    try {
      readConfig(schema, { GITHUB_TOKEN: 'short' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Configuration error: GITHUB_TOKEN is invalid/);
    expect(message).not.toContain('short');
  });

  it.each([
    ['REDIS_URL', 'redis//:hunter2-pass@cache:6379'],
    ['REDIS_URL', 'http://cache:6379?password=hunter2-pass'],
    ['UPSTREAM_URL', 'https://bot:hunter2-pass@ bad host'],
  ])('never echoes %s=%s, which may hold a password', (name, value) => {
    let message = '';
    try {
      readConfig(schema, { [name]: value });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(new RegExp(`^Configuration error: ${name} is invalid`));
    expect(message).not.toContain('hunter2');
  });

  it('rejects a malformed URL naming the variable', () => {
    expect(() => readConfig(schema, { UPSTREAM_URL: 'not a url' })).toThrow(/UPSTREAM_URL="not a url" is invalid.*e\.g\. https:\/\/api\.example\.com/);
  });
});
