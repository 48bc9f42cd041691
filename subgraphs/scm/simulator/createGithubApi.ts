import express, { type Response, type Router } from 'express';
import { execute, GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { createGithubRoot, type RateLimitState } from './createGithubRoot';
import { GithubError } from './GithubError';
import type { GithubSeed } from './seedTypes';

export interface GithubApiOptions {
  schema: GraphQLSchema;
  seed: GithubSeed;
  /** The only token accepted, as `Authorization: bearer <token>` (or `token <token>`). */
  token: string;
  rateLimit: RateLimitState;
}

const DOCS = 'https://docs.github.com/graphql';

function setRateLimitHeaders(res: Response, state: RateLimitState) {
  res.setHeader('x-ratelimit-limit', String(state.limit));
  res.setHeader('x-ratelimit-remaining', String(Math.max(0, state.remaining)));
  res.setHeader('x-ratelimit-used', String(state.used));
  res.setHeader('x-ratelimit-reset', String(Math.floor(state.resetAt.getTime() / 1000)));
  res.setHeader('x-ratelimit-resource', 'graphql');
}

/** GitHub's error entry: `type` beside message, path and locations (not inside `extensions`). */
function githubErrorShape(error: GraphQLError) {
  const original = error.originalError;
  return {
    ...(original instanceof GithubError ? { type: original.type } : {}),
    path: error.path,
    locations: error.locations,
    message: error.message,
  };
}

/**
 * `POST /graphql` as GitHub answers it: 401 with GitHub's body for a missing or wrong token;
 * HTTP 200 for everything else, with `errors` for syntax and validation failures (against the
 * real schema), `RATE_LIMITED` when the budget is spent, and partial `data` plus a typed error
 * (`NOT_FOUND`, ...) per failing field. Each answered query costs one point, like a small query.
 */
export function createGithubApi(options: GithubApiOptions): Router {
  const { schema, token, rateLimit } = options;
  const root = createGithubRoot(options.seed, () => rateLimit);
  const router = express.Router();
  // `/api/graphql` is where GitHub Enterprise Server answers (GITHUB_API_URL=https://host/api).
  router.post(['/graphql', '/api/graphql'], (req, res) => {
    const auth = /^(?:bearer|token)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!auth) {
      res.status(401).json({ message: 'This endpoint requires you to be authenticated.', documentation_url: DOCS, status: '401' });
      return;
    }
    if (auth[1] !== token) {
      res.status(401).json({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
      return;
    }
    setRateLimitHeaders(res, rateLimit);
    if (rateLimit.remaining <= 0) {
      res.json({ errors: [{ type: 'RATE_LIMITED', code: 'graphql_rate_limit', message: 'API rate limit already exceeded for user ID 1.' }] });
      return;
    }
    const body = (req.body ?? {}) as { query?: unknown; variables?: Record<string, unknown>; operationName?: string };
    if (typeof body.query !== 'string') {
      res.status(400).json({ message: 'Problems parsing JSON', documentation_url: DOCS });
      return;
    }
    let document: DocumentNode;
    try {
      document = parse(body.query);
    } catch (error) {
      res.json({ errors: [{ message: (error as GraphQLError).message, locations: (error as GraphQLError).locations }] });
      return;
    }
    const invalid = validate(schema, document);
    if (invalid.length > 0) {
      res.json({ errors: invalid.map((e) => ({ path: e.path, extensions: { code: 'graphqlValidationError' }, locations: e.locations, message: e.message })) });
      return;
    }
    rateLimit.remaining -= rateLimit.cost;
    rateLimit.used += rateLimit.cost;
    setRateLimitHeaders(res, rateLimit);
    Promise.resolve(execute({ schema, document, rootValue: root, variableValues: body.variables, operationName: body.operationName }))
      .then((result) => res.json({ data: result.data ?? null, ...(result.errors?.length ? { errors: result.errors.map(githubErrorShape) } : {}) }))
      .catch((error: Error) => res.status(502).json({ message: `Server Error: ${error.message}` }));
  });
  return router;
}
