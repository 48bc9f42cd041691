import { codeForUpstreamError } from '@devgraph/runtime';
import { pagerDutyError } from './pagerDutyError';

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

describe('pagerDutyError', () => {
  it('keeps PagerDuty\'s message, maps the status to the shared code, and redacts the request', () => {
    const error = pagerDutyError(
      { status: 401, data: { error: { message: 'Invalid Credentials', code: 2006, errors: ['Authentication Required'] } } },
      'https://user:secret@api.pagerduty.com/incidents?token=abc',
    );
    expect(error).toMatchObject({ upstream: 'pagerduty', status: 401, kind: 'http', message: 'API token not accepted (Invalid Credentials; Authentication Required)' });
    expect(error.request).toBe('GET https://api.pagerduty.com/incidents?token=REDACTED');
    expect(codeForUpstreamError(error)).toBe('UNAUTHENTICATED');
  });

  it('reads the wait from Retry-After, or from ratelimit-reset', () => {
    expect(pagerDutyError({ status: 429, headers: headers({ 'retry-after': '3' }) }, 'https://api.pagerduty.com/x')).toMatchObject({ kind: 'rate-limited', retryAfterMs: 3000 });
    expect(pagerDutyError({ status: 429, headers: headers({ 'ratelimit-reset': '7' }) }, 'https://api.pagerduty.com/x')).toMatchObject({ retryAfterMs: 7000 });
    expect(pagerDutyError({ status: 429 }, 'https://api.pagerduty.com/x').retryAfterMs).toBeUndefined();
  });

  it('treats 404 as not-found and 5xx as retryable', () => {
    expect(codeForUpstreamError(pagerDutyError({ status: 404, data: { error: { message: 'Not Found', code: 2100 } } }, 'https://api.pagerduty.com/x'))).toBe('NOT_FOUND');
    const failed = pagerDutyError({ status: 503, data: '<html>' }, 'https://api.pagerduty.com/x');
    expect(failed.retryable).toBe(true);
    expect(codeForUpstreamError(failed)).toBe('UPSTREAM_UNAVAILABLE');
  });
});
