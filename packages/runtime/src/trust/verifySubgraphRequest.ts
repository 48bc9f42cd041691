import crypto from 'node:crypto';
import { parseCallerIdentity, type CallerIdentity } from './CallerIdentity';
import { ENVELOPE_EXTENSION, hmacSignature, signaturePayload, SIGNATURE_EXTENSION, type SignedParams } from './subgraphSignature';

/** How far a signing time may be from the subgraph's clock, either way: 5 minutes, the usual webhook window. */
export const MAX_SIGNATURE_AGE_SECONDS = 300;

export type VerifiedRequest =
  /** Signed; `identity` is undefined when the signer sent no devgraph envelope (Hive Gateway). */
  | { ok: true; identity?: CallerIdentity }
  | { ok: false; reason: string };

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'base64');
  const b = Buffer.from(given, 'base64');
  return a.length === b.length && a.length > 0 && crypto.timingSafeEqual(a, b);
}

/**
 * Check a subgraph request against the shared secret (the subgraph side of `signSubgraphRequest`).
 * Reasons name what is wrong, never the expected signature.
 */
export function verifySubgraphRequest(secret: string, params: SignedParams, nowSeconds: number): VerifiedRequest {
  const extensions = params.extensions !== null && typeof params.extensions === 'object' ? (params.extensions as Record<string, unknown>) : {};
  const signature = extensions[SIGNATURE_EXTENSION];
  if (typeof signature !== 'string' || signature === '') return { ok: false, reason: `the request is not signed (no extensions["${SIGNATURE_EXTENSION}"])` };
  if (!sameSignature(hmacSignature(secret, signaturePayload(params)), signature)) return { ok: false, reason: 'the request signature does not match its body' };
  const envelope = extensions[ENVELOPE_EXTENSION];
  if (envelope === undefined) return { ok: true };
  const { identity, iat } = (envelope ?? {}) as { identity?: unknown; iat?: unknown };
  if (typeof iat !== 'number' || Math.abs(nowSeconds - iat) > MAX_SIGNATURE_AGE_SECONDS) {
    return { ok: false, reason: `the signature is older than ${MAX_SIGNATURE_AGE_SECONDS} seconds (or the gateway's and this subgraph's clocks disagree)` };
  }
  const caller = parseCallerIdentity(identity);
  if (!caller) return { ok: false, reason: 'the signed identity is malformed' };
  return { ok: true, identity: caller };
}
