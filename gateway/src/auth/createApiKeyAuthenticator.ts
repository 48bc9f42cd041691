import crypto from 'node:crypto';
import type { ApiKeyEntry } from './loadApiKeys';
import { AuthenticationError } from './AuthenticationError';
import type { Identity } from './Identity';
import { userFields } from './userFields';

/**
 * Look a bearer key up by its SHA-256. Every entry is compared, in constant time, so how long
 * the answer takes says nothing about how close a guess was.
 */
export function createApiKeyAuthenticator(entries: readonly ApiKeyEntry[]): (key: string) => Identity {
  const digests = entries.map((entry) => ({ entry, digest: Buffer.from(entry.sha256, 'hex') }));
  return (key) => {
    const digest = crypto.createHash('sha256').update(key, 'utf8').digest();
    let found: ApiKeyEntry | undefined;
    for (const candidate of digests) {
      if (crypto.timingSafeEqual(candidate.digest, digest) && !found) found = candidate.entry;
    }
    if (!found) throw new AuthenticationError('The API key is not known: check the key, or ask for one to be added to API_KEYS_FILE.');
    return {
      kind: 'apikey',
      subject: found.name,
      ...userFields(found.user),
      scopes: new Set(found.scopes),
      mayUseUntrustedDocuments: found.allowUntrustedDocuments,
    };
  };
}
