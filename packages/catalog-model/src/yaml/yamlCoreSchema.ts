/**
 * A js-yaml schema that reads plain scalars exactly as the `yaml` library's default (YAML 1.2
 * core) schema does, so the fast path of parseCatalogFile yields the values the `yaml` path would.
 *
 * js-yaml's own CORE_SCHEMA differs in places a descriptor can hit: it reads `0b101`, `-0x1F` and
 * `-0o17` as numbers and `-.5` or `1e400` as strings; its DEFAULT_SCHEMA also turns unquoted dates
 * into Date objects and honours `<<` merge keys. So each type below copies the test and the
 * conversion of one tag of `yaml` 2 (yaml/dist/schema/core/*.js and common/null.js), in `yaml`'s
 * order, as in both libraries the first type that matches wins.
 */
import { FAILSAFE_SCHEMA, Type } from 'js-yaml';

const tags = new Set<string>();

// Each type needs its own tag (js-yaml keeps one type per tag), and none may be one a document
// can name: for `!!int 1` or `!<...>` written in a file, js-yaml must find no type, so it throws
// and the file takes the `yaml` path. A tag written in YAML cannot contain a space.
function implicit(name: string, test: RegExp, construct: (source: string) => unknown): Type {
  const tag = `devgraph implicit ${name}`;
  tags.add(tag);
  return new Type(tag, { kind: 'scalar', resolve: (source: string) => test.test(source), construct });
}

export const yamlCoreSchema = FAILSAFE_SCHEMA.extend({
  implicit: [
    implicit('null', /^(?:~|[Nn]ull|NULL)?$/, () => null),
    implicit('bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'),
    implicit('int-oct', /^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)),
    implicit('int', /^[-+]?[0-9]+$/, (s) => parseInt(s, 10)),
    implicit('int-hex', /^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)),
    implicit('float-nan', /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) =>
      s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
    ),
    implicit('float-exp', /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s) => parseFloat(s)),
    implicit('float', /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s) => parseFloat(s)),
  ],
});

/** The tags a node ends with when its value came from the types above, not from a tag in the file. */
export const IMPLICIT_TAGS: ReadonlySet<string> = tags;
