/**
 * Who asked, as the gateway vouches for it inside a signed subgraph request
 * (`extensions.devgraph.identity`). Plain JSON: it crosses the wire. Subgraphs receive it in
 * their context (`startSubgraphServer`'s context factory) and never read identity from headers.
 */
export interface CallerIdentity {
  /** How the caller proved it to the gateway. */
  kind: 'anonymous' | 'jwt' | 'apikey';
  /** Stable id for logs and limits: JWT `sub`, API key name, or `anonymous`. Never personal data in metric labels. */
  subject: string;
  /** The catalog User (`user:default/jane.doe`), when known. */
  userRef?: string;
  email?: string;
  /** The subgraphs this request may read: a subgraph not listed answers FORBIDDEN. */
  scopes: string[];
}

const KINDS = new Set(['anonymous', 'jwt', 'apikey']);

/** The identity in a verified envelope, or undefined when it is not well formed (then the request is refused). */
export function parseCallerIdentity(value: unknown): CallerIdentity | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.kind !== 'string' || !KINDS.has(v.kind) || typeof v.subject !== 'string') return undefined;
  if (!Array.isArray(v.scopes) || !v.scopes.every((s) => typeof s === 'string')) return undefined;
  if (v.userRef !== undefined && typeof v.userRef !== 'string') return undefined;
  if (v.email !== undefined && typeof v.email !== 'string') return undefined;
  return {
    kind: v.kind as CallerIdentity['kind'],
    subject: v.subject,
    ...(v.userRef !== undefined && { userRef: v.userRef as string }),
    ...(v.email !== undefined && { email: v.email as string }),
    scopes: v.scopes as string[],
  };
}
