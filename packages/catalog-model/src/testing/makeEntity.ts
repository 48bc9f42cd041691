/**
 * Builds a valid CatalogEntity from a short description through the real validator, so tests of
 * the index and relations use exactly what the reader would produce.
 */
import { validateEntity } from '../entity/validateEntity';
import type { CatalogEntity } from '../types';

export interface EntityShorthand {
  kind: string;
  name: string;
  namespace?: string;
  title?: string;
  description?: string;
  tags?: string[];
  spec?: Record<string, unknown>;
}

const DEFAULT_SPECS: Record<string, Record<string, unknown>> = {
  component: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  api: { type: 'openapi', lifecycle: 'production', owner: 'team-a', definition: 'openapi: 3.0.0' },
  system: { owner: 'team-a' },
  domain: { owner: 'team-a' },
  resource: { type: 'database', owner: 'team-a' },
  group: { type: 'team', children: [] },
  user: { memberOf: [] },
  location: { target: './x.yaml' },
};

export function makeEntity(e: EntityShorthand, documentIndex = 0): CatalogEntity {
  const document = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: e.kind,
    metadata: {
      name: e.name,
      ...(e.namespace && { namespace: e.namespace }),
      ...(e.title && { title: e.title }),
      ...(e.description && { description: e.description }),
      ...(e.tags && { tags: e.tags }),
    },
    spec: { ...DEFAULT_SPECS[e.kind.toLowerCase()], ...e.spec },
  };
  const result = validateEntity(document, { file: '/catalog/test.yaml', documentIndex, line: 1 });
  if (!result.ok) throw new Error(`test entity is invalid: ${result.message}`);
  return result.entity;
}
