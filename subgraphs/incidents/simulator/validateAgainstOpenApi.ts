import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export const PAGERDUTY_OPENAPI = path.resolve(__dirname, '../../../../shared/upstreams/pagerduty-rest-openapiv3.json');

/**
 * OpenAPI 3.0 is not JSON Schema: `nullable: true` has to become `type: [t, 'null']` (or an
 * `anyOf` with null where there is no `type`). Applied to the whole document once.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === 'example' || key === 'examples' ? undefined : toJsonSchema(value);
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

/**
 * Validators for PagerDuty's documented 200 responses, by path and method, e.g.
 * `validatorFor('/incidents')`. PagerDuty's own formats (`url`, `tzinfo`, `activesupport-time-zone`) are accepted as any string.
 */
export function createOpenApiValidators(specPath = PAGERDUTY_OPENAPI) {
  const spec = toJsonSchema(JSON.parse(fs.readFileSync(specPath, 'utf8'))) as { components: { schemas: Record<string, unknown> } };
  // A known defect of PagerDuty's file: AcknowledgeLogEntry narrows `type` to
  // "acknowledgement_log_entry" while its base LogEntry allows only "acknowledge_log_entry" (what
  // the API sends), so no acknowledge entry could ever validate. Align it with the wire format.
  const ack = spec.components.schemas.AcknowledgeLogEntry as { allOf: { properties?: { type?: { enum: string[] } } }[] };
  ack.allOf[1]!.properties!.type!.enum = ['acknowledge_log_entry'];
  // Incident.resolved_at is documented as "`null` if the incident is not resolved" (and the API
  // sends null) but is not marked nullable.
  const incident = spec.components.schemas.Incident as { allOf: { properties: Record<string, { type?: unknown }> }[] };
  incident.allOf[1]!.properties.resolved_at!.type = ['string', 'null'];
  // Channel's variants (NagiosChannel, APIChannel, ...) share every property and none is
  // required, so any channel matches several and its `oneOf` can never pass: read it as `anyOf`.
  const channel = spec.components.schemas.Channel as { oneOf?: unknown; anyOf?: unknown };
  channel.anyOf = channel.oneOf;
  delete channel.oneOf;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const format of ['url', 'tzinfo', 'activesupport-time-zone']) ajv.addFormat(format, true);
  ajv.addSchema({ ...spec, $id: 'pagerduty' });
  const cache = new Map<string, ValidateFunction>();
  return function validatorFor(apiPath: string, method = 'get'): ValidateFunction {
    const pointer = `pagerduty#/paths/${apiPath.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/responses/200/content/application~1json/schema`;
    let validate = cache.get(pointer);
    if (!validate) {
      validate = ajv.getSchema(pointer);
      if (!validate) throw new Error(`no 200 response schema for ${method.toUpperCase()} ${apiPath}`);
      cache.set(pointer, validate);
    }
    return validate;
  };
}
