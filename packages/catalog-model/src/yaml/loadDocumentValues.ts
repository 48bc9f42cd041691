/**
 * The values of every YAML document in a file, read by js-yaml (about ten times faster than the
 * `yaml` library's documents + toJS), or undefined when js-yaml fails or when the file uses
 * something js-yaml and `yaml` treat differently; the caller then parses it with `yaml`, whose
 * result (values, errors, lines) is the reference.
 */
import { loadAll, type State } from 'js-yaml';
import { IMPLICIT_TAGS, yamlCoreSchema } from './yamlCoreSchema';

/** What js-yaml's listener sees and its typings leave out. */
interface NodeState extends State {
  tag: string | null;
  anchor: string | null;
}

/** Thrown from the listener to stop js-yaml at the first node that needs the `yaml` path. */
class NeedsYaml extends Error {}

export function loadDocumentValues(text: string): unknown[] | undefined {
  // A tab in the indentation of a line, blank or not: `yaml` rejects some that js-yaml accepts
  // (a tab-only line after a block scalar).
  if (text.includes('\t') && /^ *\t/m.test(text)) return undefined;
  // An explicit key (`? key`), which may be a collection, or have no value: `yaml` and js-yaml
  // make different keys of those, and the listener cannot tell such a key from a value.
  if (text.includes('?') && /(?:^|[\s,[{])\?(?:\s|$)/m.test(text)) return undefined;
  // The line each open node started on (a node's events nest, so a stack pairs them).
  const openLines: number[] = [];
  const listener = (event: 'open' | 'close', state: State) => {
    if (event === 'open') openLines.push(state.line);
    else checkNode(state as NodeState, openLines.pop() ?? state.line);
  };
  try {
    return loadAll(text, null, { schema: yamlCoreSchema, listener });
  } catch {
    // A YAML error (the `yaml` path words and places it) or NeedsYaml.
    return undefined;
  }
}

/**
 * Throws NeedsYaml for a node that js-yaml reads differently from `yaml`, or accepts where `yaml`
 * reports an error. Called once per node, after js-yaml has read it.
 */
function checkNode(state: NodeState, openLine: number): void {
  // Anchors, and so aliases (which need an anchor in the same document): `yaml` counts alias
  // expansions and rejects alias bombs, js-yaml shares the node however often it is used.
  if (state.anchor !== null) throw new NeedsYaml();
  // A tag written in the file (`!!str`, `!`, ...); a plain scalar ends with '?' or an implicit tag.
  if (state.tag !== null && state.tag !== '?' && !IMPLICIT_TAGS.has(state.tag)) throw new NeedsYaml();

  const { input, position } = state;
  const before = input.charCodeAt(position - 1);
  // `"value"#comment`: `yaml` requires white space before a comment.
  if (input.charCodeAt(position) === 0x23 /* # */ && !isWhiteSpace(before)) throw new NeedsYaml();

  const collection = state.kind === 'mapping' || state.kind === 'sequence';
  const flow = collection ? before === 0x5d /* ] */ || before === 0x7d /* } */ : before === 0x22 /* " */ || before === 0x27; /* ' */
  // `yaml` rejects a flow collection or a quoted string continued on a line indented no deeper
  // than its parent, which js-yaml accepts: any of them over several lines goes the `yaml` way.
  if (flow && state.line !== openLine) throw new NeedsYaml();
  // A collection or a null used as a key: `yaml` makes the key `[ a ]` or "", js-yaml `a` or "null".
  if ((collection || state.result === null) && isKey(input, position)) throw new NeedsYaml();
}

/** Whether the node ending at `position` is followed by `:` as a mapping key is (or may be). */
function isKey(input: string, position: number): boolean {
  let i = position;
  for (;;) {
    const c = input.charCodeAt(i);
    if (isWhiteSpace(c)) i += 1;
    else if (c === 0x23 /* # */) {
      while (i < input.length && input.charCodeAt(i) !== 0x0a) i += 1;
    } else break;
  }
  if (input.charCodeAt(i) !== 0x3a /* : */) return false;
  const after = input.charCodeAt(i + 1);
  return Number.isNaN(after) || after === 0 || /[\s,[\]{}]/.test(String.fromCharCode(after));
}

const isWhiteSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
