/**
 * The include globs of the workspace index (`**∕*.news`, `news/**∕*.{news,article}`): `*` and `?` within
 * one path segment, `**` across segments, `{a,b}` alternatives and `[abc]` classes. Paths are relative
 * to their workspace folder, with `/` separators. Small enough not to need a package for it.
 */
export type PathMatcher = (relativePath: string) => boolean;

export function globMatcher(patterns: readonly string[]): PathMatcher {
  const expressions = patterns.map((pattern) => new RegExp(`^${globSource(pattern.replace(/^\.\//, ''))}$`));
  return (relativePath) => expressions.some((expression) => expression.test(relativePath));
}

/** A glob that names no folder (`*.news`) matches in every folder, as VS Code's `files.exclude` style does. */
function globSource(pattern: string): string {
  const anchored = pattern.includes('/') ? pattern : `**/${pattern}`;
  return sourceOf(anchored);
}

function sourceOf(pattern: string): string {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*') {
      if (pattern[i + 1] === '*') {
        const atSegmentStart = i === 0 || pattern[i - 1] === '/';
        const slashFollows = pattern[i + 2] === '/';
        i++;
        if (atSegmentStart && slashFollows) {
          i++;
          source += '(?:[^/]*/)*'; // `**/`: any number of folders, none included
        } else {
          source += '.*';
        }
      } else {
        source += '[^/]*';
      }
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '{') {
      const close = matchingBrace(pattern, i);
      if (close < 0) {
        source += '\\{';
        continue;
      }
      source += `(?:${splitAlternatives(pattern.slice(i + 1, close)).map(sourceOf).join('|')})`;
      i = close;
    } else if (char === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) {
        source += '\\[';
        continue;
      }
      const body = pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
      source += `[${body}]`;
      i = close;
    } else {
      source += char.replace(/[.+^$()|\\\]]/g, '\\$&');
    }
  }
  return source;
}

function matchingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '{') depth++;
    else if (pattern[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `a,b{c,d},e` → `a`, `b{c,d}`, `e`: commas inside nested braces stay. */
function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}
