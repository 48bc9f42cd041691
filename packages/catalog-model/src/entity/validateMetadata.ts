/**
 * `metadata` of an entity, checked as Backstage's `FieldFormatEntityPolicy` does (name, namespace,
 * tags, label and annotation keys and values, links) and normalised with the defaults the rest of
 * devgraph relies on (namespace `default`, empty tags/labels/annotations/links).
 */
import { DEFAULT_NAMESPACE, ENTITY_NAME_RULE, NAMESPACE_RULE, isValidEntityName, isValidNamespace } from './entityRef';
import type { EntityLink, EntityMetadata } from '../types';
import { describeType, isRecord, type Violations } from './valueChecks';

/** Backstage's tag rule (`makeValidator` default `isValidTag`). */
const TAG_PATTERN = /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/;
const DNS_LABEL = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Returns the normalised metadata, or undefined when it is too broken to build one. */
export function validateMetadata(value: unknown, v: Violations): EntityMetadata | undefined {
  if (value === undefined) {
    v.add([], 'metadata is required');
    return undefined;
  }
  if (!isRecord(value)) {
    v.add(['metadata'], `metadata must be a mapping, found ${describeType(value)}`);
    return undefined;
  }
  const { name, namespace } = value;
  if (name === undefined) v.add(['metadata'], 'metadata.name is required');
  else if (typeof name !== 'string') v.add(['metadata', 'name'], `metadata.name must be a string, found ${describeType(name)}`);
  else if (!isValidEntityName(name)) {
    v.add(['metadata', 'name'], `metadata.name ${JSON.stringify(name)} does not match ${ENTITY_NAME_RULE}`);
  }
  if (namespace !== undefined && !isValidNamespace(namespace)) {
    v.add(['metadata', 'namespace'], `metadata.namespace ${JSON.stringify(namespace)} does not match ${NAMESPACE_RULE}`);
  }
  const title = optionalString(value, 'title', v);
  const description = optionalString(value, 'description', v);
  const tags = checkTags(value.tags, v);
  const labels = checkStringMap(value.labels, 'labels', v);
  const annotations = checkStringMap(value.annotations, 'annotations', v);
  const links = checkLinks(value.links, v);
  if (typeof name !== 'string' || !tags || !labels || !annotations || !links) return undefined;
  return {
    name,
    namespace: typeof namespace === 'string' ? namespace : DEFAULT_NAMESPACE,
    ...(title !== undefined && { title }),
    ...(description !== undefined && { description }),
    tags,
    labels,
    annotations,
    links,
  };
}

function optionalString(metadata: Record<string, unknown>, field: string, v: Violations): string | undefined {
  const value = metadata[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    v.add(['metadata', field], `metadata.${field} must be a string, found ${describeType(value)}`);
    return undefined;
  }
  return value;
}

function checkTags(value: unknown, v: Violations): string[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    v.add(['metadata', 'tags'], `metadata.tags must be a list of strings, found ${describeType(value)}`);
    return undefined;
  }
  let ok = true;
  value.forEach((tag: unknown, i) => {
    if (typeof tag !== 'string') {
      v.add(['metadata', 'tags', i], `metadata.tags[${i}] must be a string, found ${describeType(tag)}`);
      ok = false;
    } else if (tag.length > 63 || !TAG_PATTERN.test(tag)) {
      v.add(
        ['metadata', 'tags', i],
        `metadata.tags[${i}] ${JSON.stringify(tag)} is not a valid tag (lower-case letters, digits, ":", "+" or "#", separated by "-", at most 63 characters)`,
      );
      ok = false;
    }
  });
  return ok ? (value as string[]) : undefined;
}

/** labels and annotations: `[prefix/]name` keys, string values (label values also name-shaped). */
function checkStringMap(value: unknown, field: 'labels' | 'annotations', v: Violations): Record<string, string> | undefined {
  if (value === undefined) return {};
  if (!isRecord(value)) {
    v.add(['metadata', field], `metadata.${field} must be a mapping of strings, found ${describeType(value)}`);
    return undefined;
  }
  let ok = true;
  for (const [key, item] of Object.entries(value)) {
    if (!isValidPrefixedKey(key)) {
      v.add(['metadata', field, key], `metadata.${field} key ${JSON.stringify(key)} must be [<dns-subdomain>/]<name>, e.g. example.com/my-key`);
      ok = false;
    }
    if (typeof item !== 'string') {
      const hint = typeof item === 'number' || typeof item === 'boolean' ? ` (quote it: "${String(item)}")` : '';
      v.add(['metadata', field, key], `metadata.${field}.${key} must be a string, found ${describeType(item)}${hint}`);
      ok = false;
    } else if (field === 'labels' && item !== '' && !isValidEntityName(item)) {
      v.add(['metadata', field, key], `metadata.labels.${key} value ${JSON.stringify(item)} does not match ${ENTITY_NAME_RULE}`);
      ok = false;
    }
  }
  return ok ? (value as Record<string, string>) : undefined;
}

function isValidPrefixedKey(key: string): boolean {
  const parts = key.split('/');
  if (parts.length === 1) return isValidEntityName(parts[0]);
  if (parts.length !== 2) return false;
  const [prefix = '', suffix] = parts;
  const dnsSubdomain = prefix.length <= 253 && prefix.split('.').every((l) => l.length <= 63 && DNS_LABEL.test(l));
  return dnsSubdomain && isValidEntityName(suffix);
}

function checkLinks(value: unknown, v: Violations): EntityLink[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    v.add(['metadata', 'links'], `metadata.links must be a list, found ${describeType(value)}`);
    return undefined;
  }
  let ok = true;
  value.forEach((link: unknown, i) => {
    const path = ['metadata', 'links', i];
    if (!isRecord(link)) {
      v.add(path, `metadata.links[${i}] must be a mapping with a url, found ${describeType(link)}`);
      ok = false;
      return;
    }
    if (link.url === undefined) {
      v.add(path, `metadata.links[${i}].url is required`);
      ok = false;
    } else if (typeof link.url !== 'string' || !URL.canParse(link.url)) {
      v.add([...path, 'url'], `metadata.links[${i}].url must be an absolute URL, found ${describeType(link.url)}`);
      ok = false;
    }
    for (const field of ['title', 'icon', 'type']) {
      if (link[field] !== undefined && typeof link[field] !== 'string') {
        v.add([...path, field], `metadata.links[${i}].${field} must be a string, found ${describeType(link[field])}`);
        ok = false;
      }
    }
  });
  return ok ? (value as EntityLink[]) : undefined;
}
