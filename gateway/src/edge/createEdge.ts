import type { RequestHandler } from 'express';
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { Redis } from 'ioredis';
import type { Logger } from '@devgraph/runtime';
import type { GatewayConfig } from '../config';
import { graphiqlContentSecurityPolicy } from '../graphiql/graphiqlContentSecurityPolicy';
import { useSecurityHeaders } from './useSecurityHeaders';
import { useCors } from './useCors';
import { useRateLimit } from './rateLimit/useRateLimit';
import { createMemoryRateLimitStore } from './rateLimit/createMemoryRateLimitStore';
import { createRedisRateLimitStore } from './rateLimit/createRedisRateLimitStore';
import { loadTrustedDocuments } from './trustedDocuments/loadTrustedDocuments';
import { trustedDocumentCache } from './trustedDocuments/trustedDocumentCache';
import { useTrustedDocuments } from './trustedDocuments/useTrustedDocuments';

/** The gateway's edge, built from config, in the places `startGateway` mounts it. */
export interface Edge {
  /** First in the app: security headers on every response. */
  headers: RequestHandler[];
  /** In front of `/graphql`, before auth: a preflight carries no credentials. */
  cors: RequestHandler[];
  /** In front of `/graphql`, after the identity is known: the rate limit. */
  beforeGraphQL: RequestHandler[];
  /** Last check before Apollo Server (the body is parsed): trusted documents. */
  beforeExecution: RequestHandler[];
  /** Apollo Server options the edge decides: introspection, suggestions, the APQ cache. */
  apollo: Pick<ApolloServerOptionsWithGateway<BaseContext>, 'introspection' | 'hideSchemaDetailsFromClientErrors' | 'persistedQueries'>;
  close(): Promise<void>;
}

export interface EdgeDependencies {
  logger: Logger;
  /** The rate limit's clock. @default Date.now */
  now?: () => number;
}

/**
 * Assembles the edge features from config: each is its own `useX` factory in this folder; this
 * only decides which are on. The manifest is read here, at start, so a bad one stops the start.
 */
export function createEdge(config: GatewayConfig, deps: EdgeDependencies): Edge {
  const closers: (() => Promise<unknown>)[] = [];
  const cors = config.corsOrigins.length > 0 ? [useCors({ origins: config.corsOrigins })] : [];
  const beforeGraphQL: RequestHandler[] = [];
  if (config.rateLimitPerMinute > 0) {
    const perMinute = config.rateLimitPerMinute;
    let store = createMemoryRateLimitStore({ perMinute });
    if (config.redisUrl) {
      // Same client settings as the shared cache: never block a request on a dead Redis.
      const redis = new Redis(config.redisUrl, { lazyConnect: true, commandTimeout: 500, connectTimeout: 1000, maxRetriesPerRequest: 1, retryStrategy: (times) => Math.min(times * 200, 2000), disconnectTimeout: 100 });
      redis.on('error', (error: Error) => deps.logger.debug({ err: error }, 'rate limit Redis error'));
      store = createRedisRateLimitStore({ redis, perMinute, prefix: config.cachePrefix });
      closers.push(async () => redis.disconnect());
    }
    closers.push(() => store.close());
    beforeGraphQL.push(useRateLimit({ perMinute, store, logger: deps.logger, now: deps.now }));
  }

  const beforeExecution: RequestHandler[] = [];
  let persistedQueries: Edge['apollo']['persistedQueries'];
  if (config.trustedDocuments !== 'off' && config.trustedDocumentsPath) {
    const documents = loadTrustedDocuments(config.trustedDocumentsPath);
    beforeExecution.push(useTrustedDocuments({ mode: config.trustedDocuments, documents }));
    persistedQueries = { cache: trustedDocumentCache(documents) };
  }

  return {
    headers: useSecurityHeaders({ htmlContentSecurityPolicy: graphiqlContentSecurityPolicy() }),
    cors,
    beforeGraphQL,
    beforeExecution,
    apollo: {
      introspection: config.introspection,
      // "Did you mean ...?" names fields a client did not know: it goes with introspection.
      hideSchemaDetailsFromClientErrors: !config.introspection,
      ...(persistedQueries ? { persistedQueries } : {}),
    },
    async close() {
      await Promise.all(closers.map((close) => close()));
    },
  };
}
