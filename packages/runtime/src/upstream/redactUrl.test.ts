import { redactUrl } from './redactUrl';

describe('redactUrl', () => {
  it('strips userinfo', () => {
    expect(redactUrl('https://alice:s3cret@api.example.com/v1/x')).toBe('https://api.example.com/v1/x');
    expect(redactUrl('https://ghp_token@api.example.com/')).toBe('https://api.example.com/');
  });

  it('redacts credential-like query values and keeps the rest', () => {
    const out = redactUrl('https://api.example.com/incidents?service_ids[]=P1&api_key=abc&access_token=t&client_secret=s&password=p&limit=100');
    expect(out).not.toMatch(/abc|=t&|=s&|=p&/);
    expect(new URL(out).searchParams.get('api_key')).toBe('REDACTED');
    expect(new URL(out).searchParams.get('access_token')).toBe('REDACTED');
    expect(new URL(out).searchParams.get('client_secret')).toBe('REDACTED');
    expect(new URL(out).searchParams.get('password')).toBe('REDACTED');
    expect(new URL(out).searchParams.get('limit')).toBe('100');
    expect(new URL(out).searchParams.get('service_ids[]')).toBe('P1');
  });

  it('matches parameter names case-insensitively and redacts repeated ones', () => {
    const out = redactUrl('http://h/x?Token=a&TOKEN=b&apiKey=c&X-Signature=d');
    expect(out).not.toMatch(/=a|=b|=c|=d/);
  });

  it('drops the fragment, where OAuth puts tokens', () => {
    expect(redactUrl('https://h/cb#access_token=abc')).toBe('https://h/cb');
  });

  it('keeps relative URLs relative', () => {
    expect(redactUrl('/api/v1/experiments?projectId=p1&token=abc')).toBe('/api/v1/experiments?projectId=p1&token=REDACTED');
  });

  it('accepts URL objects', () => {
    expect(redactUrl(new URL('http://u:p@h/?key=1'))).toBe('http://h/?key=REDACTED');
  });
});
