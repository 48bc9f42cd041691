import type { CodeownersFileModel, CodeownersRuleModel } from './types';
import { compileCodeownersPattern } from './compileCodeownersPattern';

export interface CodeownersProblem {
  line: number;
  message: string;
}

export interface ParsedCodeowners extends CodeownersFileModel {
  /** Lines GitHub would skip too (it ignores an invalid line, not the file). */
  problems: CodeownersProblem[];
}

const USER = /^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const TEAM = /^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const isCodeownersOwner = (owner: string) => USER.test(owner) || TEAM.test(owner) || EMAIL.test(owner);

/**
 * Splits a line into tokens on unescaped whitespace, stopping at a `#` that starts a token
 * (a comment, whole-line or trailing). `\ ` and `\#` are kept escaped for the pattern compiler.
 */
function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (char === '\\' && i + 1 < line.length) {
      current += char + line[++i];
    } else if (/\s/.test(char)) {
      if (current) tokens.push(current);
      current = '';
    } else if (char === '#' && current === '') {
      break;
    } else {
      current += char;
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

/** Parse a CODEOWNERS file the way GitHub does; invalid lines are skipped and reported. */
export function parseCodeowners(text: string, path: string): ParsedCodeowners {
  const rules: CodeownersRuleModel[] = [];
  const problems: CodeownersProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const [pattern, ...owners] = tokenize(raw);
    if (!pattern) return;
    if (!compileCodeownersPattern(pattern)) {
      problems.push({ line, message: `"${pattern}" is not a pattern GitHub supports (no "!" negation or [ ] ranges)` });
      return;
    }
    const invalid = owners.filter((o) => !isCodeownersOwner(o));
    if (invalid.length > 0) {
      problems.push({ line, message: `${invalid.map((o) => `"${o}"`).join(', ')} is not @user, @org/team or an email` });
      return;
    }
    rules.push({ pattern, owners, line });
  });
  return { path, rules, problems };
}

/** GitHub's rule: the LAST rule whose pattern matches the path decides its owners. */
export function ruleForPath(rules: readonly CodeownersRuleModel[], filePath: string): CodeownersRuleModel | undefined {
  const normalised = filePath.replace(/^\/+/, '');
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i]!;
    if (compileCodeownersPattern(rule.pattern)?.test(normalised)) return rule;
  }
  return undefined;
}
