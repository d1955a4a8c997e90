/**
 * Quotation marks that delimit a name rather than a statement: the title of a show, book or ad
 * ("on CNN's "State of the Union"", "his 2002 book, "Make Your Kid a Millionaire"") and a nickname
 * inside a person's name (Robert C. "Bobby" Scott). They are not quoted statements.
 */

/** Words after which a Title Case quote names a work: possessives, "of", "on", and nouns for works. */
const WORK_CONTEXT =
  /(?:['’]s|\bof|\bon|\bin|\bshow|\bprogram|\bprogramme|\bbook|\bfilm|\bmovie|\bdocumentary|\bseries|\btitled|\bentitled|\banthem|\bsong|\balbum|\bcolumn|\bcommentary|\bessay|\barticle|\bheadline|\bmagazine|\bnewspaper|\bad|\bspot|\bslogan)[,]?\s*$/i;

/** Every word of four letters or more capitalised, at most eight words: how titles are written. */
function isTitleCase(content: string): boolean {
  const words = content.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').split(/\s+/);
  if (words.length > 8 || !/^[\p{Lu}\p{N}]/u.test(words[0] ?? '')) return false;
  return words.every((w) => w.length < 4 || /^[\p{Lu}\p{N}]/u.test(w));
}

export function isQuotedTitle(paragraph: string, start: number, contentStart: number, contentEnd: number): boolean {
  return isTitleCase(paragraph.slice(contentStart, contentEnd)) && WORK_CONTEXT.test(paragraph.slice(Math.max(0, start - 40), start));
}

/** One quoted word between capitalised words: Marcia "Cia" Price. */
export function isQuotedNickname(paragraph: string, start: number, end: number, contentStart: number, contentEnd: number): boolean {
  if (/\s/.test(paragraph.slice(contentStart, contentEnd).trim())) return false;
  return /\p{Lu}[\p{L}.]*\s$/u.test(paragraph.slice(Math.max(0, start - 20), start)) && /^\s\p{Lu}/u.test(paragraph.slice(end, end + 3));
}
