export type { Cache, CacheSetOptions } from './Cache';
export type { CacheEntry } from './CacheEntry';
export { createMemoryCache, type MemoryCacheOptions } from './createMemoryCache';
export { createRedisCache, type RedisCacheOptions } from './createRedisCache';
export { createCache, type CreateCacheOptions } from './createCache';
export { cached, cacheKey, type CachePolicy, type CachedResult, type CachedOptions } from './cached';
export { cachedBatch, type CachedBatchRequest, type BatchLoad } from './cachedBatch';
export { createSingleFlight, type SingleFlight } from './createSingleFlight';
