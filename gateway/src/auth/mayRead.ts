import type { CallerIdentity } from '@devgraph/runtime';
import { TOOL_SCOPES, type Identity, type ToolScope } from './Identity';

const isTool = (subgraph: string): subgraph is ToolScope => (TOOL_SCOPES as readonly string[]).includes(subgraph);

/**
 * Scopes name subgraphs: a caller reads a tool's subgraph only when its scopes list it. A
 * subgraph that is not one of devgraph's tools (an operator's own) is not scope-controlled.
 */
export function mayRead(identity: Identity, subgraph: string): boolean {
  return !isTool(subgraph) || identity.scopes.has(subgraph);
}

/**
 * The identity as it travels to one subgraph, signed. Its scopes are what this request may read
 * there; an operator's own subgraph is listed so the subgraph's own check (which only knows its
 * name) agrees with the gateway's.
 */
export function callerIdentityFor(identity: Identity, subgraph: string): CallerIdentity {
  const scopes: string[] = [...identity.scopes];
  if (!isTool(subgraph)) scopes.push(subgraph);
  return {
    kind: identity.kind,
    subject: identity.subject,
    ...(identity.userRef && { userRef: identity.userRef }),
    ...(identity.email && { email: identity.email }),
    scopes,
  };
}
