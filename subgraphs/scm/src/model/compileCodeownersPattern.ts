/**
 * A CODEOWNERS pattern as GitHub reads it (gitignore rules, minus what GitHub does not support)
 * turned into a RegExp over repository-relative file paths (`src/app.ts`, no leading slash):
 * - a `/` at the start or in the middle anchors the pattern to the repository root; otherwise it
 *   matches at any depth (`*.js`, `apps/`);
 * - `*` and `?` never cross a `/`; `**` does (`**\/logs`, `docs/**`, `a/**\/b`);
 * - a trailing `/` matches a directory and everything beneath it; a pattern without one matches a
 *   file or a directory of that name (and everything beneath) - except `dir/*`, which GitHub
 *   documents as matching only the files directly inside `dir`.
 * Returns undefined for what GitHub rejects: `!` negation, `[...]` ranges, an empty pattern.
 */
export function compileCodeownersPattern(pattern: string): RegExp | undefined {
  if (pattern === '' || pattern.startsWith('!') || /(^|[^\\])[[\]]/.test(pattern)) return undefined;
  let body = pattern;
  const directoryOnly = body.endsWith('/');
  if (directoryOnly) body = body.slice(0, -1);
  const anchored = body.startsWith('/') || body.includes('/');
  if (body.startsWith('/')) body = body.slice(1);
  if (body === '') return directoryOnly ? /^.*$/ : undefined;

  let source = '';
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char === '*' && body[i + 1] === '*') {
      const atStart = i === 0;
      const slashAfter = body[i + 2] === '/';
      const atEnd = i + 2 === body.length;
      if ((atStart || body[i - 1] === '/') && slashAfter) {
        source += '(?:.*/)?'; // `**/` : zero or more directories
        i += 2;
      } else if (body[i - 1] === '/' && atEnd) {
        source += '.*'; // `/**` : everything inside
        i += 1;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '\\' && i + 1 < body.length) {
      source += escapeRegExp(body[++i]!);
    } else {
      source += escapeRegExp(char);
    }
  }
  const prefix = anchored ? '^' : '^(?:.*/)?';
  const onlyDirectChildren = !directoryOnly && body.endsWith('/*') && !body.endsWith('**/*');
  const suffix = directoryOnly ? '/.*$' : onlyDirectChildren ? '$' : '(?:/.*)?$';
  return new RegExp(prefix + source + suffix);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
