import { UpstreamError } from '../errors';
import { asUpstreamError } from './asUpstreamError';

describe('asUpstreamError', () => {
  it('passes UpstreamErrors through unchanged', () => {
    const error = new UpstreamError({ upstream: 'github', status: 404, message: 'no repo' });
    expect(asUpstreamError(error, 'github')).toBe(error);
  });

  it('wraps socket errors as network failures', () => {
    const socket = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const wrapped = asUpstreamError(socket, 'pagerduty');
    expect(wrapped).toBeInstanceOf(UpstreamError);
    expect(wrapped).toMatchObject({ upstream: 'pagerduty', kind: 'network', retryable: true, cause: socket });
  });

  it('looks through fetch’s "fetch failed" to the socket error, and maps socket timeouts to timeout', () => {
    const cause = Object.assign(new Error('Connect Timeout Error'), { code: 'UND_ERR_CONNECT_TIMEOUT' });
    const fetchFailed = new TypeError('fetch failed', { cause });
    expect(asUpstreamError(fetchFailed, 'growthbook')).toMatchObject({ kind: 'timeout' });
  });

  it('leaves other errors alone, so bugs are neither retried nor blamed on the upstream', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'nodes')");
    expect(asUpstreamError(bug, 'github')).toBe(bug);
    expect(asUpstreamError('a string', 'github')).toBe('a string');
  });
});
