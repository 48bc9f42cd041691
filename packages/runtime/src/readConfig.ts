import { z } from 'zod';

/** Thrown when the environment does not satisfy a package's config schema. One line, fit for a terminal. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Names that hold credentials: their values are never echoed in a config error, and the
 * logger redacts them. Matching by name keeps a newly added `FOO_TOKEN` safe by default.
 */
export const isSecretName = (name: string) => /TOKEN|SECRET|PASSWORD|API_KEY|APIKEY|CREDENTIAL/i.test(name);

/**
 * Values that may carry a credential without a secret-sounding name: REDIS_URL (its password is in
 * the URL), and any value with `user:password@` after a scheme (GITHUB_API_URL=https://u:p@host).
 * A config error never echoes them, even when they are malformed, which is exactly when the
 * URL parser cannot be trusted to find the userinfo.
 */
const mayHoldCredential = (name: string, value: string) => /^REDIS_URL$|_REDIS_URL$/.test(name) || /:\/\/[^/\s]*@/.test(value) || (/_URL$/.test(name) && value.includes('@'));

type Env = Record<string, string | undefined>;

/**
 * Validate the environment once, at start. Each schema key is the variable's name and its
 * `.describe()` text is the fix shown to the user, so the error names both what and how.
 */
export function readConfig<S extends z.ZodObject>(schema: S, env: Env): z.infer<S> {
  // Empty strings mean "not set": `FOO= npm start` should behave like leaving FOO out.
  const present: Env = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') present[key] = value.trim();
  }
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0] ?? 'environment');
  const raw = present[name];
  const shown = raw === undefined ? ' is not set' : isSecretName(name) || mayHoldCredential(name, raw) ? ' is invalid' : `="${raw}" is invalid`;
  const description = describeField((schema.shape as Record<string, z.ZodType>)[name]);
  const fix = description ? `; set it to ${description}` : '';
  const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more)` : '';
  throw new ConfigError(`Configuration error: ${name}${shown}: ${issue.message}${fix}${more}.`);
}

/** The fix text: `.describe()` may sit inside `.optional()`/`.default()` wrappers. */
function describeField(field: z.ZodType | undefined): string | undefined {
  let current: unknown = field;
  while (current) {
    const { description, unwrap } = current as { description?: string; unwrap?: () => unknown };
    if (description) return description;
    current = typeof unwrap === 'function' ? unwrap.call(current) : undefined;
  }
  return undefined;
}

/** Reusable field schemas, so every package describes ports, URLs and lists the same way. */
export const configFields = {
  port: (fallback: number) =>
    z.coerce.number().int().min(0).max(65535).default(fallback).describe(`a TCP port number (default ${fallback})`),
  host: () => z.string().default('127.0.0.1').describe('an address to listen on, e.g. 127.0.0.1 or 0.0.0.0'),
  url: (example: string) => z.url().describe(`a full URL, e.g. ${example}`),
  logLevel: () =>
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('one of fatal, error, warn, info, debug, trace, silent'),
  list: (example: string) =>
    z
      .string()
      .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
      .describe(`a comma-separated list, e.g. ${example}`),
  /** Shared cache: Redis when set, in-process LRU otherwise. */
  redisUrl: () =>
    z.string().regex(/^rediss?:\/\/\S+$/, 'expected a redis:// or rediss:// URL').optional().describe('a Redis URL, e.g. redis://127.0.0.1:6379 (unset: in-memory cache)'),
  cachePrefix: () =>
    z.string().regex(/^[A-Za-z0-9:_-]+$/).default('devgraph').describe('a key prefix per deployment, letters, digits, ":", "_" or "-" (default devgraph)'),
  positiveInt: (fallback: number, what: string) =>
    z.coerce.number().int().positive().default(fallback).describe(`a positive whole number of ${what} (default ${fallback})`),
};

/** Start-up helper: turn a ConfigError into one line on stderr and exit 1 instead of a stack trace. */
export function exitOnConfigError(error: unknown): never {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
