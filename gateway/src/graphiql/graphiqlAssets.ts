import { Router } from 'express';
import { graphiqlAssetFiles, type GraphiqlAsset } from './graphiqlAssetFiles';
import { ErrorCode, sendRejection } from '@devgraph/runtime';

const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * Express router serving the GraphiQL page's static files from the installed packages, so the
 * page works with no network at all. Mount it at the `assetsPath` given to `useGraphiql`
 * (default `/graphiql/assets`):
 *
 * ```ts
 * app.use('/graphiql/assets', graphiqlAssets());
 * ```
 *
 * Only the four allow-listed files are served, looked up by exact path: nothing in the request
 * is ever joined to a file system path, so `..` or encoded variants cannot escape. Anything
 * else under the prefix is a 404. URLs carry the package version, hence the immutable cache.
 */
export function graphiqlAssets(): Router {
  const byUrlPath = new Map<string, GraphiqlAsset>(Object.values(graphiqlAssetFiles()).map((a) => [`/${a.urlPath}`, a]));
  const router = Router();
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    const found = byUrlPath.get(req.path);
    if (!found) {
      sendRejection(res, { status: 404, code: ErrorCode.NotFound, message: `No GraphiQL asset at ${req.baseUrl}${req.path}.` });
      return;
    }
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.sendFile(
      found.filePath,
      // Setting the type through `headers` wins over send's extension guess ('headers' fires first).
      { maxAge: ONE_YEAR_MS, immutable: true, headers: { 'Content-Type': found.contentType } },
      (error) => {
        if (error && !res.headersSent) next(error);
      },
    );
  });
  return router;
}
