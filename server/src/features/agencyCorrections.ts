/**
 * Which corrections of the agency tagging to offer where the user is: on an agency mention, that it is
 * none ("ignore") or that it names another agency of the article ("alias"); on a capitalised name the
 * analysis left untagged, or a selection, that it is an agency ("add", one offer per common category).
 * Pure: text and annotations in, offers out; the server turns them into edits of the agency file.
 */
import type { AgencyAnnotation, AgencyCategory, Annotation } from '../analysis/annotation';
import type { AgencyCorrection } from '../customAgencyFileEdit';

export interface CorrectionOffer {
  title: string;
  correction: AgencyCorrection;
}

/** The categories offered for a new agency; the rest are one edit of the file away (its schema lists them). */
export const OFFERED_CATEGORIES: readonly AgencyCategory[] = ['organisation', 'government', 'company', 'media'];
/** Other agencies of the article a mention may be another name of: the most mentioned first. */
const MAX_ALIAS_TARGETS = 3;
const MAX_NAME_LENGTH = 100;

export function agencyCorrections(text: string, annotations: readonly Annotation[], start: number, end: number): CorrectionOffer[] {
  const agencies = annotations.filter((a): a is AgencyAnnotation => a.type === 'agency');
  // A cursor touches a mention at either edge; a selection must overlap it.
  const here = agencies.filter((a) => (start === end ? a.start <= start && start <= a.end : a.start < end && start < a.end));
  const offers: CorrectionOffer[] = [];
  const mention = here[0];
  if (mention) {
    const name = mention.text.replace(/\s+/g, ' ');
    offers.push({ title: `Not an agency: ignore '${name}' in this workspace`, correction: { kind: 'ignore', name } });
    for (const other of aliasTargets(agencies, mention)) {
      offers.push({
        title: `'${name}' is another name of ${other.canonical}`,
        correction: { kind: 'alias', name, of: { name: other.canonical, category: other.category, acronym: other.acronym, country: other.country } },
      });
    }
  }
  const name = start < end ? selectedName(text, start, end) : mention ? undefined : untaggedNameAt(text, start);
  // A date ("Tuesday", "March") is capitalised too, and the analysis already knows what it is.
  const onDate = annotations.some((a) => a.type === 'date' && (start === end ? a.start <= start && start <= a.end : a.start < end && start < a.end));
  if (name && !onDate && !(mention && mention.text === name)) {
    for (const category of OFFERED_CATEGORIES) {
      offers.push({ title: `Add '${name}' as an agency (${category})`, correction: { kind: 'add', name, category } });
    }
  }
  return offers;
}

function aliasTargets(agencies: readonly AgencyAnnotation[], mention: AgencyAnnotation): AgencyAnnotation[] {
  const byName = new Map<string, { agency: AgencyAnnotation; count: number }>();
  for (const agency of agencies) {
    if (agency.canonical === mention.canonical) continue;
    const entry = byName.get(agency.canonical);
    if (entry) entry.count++;
    else byName.set(agency.canonical, { agency, count: 1 });
  }
  return [...byName.values()].sort((a, b) => b.count - a.count || a.agency.start - b.agency.start).slice(0, MAX_ALIAS_TARGETS).map((entry) => entry.agency);
}

function selectedName(text: string, start: number, end: number): string | undefined {
  const name = text.slice(start, end).trim().replace(/^(?:the|The)\s+/, '');
  if (!name || name.length > MAX_NAME_LENGTH || /[\r\n]/.test(name) || !/\p{L}/u.test(name)) return undefined;
  return name;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’&.-]*/gu;
/** Lower-case words that may join the capitalised words of one name ("Bank of England"). */
const CONNECTORS = new Set(['of', 'for', 'and', 'de', 'du', 'des', 'la', 'le', 'del', 'di', 'von', 'van', 'der', '&']);
const ARTICLE = /^(?:The|A|An)$/;

/**
 * The run of capitalised words around the cursor, connectors included ("Port of Eastland Trust"). A single
 * word opening a sentence is left alone: capitals there say nothing about a name.
 */
function untaggedNameAt(text: string, offset: number): string | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1), offset - 300, -1) + 1;
  let lineEnd = text.length;
  for (let i = offset; i < text.length && i < offset + 300; i++) {
    if (text[i] === '\n' || text[i] === '\r') {
      lineEnd = i;
      break;
    }
    lineEnd = i + 1;
  }
  const line = text.slice(lineStart, lineEnd);
  const words: Array<{ start: number; end: number; text: string }> = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(line); m; m = WORD.exec(line)) {
    const word = m[0].replace(/[.’'-]+$/, '').replace(/['’]s$/, '');
    words.push({ start: lineStart + m.index, end: lineStart + m.index + word.length, text: word });
  }
  const at = words.findIndex((w) => w.start <= offset && offset <= w.end);
  if (at < 0 || !isCapitalised(words[at].text)) return undefined;
  const joined = (a: number, b: number): boolean => /^[ \t]*$/.test(text.slice(words[a].end, words[b].start)) && text.slice(words[a].start, words[a].end + 2).search(/['’]s\b/) < 0;
  let first = at;
  let last = at;
  for (;;) {
    if (first > 0 && isCapitalised(words[first - 1].text) && joined(first - 1, first)) first--;
    // "Officials of Eastland Trust": a word that opens the sentence is as likely a common noun; selecting "Bank of England" adds it whole.
    else if (first > 1 && CONNECTORS.has(words[first - 1].text) && isCapitalised(words[first - 2].text) && joined(first - 2, first - 1) && joined(first - 1, first) && !opensSentence(text, words[first - 2].start)) first -= 2;
    else break;
  }
  for (;;) {
    if (last + 1 < words.length && isCapitalised(words[last + 1].text) && joined(last, last + 1)) last++;
    else if (last + 2 < words.length && CONNECTORS.has(words[last + 1].text) && isCapitalised(words[last + 2].text) && joined(last, last + 1) && joined(last + 1, last + 2) && !opensSentence(text, words[last].start)) last += 2;
    else break;
  }
  while (first < last && ARTICLE.test(words[first].text)) first++;
  if (ARTICLE.test(words[first].text)) return undefined;
  if (first === last && opensSentence(text, words[first].start)) return undefined;
  const name = text.slice(words[first].start, words[last].end);
  return name.length <= MAX_NAME_LENGTH ? name : undefined;
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

function opensSentence(text: string, offset: number): boolean {
  return /(?:^|[.!?:;"“‘'(—–\n-])\s*$/.test(text.slice(Math.max(0, offset - 4), offset));
}
