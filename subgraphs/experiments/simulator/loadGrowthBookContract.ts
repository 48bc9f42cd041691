import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

export const GROWTHBOOK_OPENAPI_PATH = path.resolve(__dirname, '../../../../shared/upstreams/growthbook-openapi.yaml');

type Node = Record<string, unknown>;

/**
 * GrowthBook's file is generated from zod: an `allOf` of objects that each say
 * `additionalProperties: false`, which no JSON document can satisfy (each branch forbids the
 * other's properties). The intent is "no properties beyond all branches together", which
 * JSON Schema 2020-12 spells `unevaluatedProperties: false` on the `allOf` itself; this rewrites
 * the file that way (inlining referenced branches) and changes nothing else.
 */
function closeAllOfs(doc: Node): Node {
  const schemas = ((doc.components as Node).schemas ?? {}) as Record<string, Node>;
  const open = (branch: Node): Node => {
    const ref = branch.$ref;
    const target = typeof ref === 'string' && ref.startsWith('#/components/schemas/') ? schemas[ref.slice('#/components/schemas/'.length)] : undefined;
    const resolved = target ?? branch;
    if (resolved.additionalProperties !== false) return branch;
    const copy = { ...resolved };
    delete copy.additionalProperties;
    return copy;
  };
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (!value || typeof value !== 'object') return value;
    const node: Node = {};
    for (const [k, v] of Object.entries(value as Node)) node[k] = visit(v);
    if (Array.isArray(node.allOf) && (node.allOf as Node[]).some((b) => open(b) !== b)) {
      node.allOf = (node.allOf as Node[]).map(open);
      node.unevaluatedProperties = false;
    }
    return node;
  };
  return visit(doc) as Node;
}

export interface GrowthBookContract {
  /** Validator for the 200 response of `GET <path>` (`/v1/experiments`, `/v1/experiments/{id}`, ...). */
  response(path: string): ValidateFunction;
}

/** GrowthBook's OpenAPI 3.1 file as JSON Schema 2020-12 validators (ajv), for contract tests. */
export function loadGrowthBookContract(file = GROWTHBOOK_OPENAPI_PATH): GrowthBookContract {
  const doc = closeAllOfs(parse(fs.readFileSync(file, 'utf8')) as Node);
  // OpenAPI adds keywords JSON Schema does not know (`example`, `x-*`): not errors in a contract test.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, 'growthbook');
  const pointer = (p: string) => p.replace(/~/g, '~0').replace(/\//g, '~1');
  return {
    response(apiPath) {
      const ref = `growthbook#/paths/${pointer(apiPath)}/get/responses/200/content/${pointer('application/json')}/schema`;
      const validate = ajv.getSchema(ref);
      if (!validate) throw new Error(`no response schema for GET ${apiPath}`);
      return validate;
    },
  };
}
