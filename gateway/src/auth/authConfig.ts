import { z } from 'zod';
import { ConfigError, isLoopbackHost } from '@devgraph/runtime';
import { loadApiKeys, type ApiKeyEntry } from './loadApiKeys';

const MODES = ['jwt', 'apikey'] as const;
export type AuthMethod = (typeof MODES)[number];

export interface JwtConfig {
  /** Remote key set (OIDC `jwks_uri`); keys are cached and refetched when a token names an unknown `kid`. */
  jwksUrl?: string;
  /** Or one PEM public key (SPKI), for issuers without a JWKS endpoint. */
  publicKey?: string;
  issuer: string;
  /** Accepted `aud` values; a token must carry at least one. */
  audience: string[];
  clockSkewSeconds: number;
  /** The claim naming the caller's catalog User: an email, or a `user:` entity ref. @default 'email' */
  userClaim: string;
  /** The claim listing the tools the caller may read (space-separated or an array); unset or absent: all tools. */
  scopesClaim?: string;
  /** Least time between two JWKS fetches, so tokens with made-up `kid`s cannot hammer the issuer. @default 30000 */
  jwksCooldownMs?: number;
}

export interface AuthConfig {
  /** How callers prove who they are; empty = AUTH_MODE=none (only on loopback unless allowed). */
  methods: AuthMethod[];
  jwt?: JwtConfig;
  /** The keys of API_KEYS_FILE, read at start. */
  apiKeys?: ApiKeyEntry[];
}

/** The gateway's identity variables; spread into its config schema. */
export const authConfigFields = () => ({
  AUTH_MODE: z
    .string()
    .default('none')
    .refine((v) => v === 'none' || v.split(',').every((m) => (MODES as readonly string[]).includes(m.trim())), 'expected none, jwt, apikey or jwt,apikey')
    .describe('none, jwt, apikey or jwt,apikey (default none: only allowed on a loopback HOST)'),
  ALLOW_UNAUTHENTICATED: z.enum(['true', 'false']).default('false').describe('true to serve AUTH_MODE=none on a non-loopback HOST (default false)'),
  JWT_JWKS_URL: z.url().optional().describe("the issuer's JWKS URL, e.g. https://login.example.com/.well-known/jwks.json"),
  JWT_PUBLIC_KEY: z.string().optional().describe('a PEM public key (-----BEGIN PUBLIC KEY-----...) that signs the tokens'),
  JWT_ISSUER: z.string().optional().describe('the exact `iss` of accepted tokens, e.g. https://login.example.com/'),
  JWT_AUDIENCE: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .optional()
    .describe('the accepted `aud` values, comma-separated, e.g. devgraph'),
  JWT_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(600).default(30).describe('seconds of clock difference tolerated on exp/nbf/iat, 0 to 600 (default 30)'),
  JWT_USER_CLAIM: z.string().default('email').describe('the claim holding the user: an email or a user: ref (default email)'),
  JWT_SCOPES_CLAIM: z.string().optional().describe('the claim listing the tools a caller may read, e.g. devgraph_scopes (unset: all tools)'),
  API_KEYS_FILE: z.string().optional().describe('the path of a YAML or JSON list of { name, sha256, scopes, user }'),
});

type AuthEnv = z.infer<z.ZodObject<ReturnType<typeof authConfigFields>>>;

const fail = (message: string): never => {
  throw new ConfigError(`Configuration error: ${message}`);
};

/** Validate the combination once, at start: every mistake is one line naming the variable to set. */
export function readAuthConfig(c: AuthEnv, host: string): AuthConfig {
  const methods = c.AUTH_MODE === 'none' ? [] : [...new Set(c.AUTH_MODE.split(',').map((m) => m.trim() as AuthMethod))];
  if (methods.length === 0 && !isLoopbackHost(host) && c.ALLOW_UNAUTHENTICATED !== 'true') {
    fail(`AUTH_MODE=none lets anyone who reaches HOST=${host} read every tool; set AUTH_MODE=jwt and/or apikey (see "Securing devgraph" in the README), or ALLOW_UNAUTHENTICATED=true if a proxy in front authenticates.`);
  }
  const config: AuthConfig = { methods };
  if (methods.includes('jwt')) {
    if (!c.JWT_JWKS_URL === !c.JWT_PUBLIC_KEY) fail('AUTH_MODE=jwt needs exactly one of JWT_JWKS_URL (your issuer\'s jwks_uri) or JWT_PUBLIC_KEY (a PEM public key).');
    if (!c.JWT_ISSUER) fail('AUTH_MODE=jwt needs JWT_ISSUER: set it to the exact `iss` of your tokens, e.g. https://login.example.com/.');
    if (!c.JWT_AUDIENCE?.length) fail('AUTH_MODE=jwt needs JWT_AUDIENCE: set it to the `aud` your issuer puts in devgraph\'s tokens, e.g. devgraph.');
    config.jwt = {
      ...(c.JWT_JWKS_URL && { jwksUrl: c.JWT_JWKS_URL }),
      // A PEM in one environment line usually has its newlines escaped.
      ...(c.JWT_PUBLIC_KEY && { publicKey: c.JWT_PUBLIC_KEY.replace(/\\n/g, '\n') }),
      issuer: c.JWT_ISSUER!,
      audience: c.JWT_AUDIENCE!,
      clockSkewSeconds: c.JWT_CLOCK_SKEW_SECONDS,
      userClaim: c.JWT_USER_CLAIM,
      ...(c.JWT_SCOPES_CLAIM && { scopesClaim: c.JWT_SCOPES_CLAIM }),
    };
  }
  if (methods.includes('apikey')) {
    if (!c.API_KEYS_FILE) fail('AUTH_MODE=apikey needs API_KEYS_FILE: the path of a YAML or JSON list of { name, sha256, scopes, user }.');
    config.apiKeys = loadApiKeys(c.API_KEYS_FILE!);
  }
  return config;
}
