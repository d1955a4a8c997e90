/**
 * The article's headline: what the outline shows first, what names an article in the workspace views, and what
 * the checks must not mistake for body text. Metadata lines and front matter are never the headline.
 */
import type { TextSpan } from '../annotation';

/** A short first line that does not read like a sentence of body text, or a `title:` header. */
export function findHeadline(text: string): TextSpan | undefined {
  const title = /^(?:---\r?\n(?:.*\r?\n)*?)?title\s*:\s*(.+?)\s*$/im.exec(text.slice(0, 4000));
  if (title && title.index < 4000) {
    const start = title.index + title[0].indexOf(title[1]);
    return { start, end: start + title[1].length, text: title[1] };
  }
  const lineMatch = firstContentLine(text);
  if (!lineMatch) return undefined;
  const line = lineMatch.text;
  if (line.length > 160 || /[.!?:]["”’']?$/.test(line) || line === '---') return undefined;
  return lineMatch;
}

/** Header keys written capitalised too ("Date:", "Source:"); any other key counts when written in lower case. */
const METADATA_KEYS = /^(?:date|published|updated|modified|created|author|authors|by|byline|source|url|link|tags|category|categories|section|slug|id|lang|language|location|dateline|publication|publisher|edition|page|words|length)$/i;
const METADATA_LINE = /^([\p{L}][\p{L}\p{N} _-]{0,30}?)[ \t]*[:=][ \t]*\S/u;

/** Metadata (`published: 2016-10-12`, `author: …`, a front-matter block) describes the article; it is never its headline. */
function isMetadataLine(line: string): boolean {
  const m = METADATA_LINE.exec(line);
  return !!m && (METADATA_KEYS.test(m[1]) || /^[\p{Ll}][\p{Ll}\p{N}_-]*$/u.test(m[1]));
}

/** The first line that is neither blank, nor metadata, nor inside the opening front-matter block. */
export function firstContentLine(text: string): TextSpan | undefined {
  const LINE = /[^\S\r\n]*([^\r\n]*?)[^\S\r\n]*(?:\r\n|\r|\n|$)/y;
  let inFrontMatter = false;
  LINE.lastIndex = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let n = 0; n < 40 && LINE.lastIndex < Math.min(text.length, 8000); n++) {
    const at = LINE.lastIndex;
    const m = LINE.exec(text);
    if (!m || m[0].length === 0) return undefined;
    const line = m[1];
    if (line === '---' && (n === 0 || inFrontMatter)) {
      inFrontMatter = n === 0;
      continue;
    }
    if (inFrontMatter || !line || isMetadataLine(line)) continue;
    const start = at + m[0].indexOf(line);
    return { start, end: start + line.length, text: line };
  }
  return undefined;
}
