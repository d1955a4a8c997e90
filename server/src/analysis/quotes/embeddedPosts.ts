/**
 * Social-media posts as news sites paste them: the post's text, then a signature line
 * `— Name (@handle) March 3, 2022`. The text before the dash is a statement by the account.
 * The post starts at its paragraph; earlier paragraphs belong to it while, together, they stay
 * within a post's length (280 characters without links) and read like post text: not headlines, and
 * not narration that reports on the post.
 */
import type { QuoteAnnotation } from '../annotation';
import type { Paragraph } from '../text/paragraphs';
import { isCueWord } from './speakers';

export interface PostSignature {
  /** Where the dash starts; the post's text ends before it. */
  dashStart: number;
  /** "Name (@handle)" */
  accountStart: number;
  accountEnd: number;
  handle: string;
}

/** What assembling posts needs to know of each paragraph. */
export interface PostParagraphInfo {
  postSignature: PostSignature | null;
  endsLikePostText: boolean;
  quotes: readonly unknown[];
  /** For a paragraph that may be the text of a post below it: measured once with the paragraph, not on every keystroke. */
  postText: PostText | null;
}

export interface PostText {
  /** Narration about a post ("The agency announced on Twitter …"), which reports; the post itself does not. */
  reports: boolean;
  /** Characters without links. */
  length: number;
}

/** What `findEmbeddedPosts` reads of a paragraph that ends like post text and holds no quote. */
export function measurePostText(paragraph: string): PostText {
  return { reports: reports(paragraph), length: textLength(paragraph) };
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const HANDLE_AND_DATE = new RegExp(`\\((@[A-Za-z0-9_]{1,15})\\)\\s*(?:${MONTH}\\s+\\d{1,2},\\s*\\d{4}|\\d{1,2}\\s+${MONTH}\\s+\\d{4})\\s*$`, 'u');
const POST_LENGTH_LIMIT = 280;
const LINK = /https?:\/\/\S+|pic\.twitter\.com\/\S+/g;

export function findPostSignature(paragraph: string): PostSignature | null {
  const match = HANDLE_AND_DATE.exec(paragraph);
  if (!match) return null;
  const handleStart = match.index;
  const lineStart = paragraph.lastIndexOf('\n', handleStart) + 1;
  const window = paragraph.slice(Math.max(lineStart, handleStart - 80), handleStart);
  const windowStart = handleStart - window.length;
  // The last em/en dash before the handle; a spaced hyphen only if there is none ("DLR - English").
  let dash = Math.max(window.lastIndexOf('—'), window.lastIndexOf('―'), window.lastIndexOf('–'));
  if (dash < 0) {
    const hyphen = window.search(/(?:^|\s)(?:-|--|&mdash;)\s/);
    if (hyphen < 0) return null;
    dash = hyphen + (/\s/.test(window[hyphen]) ? 1 : 0);
  }
  const dashStart = windowStart + dash;
  let accountStart = dashStart + 1;
  while (accountStart < handleStart && /[\s—―–-]/.test(paragraph[accountStart])) accountStart++;
  const accountEnd = handleStart + match[1].length + 2;
  return { dashStart, accountStart, accountEnd, handle: match[1] };
}

/** The posts of the document, with absolute offsets; the speaker is the account. */
export function findEmbeddedPosts(text: string, paragraphs: readonly Paragraph[], locals: readonly PostParagraphInfo[]): QuoteAnnotation[] {
  const posts: QuoteAnnotation[] = [];
  for (let i = 0; i < locals.length; i++) {
    const signature = locals[i].postSignature;
    if (!signature) continue;
    const offset = paragraphs[i].start;
    let end = offset + signature.dashStart;
    while (end > offset && /\s/.test(text[end - 1])) end--;
    if (end <= offset) continue;
    let start = offset;
    let length = textLength(text.slice(start, end));
    for (let j = i - 1; j >= 0; j--) {
      const previous = locals[j];
      if (previous.postSignature || !previous.endsLikePostText || previous.quotes.length > 0 || !previous.postText) break;
      if (previous.postText.reports) break;
      const more = previous.postText.length;
      if (length + more > POST_LENGTH_LIMIT) break;
      length += more;
      start = paragraphs[j].start;
    }
    const speakerStart = offset + signature.accountStart;
    const speakerEnd = offset + signature.accountEnd;
    posts.push({
      type: 'quote',
      start,
      end,
      text: text.slice(start, end),
      speaker: { start: speakerStart, end: speakerEnd, text: text.slice(speakerStart, speakerEnd) },
      resolved: null,
      resolvedKind: null,
      cue: null,
      kind: 'post',
    });
  }
  return posts;
}

function reports(paragraph: string): boolean {
  return paragraph.split(/[^\p{L}]+/u).some(isCueWord);
}

function textLength(paragraph: string): number {
  return paragraph.replace(LINK, '').trim().length;
}
