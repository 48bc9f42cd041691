/**
 * A small YAML writer for descriptor documents, in the style people write by hand (block
 * mappings, short scalar lists in flow style, `|` blocks for multi-line text), so the benchmark
 * parses what real catalog files look like. Handles the value shapes descriptors use: strings,
 * numbers, booleans, lists and mappings. Not a general YAML serialiser.
 */
export type YamlValue = string | number | boolean | YamlValue[] | { [key: string]: YamlValue | undefined };

/** Several documents as one multi-document file, each opened by `---`. */
export function toYamlDocuments(documents: readonly YamlValue[]): string {
  return documents.map((doc) => `---\n${block(doc, 0).join('\n')}\n`).join('');
}

const PLAIN = /^[A-Za-z0-9$./][A-Za-z0-9 $._/:;@+,()'-]*$/;
const PLAIN_IN_FLOW = /^[A-Za-z0-9][A-Za-z0-9._/:+-]*$/;
// Scalars YAML would read as something other than a string (YAML 1.1 spellings included,
// since other tools read catalog files too).
const NOT_A_STRING = /^(?:true|false|yes|no|on|off|null|~|[-+]?(?:\d[\d_]*)?\.?\d+(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+)$/i;

function scalar(value: string | number | boolean, inFlow = false): string {
  if (typeof value !== 'string') return String(value);
  const plain = (inFlow ? PLAIN_IN_FLOW : PLAIN).test(value) && !NOT_A_STRING.test(value) && !/: | #|[ :]$/.test(value);
  // A JSON string is a valid double-quoted YAML scalar.
  return plain ? value : JSON.stringify(value);
}

const isScalar = (value: YamlValue): value is string | number | boolean => typeof value !== 'object';

function block(value: YamlValue, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (isScalar(value)) return [`${pad}${scalar(value)}`];
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (isScalar(item)) return [`${pad}- ${scalar(item)}`];
      const [first = '', ...rest] = block(item, indent + 2);
      return [`${pad}- ${first.trimStart()}`, ...rest];
    });
  }
  const lines: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const label = `${pad}${scalar(key)}:`;
    if (typeof item === 'string' && item.includes('\n')) {
      lines.push(`${label} |`, ...item.replace(/\n$/, '').split('\n').map((line) => (line ? `${pad}  ${line}` : '')));
    } else if (isScalar(item)) {
      lines.push(`${label} ${scalar(item)}`);
    } else if (Array.isArray(item) && item.length === 0) {
      lines.push(`${label} []`);
    } else if (Array.isArray(item) && item.every((x) => typeof x === 'string' && PLAIN_IN_FLOW.test(x)) && item.join(', ').length <= 60) {
      lines.push(`${label} [${item.map((x) => scalar(x as string, true)).join(', ')}]`);
    } else if (!Array.isArray(item) && Object.keys(item).length === 0) {
      lines.push(`${label} {}`);
    } else {
      lines.push(label, ...block(item, indent + 2));
    }
  }
  return lines;
}
