/** The tools a caller may read; a field of a tool outside its scopes is null with FORBIDDEN. */
export const TOOL_SCOPES = ['catalog', 'scm', 'incidents', 'experiments'] as const;
export type ToolScope = (typeof TOOL_SCOPES)[number];

/**
 * Who is asking, as every gateway feature sees it (auth, scopes, rate limits, trusted
 * documents, `viewer`, logs). Set once per request by the auth middleware on
 * `res.locals.identity` and carried in the GraphQL context; never read from a header a client
 * could forge downstream of the gateway.
 */
export interface Identity {
  /** How the caller proved it: nothing (AUTH_MODE=none on loopback), a JWT, or an API key. */
  kind: 'anonymous' | 'jwt' | 'apikey';
  /** Stable id for limits and logs: the JWT `sub`, the API key's name, or `anonymous`. */
  subject: string;
  /** The catalog User the caller is, when known (`user:default/jane.doe`). */
  userRef?: string;
  /** The caller's email claim, when known (used to find the catalog User). */
  email?: string;
  /** The tools this caller may read. */
  scopes: ReadonlySet<ToolScope>;
  /** API keys may be allowed to send documents outside the trusted-documents manifest (analysts). */
  mayUseUntrustedDocuments?: boolean;
}

export const ANONYMOUS: Identity = { kind: 'anonymous', subject: 'anonymous', scopes: new Set(TOOL_SCOPES) };

/** The GraphQL context of every gateway operation. */
export interface GatewayContext {
  identity: Identity;
}
