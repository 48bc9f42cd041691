import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { TrustedDocuments } from './loadTrustedDocuments';

/** The prefix Apollo Server puts before an APQ hash in its `persistedQueries.cache`. */
const APQ_PREFIX = 'apq:';

/**
 * Apollo Server's APQ cache with the manifest in front: a request carrying only
 * `extensions.persistedQuery.sha256Hash` of a trusted document is served from the manifest (GET
 * or POST, through Apollo's own APQ code), and documents registered the APQ way are kept in
 * `registered` as before. Manifest entries cannot be overwritten or evicted.
 */
export function trustedDocumentCache(documents: TrustedDocuments, registered: KeyValueCache<string> = new InMemoryLRUCache<string>()): KeyValueCache<string> {
  const idOf = (key: string): string => (key.startsWith(APQ_PREFIX) ? key.slice(APQ_PREFIX.length) : key);
  return {
    async get(key) {
      return documents.byId.get(idOf(key)) ?? registered.get(key);
    },
    async set(key: string, value: string, options?: KeyValueCacheSetOptions) {
      if (documents.byId.has(idOf(key))) return;
      await registered.set(key, value, options);
    },
    async delete(key) {
      return registered.delete(key);
    },
  };
}
