import { codeForUpstreamError, UpstreamError } from '@devgraph/runtime';
import { classifyGraphqlErrors, toGithubError } from './githubError';

const http = (status: number, headers: Record<string, string> = {}, message = 'nope') =>
  Object.assign(new Error(message), { name: 'HttpError', status, response: { headers, data: { message } } });
const code = (error: unknown) => codeForUpstreamError(error as UpstreamError);

describe('toGithubError', () => {
  it.each([
    [http(401, {}, 'Bad credentials'), 'UNAUTHENTICATED'],
    [http(403, { 'x-ratelimit-remaining': '0' }), 'UPSTREAM_RATE_LIMITED'],
    [http(403, { 'retry-after': '60' }, 'You have exceeded a secondary rate limit'), 'UPSTREAM_RATE_LIMITED'],
    [http(403, {}, 'Resource not accessible by integration'), 'FORBIDDEN'],
    [http(429), 'UPSTREAM_RATE_LIMITED'],
    [http(502), 'UPSTREAM_UNAVAILABLE'],
    [http(504), 'UPSTREAM_TIMEOUT'],
  ])('maps %p to %s', (error, expected) => {
    expect(code(toGithubError(error, 'POST https://api.github.com/graphql'))).toBe(expected);
  });

  it('reads Retry-After for how long to wait', () => {
    expect((toGithubError(http(429, { 'retry-after': '7' }), 'x') as UpstreamError).retryAfterMs).toBe(7000);
  });

  it('treats an error without a response as a network failure', () => {
    const error = Object.assign(new Error('fetch failed'), { name: 'HttpError', status: 500 });
    expect(code(toGithubError(error, 'x'))).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('leaves errors that are not octokit HTTP errors alone', () => {
    const bug = new TypeError('x is undefined');
    expect(toGithubError(bug, 'x')).toBe(bug);
  });
});

describe('classifyGraphqlErrors', () => {
  const graphqlError = (errors: { type?: string; message: string; path?: string[] }[]) =>
    ({ name: 'GraphqlResponseError' as const, errors, data: {}, headers: {} });

  it('fails the whole call for RATE_LIMITED and RATE_LIMIT', () => {
    for (const type of ['RATE_LIMITED', 'RATE_LIMIT']) {
      expect(() => classifyGraphqlErrors(graphqlError([{ type, message: 'API rate limit exceeded' }]), 'x')).toThrow(expect.objectContaining({ kind: 'rate-limited' }));
    }
  });

  it('returns per-alias errors for the batch to split, and rejects query-level errors', () => {
    const perUnit = [{ type: 'NOT_FOUND', message: 'Could not resolve', path: ['r1'] }];
    expect(classifyGraphqlErrors(graphqlError(perUnit), 'x').perUnit).toEqual(perUnit);
    expect(() => classifyGraphqlErrors(graphqlError([{ message: "Field 'x' doesn't exist" }]), 'x')).toThrow(/rejected the query/);
  });
});
