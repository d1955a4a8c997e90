/**
 * File names for exported articles: the article's own base name, made safe for every file system, and made
 * unique within one export (a second "story" becomes "story-2"). Clashes are found regardless of case, since
 * macOS and Windows file systems would treat "Story" and "story" as one file.
 */

// The extensions of the annotated languages come off, so that "story.news.txt" exports as "story.txt", not
// "story.news.txt.txt"; any other extension stays part of the name.
const ARTICLE_EXTENSIONS = /(\.(news|article|md|markdown|txt|text))+$/i;

// Reserved or troublesome on Windows, macOS or Linux, and control characters.
const UNSAFE_CHARACTERS = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;

/** The base name of a path or URI, without directory, query, fragment or article extension. */
export function articleBaseName(uri: string): string {
  let path = uri.replace(/[?#].*$/s, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) {
    try {
      path = decodeURIComponent(path);
    } catch {
      // A malformed escape: keep the name as written.
    }
  }
  const segments = path.split(/[/\\]/).filter((segment) => segment.length > 0);
  const last = segments.length > 0 ? segments[segments.length - 1] : '';
  const name = last
    .replace(ARTICLE_EXTENSIONS, '')
    .replace(UNSAFE_CHARACTERS, '-')
    // A leading dot would hide the file (brat does not list hidden files).
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  return name.length > 0 ? name : 'article';
}

/** Hands out each base name once: the first "story" keeps its name, the next ones get -2, -3 … */
export class UniqueNames {
  private readonly taken = new Set<string>();

  claim(baseName: string): string {
    let candidate = baseName;
    for (let suffix = 2; this.taken.has(candidate.toLowerCase()); suffix++) candidate = `${baseName}-${suffix}`;
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}
