import fs from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '@devgraph/runtime';
import { TOOL_SCOPES, type ToolScope } from './Identity';

/** One script's key, as API_KEYS_FILE stores it: never the key itself, only its SHA-256. */
export interface ApiKeyEntry {
  name: string;
  /** Lower-case hex SHA-256 of the key (`printf %s "$KEY" | sha256sum`). */
  sha256: string;
  /** The tools this key may read; none listed = all. */
  scopes: ToolScope[];
  /** The catalog User the key acts as: a `user:` ref or an email. */
  user?: string;
  /** May send documents outside the trusted-documents manifest (analysts). */
  allowUntrustedDocuments: boolean;
}

const entrySchema = z.object({
  name: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'expected 64 hex characters (the output of sha256sum)').transform((v) => v.toLowerCase()),
  scopes: z.array(z.enum(TOOL_SCOPES)).optional(),
  user: z.string().min(1).optional(),
  allowUntrustedDocuments: z.boolean().optional(),
});

/** Read and check the keys file at start; a mistake names the file, the entry and the field. */
export function loadApiKeys(file: string): ApiKeyEntry[] {
  let raw: unknown;
  try {
    // JSON is YAML, so one parser reads both formats.
    raw = parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'not valid YAML or JSON';
    throw new ConfigError(`Configuration error: API_KEYS_FILE="${file}" cannot be read (${reason}); it must be a YAML or JSON list of { name, sha256, scopes, user }.`);
  }
  const list = Array.isArray(raw) ? raw : (raw as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list)) throw new ConfigError(`Configuration error: API_KEYS_FILE="${file}" must hold a list of { name, sha256, scopes, user }.`);
  const names = new Set<string>();
  return list.map((item, index) => {
    const result = entrySchema.safeParse(item);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new ConfigError(`Configuration error: API_KEYS_FILE="${file}" entry ${index + 1}: ${issue.path.join('.') || 'entry'}: ${issue.message}.`);
    }
    const entry = result.data;
    if (names.has(entry.name)) throw new ConfigError(`Configuration error: API_KEYS_FILE="${file}" has two keys named "${entry.name}"; names identify callers in logs and limits.`);
    names.add(entry.name);
    return {
      name: entry.name,
      sha256: entry.sha256,
      scopes: entry.scopes?.length ? entry.scopes : [...TOOL_SCOPES],
      ...(entry.user && { user: entry.user }),
      allowUntrustedDocuments: entry.allowUntrustedDocuments ?? false,
    };
  });
}
