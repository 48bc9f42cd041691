/** Query parameter names whose values are credentials (api_key, access_token, client_secret, ...). */
const SECRET_PARAM = /token|key|secret|passw(or)?d|signature|credential|^auth(orization)?$|^sig$/i;

const PLACEHOLDER_BASE = 'http://redacted.invalid';

/**
 * A URL that is safe to put in an error, a log line or a trace: userinfo removed, credential-like
 * query values replaced with `REDACTED`, fragment dropped (OAuth puts tokens there). Relative
 * URLs stay relative. Something that does not parse as a URL loses its query and userinfo
 * wholesale rather than risk leaking.
 */
export function redactUrl(url: string | URL): string {
  const text = String(url);
  let parsed: URL;
  let relative = false;
  try {
    parsed = new URL(text);
  } catch {
    try {
      parsed = new URL(text, PLACEHOLDER_BASE);
      relative = true;
    } catch {
      return text.replace(/\/\/[^/@]*@/, '//').split(/[?#]/)[0] ?? '';
    }
  }
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  for (const name of new Set(parsed.searchParams.keys())) {
    if (SECRET_PARAM.test(name)) parsed.searchParams.set(name, 'REDACTED');
  }
  if (relative) return `${parsed.pathname}${parsed.search}`;
  return parsed.toString();
}
