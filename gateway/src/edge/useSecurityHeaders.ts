import type { RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** Options of {@link useSecurityHeaders}. */
export interface SecurityHeaderOptions {
  /**
   * Content-Security-Policy of HTML responses (the GraphiQL page, which needs its own scripts
   * and styles). Leave it out and HTML gets the same locked-down policy as JSON.
   * @default the API policy: `default-src 'none'; frame-ancestors 'none'; ...`
   */
  htmlContentSecurityPolicy?: string;
}

/**
 * The policy of every non-HTML response: nothing may load, nothing may frame it. A JSON answer
 * needs no capability, so a browser tricked into rendering one gets none.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Security headers on every gateway response (GraphQL, health, metrics, GraphiQL and its assets,
 * rejections): mount it first. helmet sets `X-Content-Type-Options: nosniff`,
 * `Referrer-Policy: no-referrer`, `X-Frame-Options: DENY`, the CSP (with `frame-ancestors
 * 'none'`) and removes `X-Powered-By`. HSTS is left to whatever terminates TLS: the gateway
 * cannot know it is served over HTTPS, and a wrong HSTS header is hard to take back.
 *
 * The CSP depends on what is sent, not on the path: Apollo Server decides from the `Accept`
 * header whether `GET /graphql` is the GraphiQL page or an operation, so the HTML policy is
 * swapped in just before the headers are written, when the content type is known.
 */
export function useSecurityHeaders(options: SecurityHeaderOptions = {}): RequestHandler[] {
  const base = helmet({
    contentSecurityPolicy: false,
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  const htmlPolicy = options.htmlContentSecurityPolicy ?? API_CONTENT_SECURITY_POLICY;
  const policyByContentType: RequestHandler = (_req, res, next) => {
    res.setHeader('Content-Security-Policy', API_CONTENT_SECURITY_POLICY);
    beforeHeadersAreSent(res, () => {
      if (/^text\/html\b/i.test(String(res.getHeader('content-type') ?? ''))) res.setHeader('Content-Security-Policy', htmlPolicy);
    });
    next();
  };
  return [base, policyByContentType];
}

/**
 * Runs `hook` once, right before the status line and headers go out. Every way of answering
 * (`res.send`, `res.json`, `res.end`, `sendFile`) ends in `writeHead`, explicitly or through
 * Node's implicit header, so wrapping it is enough (what the `on-headers` package does).
 */
function beforeHeadersAreSent(res: Response, hook: () => void): void {
  const writeHead = res.writeHead;
  let done = false;
  res.writeHead = function (this: Response, ...args: unknown[]) {
    if (!done) {
      done = true;
      hook();
    }
    return (writeHead as (...a: unknown[]) => Response).apply(this, args);
  } as typeof res.writeHead;
}
