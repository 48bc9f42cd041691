/**
 * `JSON.stringify` made safe to place inside a `<script>` element.
 *
 * The HTML parser ends a script at the first `</script` whatever the JSON means, and `<!--`
 * changes how it looks for that end, so every `<` is written as `\u003c` (and `>`, `&` for
 * good measure). U+2028/U+2029 are escaped because they end a line in older JavaScript
 * parsers. All of these are plain JSON string escapes: `JSON.parse` gives the original back.
 */
export function serializeForScriptTag(value: unknown): string {
  return (JSON.stringify(value) ?? 'null')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
