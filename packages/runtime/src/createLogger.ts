import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** The service name stamped on every line (`catalog`, `gateway`, ...). */
  service: string;
  level?: string;
  /** Secret values (tokens, keys) that must never appear in a log line, wherever they hide. */
  secrets?: readonly string[];
  /** Where lines go; stdout by default. Tests pass a stream to read what was logged. */
  destination?: pino.DestinationStream;
}

/** Field names whose values are credentials, wherever they appear in a logged object. */
const REDACT_PATHS = [
  'token', '*.token', 'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization',
  'password', '*.password', 'apiKey', '*.apiKey', 'secret', '*.secret',
];

/** Replace every occurrence of a known secret in any string inside a value, deeply. */
export function scrubSecrets<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') {
    let out: string = value;
    for (const s of secrets) out = out.split(s).join('[REDACTED]');
    return out as T;
  }
  if (Array.isArray(value)) return value.map((v) => scrubSecrets(v, secrets)) as T;
  if (value instanceof Error) {
    return { type: value.name, message: scrubSecrets(value.message, secrets), stack: scrubSecrets(value.stack, secrets) } as T;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = scrubSecrets(v, secrets);
    return out as T;
  }
  return value;
}

/**
 * Structured JSON logs. Credentials are removed twice over: by field name (pino redact) and by
 * value (a token pasted into an upstream error message is still caught).
 */
export function createLogger(options: LoggerOptions): Logger {
  // Short secrets would redact innocent substrings; real tokens are long.
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 6);
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service },
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, scrubSecrets(args, secrets) as typeof args);
        },
      },
    },
    options.destination,
  );
}
