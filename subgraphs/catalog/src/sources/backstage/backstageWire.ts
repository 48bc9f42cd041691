/**
 * Backstage catalog REST API shapes devgraph relies on (@backstage/catalog-client's
 * `QueryEntitiesResponse` and `GetEntitiesByRefsResponse`, as they travel over HTTP).
 */

export interface BackstageRelation {
  type: string;
  targetRef: string;
}

export interface BackstageEntity {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    etag?: string;
    annotations?: Record<string, string>;
    [field: string]: unknown;
  };
  spec?: Record<string, unknown>;
  relations?: BackstageRelation[];
  [field: string]: unknown;
}

/** `GET /api/catalog/entities/by-query` */
export interface BackstageQueryResponse {
  items: BackstageEntity[];
  totalItems: number;
  pageInfo: { nextCursor?: string; prevCursor?: string };
}

/** `POST /api/catalog/entities/by-refs`: one item per requested ref, in order, null for a miss. */
export interface BackstageByRefsResponse {
  items: (BackstageEntity | null)[];
}

/** Every Backstage backend error body (`@backstage/errors` `ErrorResponseBody`). */
export interface BackstageErrorBody {
  error: { name: string; message: string };
  request?: { method: string; url: string };
  response: { statusCode: number };
}

/** Where Backstage says an entity's descriptor came from. */
export const ORIGIN_LOCATION_ANNOTATION = 'backstage.io/managed-by-origin-location';
export const MANAGED_BY_LOCATION_ANNOTATION = 'backstage.io/managed-by-location';
