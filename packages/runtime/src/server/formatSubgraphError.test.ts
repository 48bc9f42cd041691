import { GraphQLError } from 'graphql';
import { DevgraphError, ErrorCode, UpstreamError } from '../errors';
import { formatSubgraphError } from './formatSubgraphError';
import { memoryLogger } from '../../../../test/support/silentLogger';

describe('formatSubgraphError', () => {
  const { logger, lines } = memoryLogger('catalog');
  const format = formatSubgraphError('catalog', logger);

  it('keeps a DevgraphError code and adds the subgraph name', () => {
    const error = new DevgraphError(ErrorCode.NotFound, 'Entity "x" was not found.');
    expect(format({ message: error.message, extensions: error.extensions }, error)).toEqual({
      message: 'Entity "x" was not found.',
      extensions: { code: 'NOT_FOUND', subgraph: 'catalog' },
    });
  });

  it('masks unexpected errors for the client and logs them in full', () => {
    const original = new Error('connect ECONNREFUSED db.internal:5432');
    const wrapped = new GraphQLError(original.message, { originalError: original });
    const shaped = format({ message: original.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrapped);
    expect(shaped.message).toBe('Internal error; the server log has the details.');
    expect(shaped.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', subgraph: 'catalog' });
    expect(lines.join('\n')).toContain('db.internal:5432');
  });

  it('maps an UpstreamError thrown by a resolver to its shared code', () => {
    const original = new UpstreamError({ upstream: 'github', message: 'rate limit exceeded', status: 429, retryAfterMs: 30000 });
    const shaped = format({ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new GraphQLError('x', { originalError: original }));
    expect(shaped.extensions).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', upstream: 'github', retryAfterMs: 30000, subgraph: 'catalog' });
    expect(shaped.message).toMatch(/^github: rate limit exceeded \(HTTP 429\)/);
  });
});
