import { z } from 'zod';
import { ConfigError } from '../readConfig';
import { isLoopbackHost } from './isLoopbackHost';

/**
 * How a subgraph treats requests that claim to come from the gateway:
 * - `signed`: only requests signed with the shared secret are served (production);
 * - `off`: SUBGRAPH_AUTH=off, no check at all (meshes that authenticate with mTLS, benchmarks);
 * - `open`: no secret configured and listening on loopback only (development, tests).
 */
export type SubgraphTrust = { mode: 'signed'; secret: string } | { mode: 'off' } | { mode: 'open' };

/** Short secrets are guessable offline from one signed request; 16 bytes is HMAC's floor. */
const MIN_SECRET_LENGTH = 16;

/** The variables every subgraph (and the gateway, for the secret) reads; spread into a package's config schema. */
export const subgraphTrustFields = () => ({
  SUBGRAPH_SECRET: z
    .string()
    .min(MIN_SECRET_LENGTH, `at least ${MIN_SECRET_LENGTH} characters`)
    .optional()
    .describe('a random shared secret of at least 16 characters, the same for the gateway and every subgraph, e.g. $(openssl rand -base64 32)'),
  SUBGRAPH_AUTH: z.enum(['on', 'off']).default('on').describe('on (subgraphs serve only gateway-signed requests) or off (the network authenticates, e.g. mTLS) (default on)'),
});

/**
 * Decide the mode once, at start. Without a secret a subgraph may only run open on loopback: on
 * any other address anyone who reaches it would read every tool, so it refuses to start.
 */
export function readSubgraphTrust(c: { SUBGRAPH_SECRET?: string; SUBGRAPH_AUTH: 'on' | 'off' }, host: string): SubgraphTrust {
  if (c.SUBGRAPH_AUTH === 'off') return { mode: 'off' };
  if (c.SUBGRAPH_SECRET) return { mode: 'signed', secret: c.SUBGRAPH_SECRET };
  if (isLoopbackHost(host)) return { mode: 'open' };
  throw new ConfigError(
    `Configuration error: SUBGRAPH_SECRET is not set and HOST=${host} is not loopback, so anyone who can reach this subgraph could query it; set SUBGRAPH_SECRET to the gateway's secret (or SUBGRAPH_AUTH=off when mTLS authenticates callers).`,
  );
}

/** The secret values the process logger must scrub, for `runService`'s `secrets`. */
export const trustSecrets = (trust: SubgraphTrust | undefined): string[] => (trust?.mode === 'signed' ? [trust.secret] : []);
