import { createHash } from 'node:crypto';
import { GRAPHIQL_BOOT_SCRIPT } from './graphiqlBootScript';

/**
 * The GraphiQL page's Content-Security-Policy: its own assets and nothing else.
 *
 * - scripts: the local asset files (`'self'`) and the one inline boot script, by hash, so an
 *   injected `<script>` cannot run (the JSON config element is data, not script);
 * - styles: `'self'` plus `'unsafe-inline'`, because GraphiQL's dialogs (Radix) inject
 *   `<style>` elements at run time; styles cannot run code, scripts stay locked;
 * - fonts and images: `data:` URLs, which graphiql.min.css embeds (and the empty favicon);
 * - `connect-src 'self'`: operations go to the same origin only;
 * - no frames, no `<base>`, no form targets, and no page may frame GraphiQL.
 */
export function graphiqlContentSecurityPolicy(): string {
  const bootScriptHash = createHash('sha256').update(GRAPHIQL_BOOT_SCRIPT, 'utf8').digest('base64');
  return [
    "default-src 'none'",
    `script-src 'self' 'sha256-${bootScriptHash}'`,
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
