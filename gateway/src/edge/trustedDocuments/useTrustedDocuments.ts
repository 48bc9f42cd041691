import type { Request, RequestHandler, Response } from 'express';
import { ErrorCode, sendRejection } from '@devgraph/runtime';
import { ANONYMOUS, type Identity } from '../../auth/Identity';
import type { TrustedDocuments } from './loadTrustedDocuments';

/** `TRUSTED_DOCUMENTS`: `off` runs any document; `allow` serves manifest ids and runs others too; `only` runs manifest documents alone. */
export type TrustedDocumentsMode = 'off' | 'allow' | 'only';

/** Options of {@link useTrustedDocuments}. */
export interface TrustedDocumentsOptions {
  mode: Exclude<TrustedDocumentsMode, 'off'>;
  documents: TrustedDocuments;
}

/** What a request names: its full text, an id, and the rest of its extensions. */
interface RequestedDocument {
  query?: string;
  documentId?: string;
  extensions: Record<string, unknown>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function persistedQueryHash(extensions: Record<string, unknown>): string | undefined {
  const persisted = extensions.persistedQuery;
  return isObject(persisted) && typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
}

/** Reads the document fields of a POST body or a GET query string; anything malformed is left for Apollo to reject. */
function requestedDocument(req: Request): RequestedDocument {
  if (req.method === 'POST') {
    const body = isObject(req.body) ? req.body : {};
    return {
      query: typeof body.query === 'string' ? body.query : undefined,
      documentId: typeof body.documentId === 'string' ? body.documentId : undefined,
      extensions: isObject(body.extensions) ? body.extensions : {},
    };
  }
  const params = new URLSearchParams(searchOf(req));
  let extensions: unknown;
  try {
    extensions = JSON.parse(params.get('extensions') ?? '{}');
  } catch {
    extensions = {};
  }
  return { query: params.get('query') ?? undefined, documentId: params.get('documentId') ?? undefined, extensions: isObject(extensions) ? extensions : {} };
}

function searchOf(req: Request): string {
  const start = req.originalUrl.indexOf('?');
  return start >= 0 ? req.originalUrl.slice(start) : '';
}

/**
 * Rewrites a `documentId` request (GraphQL Code Generator client preset style) as the APQ
 * request Apollo Server understands (`extensions.persistedQuery.sha256Hash`), so both styles
 * are served by the same lookup (`trustedDocumentCache`). A GET is rewritten in `originalUrl`,
 * which is where the request handler reads the query string from.
 */
function asPersistedQuery(req: Request, requested: RequestedDocument, id: string): void {
  const extensions = { ...requested.extensions, persistedQuery: { version: 1, sha256Hash: id } };
  if (req.method === 'POST') {
    const body = req.body as Record<string, unknown>;
    delete body.documentId;
    body.extensions = extensions;
    return;
  }
  const params = new URLSearchParams(searchOf(req));
  params.delete('documentId');
  params.set('extensions', JSON.stringify(extensions));
  req.originalUrl = `${req.originalUrl.split('?', 1)[0]}?${params.toString()}`;
}

/**
 * Trusted documents (persisted queries with a manifest) on the GraphQL route, after the body is
 * parsed and before Apollo Server sees the request, so an untrusted document is turned away
 * before it is even parsed. In `only` mode a request runs when its full text is a manifest
 * document (exactly) or it names a manifest id; anything else is 400
 * `PERSISTED_QUERY_NOT_ALLOWED`. An identity with `mayUseUntrustedDocuments` (an analyst's API
 * key) is exempt. In `allow` mode nothing is refused; ids are served from the manifest.
 */
export function useTrustedDocuments(options: TrustedDocumentsOptions): RequestHandler {
  const { documents } = options;
  return (req: Request, res: Response, next) => {
    const requested = requestedDocument(req);
    const id = requested.documentId ?? persistedQueryHash(requested.extensions);
    if (requested.query === undefined && requested.documentId !== undefined) asPersistedQuery(req, requested, requested.documentId);
    if (options.mode === 'allow') return next();
    const identity = (res.locals.identity as Identity | undefined) ?? ANONYMOUS;
    if (identity.mayUseUntrustedDocuments) return next();
    // Neither text nor id: not a GraphQL request; Apollo Server says so with its own 400.
    if (requested.query === undefined && id === undefined) return next();
    const trusted = requested.query !== undefined ? documents.texts.has(requested.query) : documents.byId.has(id ?? '');
    if (trusted) return next();
    sendRejection(res, {
      status: 400,
      code: ErrorCode.PersistedQueryNotAllowed,
      message:
        requested.query !== undefined
          ? 'This gateway runs trusted documents only: send the documentId (or extensions.persistedQuery.sha256Hash) of an operation in its manifest, not a new document.'
          : 'This gateway runs trusted documents only, and this id is not in its manifest: rebuild the client against the current manifest.',
    });
  };
}
