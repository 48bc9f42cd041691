import crypto from 'node:crypto';
import type { CallerIdentity } from './CallerIdentity';
import { stableStringify } from './stableStringify';

/** Where the signature travels, as Hive Gateway's `useHmacUpstreamSignature` puts it by default. */
export const SIGNATURE_EXTENSION = 'hmac-signature';
/** Where devgraph's gateway puts who asked and when, covered by the same signature. */
export const ENVELOPE_EXTENSION = 'devgraph';

/** devgraph's part of a signed request: the caller and the signing time (seconds since the epoch). */
export interface TrustEnvelope {
  identity: CallerIdentity;
  iat: number;
}

/** The parts of a GraphQL request body a signature covers. */
export interface SignedParams {
  query?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/**
 * The signed bytes: `{ query, variables, devgraph }` in stable JSON. Without a devgraph envelope
 * this is exactly Hive Gateway's `defaultParamsSerializer` (`{ query, variables }`, empty
 * variables dropped), so subgraphs accept requests a Hive Gateway signed with the same secret.
 * With one, the envelope is signed too: identity and time cannot be edited or stripped.
 */
export function signaturePayload(params: SignedParams): string {
  const variables = params.variables !== null && typeof params.variables === 'object' && Object.keys(params.variables).length > 0 ? params.variables : undefined;
  const extensions = params.extensions !== null && typeof params.extensions === 'object' ? (params.extensions as Record<string, unknown>) : {};
  return stableStringify({ query: params.query, variables, [ENVELOPE_EXTENSION]: extensions[ENVELOPE_EXTENSION] }) ?? '';
}

/** Base64 HMAC-SHA256 of the payload, as Hive's WebCrypto code produces it. */
export function hmacSignature(secret: string, payload: string): string {
  return crypto.createHmac('sha256', secret).update(payload, 'utf8').digest('base64');
}

/**
 * Put the envelope and the signature into a request's extensions (the gateway side). Returns
 * the new extensions object; the caller's object is not mutated.
 */
export function signSubgraphRequest(secret: string, params: SignedParams, envelope?: TrustEnvelope): Record<string, unknown> {
  const base = params.extensions !== null && typeof params.extensions === 'object' ? { ...(params.extensions as Record<string, unknown>) } : {};
  delete base[SIGNATURE_EXTENSION];
  delete base[ENVELOPE_EXTENSION];
  const extensions: Record<string, unknown> = envelope ? { ...base, [ENVELOPE_EXTENSION]: envelope } : base;
  extensions[SIGNATURE_EXTENSION] = hmacSignature(secret, signaturePayload({ ...params, extensions }));
  return extensions;
}
