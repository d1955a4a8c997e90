/**
 * Quotation marks that delimit a name rather than a statement: the title of a show, book or ad
 * ("on CNN's "State of the Union"", "his 2002 book, "Make Your Kid a Millionaire"") and a nickname
 * inside a person's name (Robert C. "Bobby" Scott). They are not quoted statements.
 */

/** Words after which a Title Case quote names a work: possessives, "of", "on", and nouns for works. */
const WORK_CONTEXT =
  /(?:['’]s|\bof|\bon|\bin|\bshow|\bprogram|\bprogramme|\bbook|\bfilm|\bmovie|\bdocumentary|\bseries|\banthem|\bsong|\balbum|\bcolumn|\bcommentary|\bessay|\barticle|\bheadline|\bmagazine|\bnewspaper|\bad|\bspot|\bmemoir|\bautobiography|\bbiography|\bnovel|\bplay|\bmusical|\bpoem|\bpodcast|\bepisode|\bsitcom|\bbiopic|\bbest-?seller)[,]?\s*$/i;

/**
 * Nouns that follow a work's title when it modifies them: "the “Daily Show” host", "a "Broad City" star",
 * "his "Keepin' It Real" radio program". Only words for works and the people of a work: a quoted
 * slogan before "campaign" or "bill" may well be words someone said.
 */
const WORK_NOUN_AFTER =
  /^\s+(?:(?:radio|television|tv|talk|cable|news|reality|hit|comedy)\s+)?(?:star|stars|co-star|host|hosts|co-host|actor|actors|actress|anchor|creator|author|producer|showrunner|cast|episode|episodes|season|finale|premiere|sequel|theme|soundtrack|show|program|programme|podcast|series|sitcom|movie|film|book|novel|memoir|album|song|musical|franchise)\b/i;

/** Words a title leaves in lower case whatever their length ("Contract with America", "Gone with the Wind"). */
const TITLE_SMALL_WORDS = new Set('a an the and but or nor for of to in on at by as with from into over upon than via'.split(' '));

/** Every word capitalised but short words and small function words, at most eight words: how titles are written. */
function isTitleCase(content: string): boolean {
  const words = content.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').split(/\s+/);
  if (words.length > 8 || !/^[\p{Lu}\p{N}]/u.test(words[0] ?? '')) return false;
  return words.every((w) => w.length < 4 || TITLE_SMALL_WORDS.has(w) || /^[\p{Lu}\p{N}]/u.test(w));
}

/**
 * What a crowd chants or a campaign runs on is said, even in Title Case ("chants of "Lock Her Up!"",
 * "the slogan "Axe the Tax""); so is what an ad or a speech "titled" so says. Those stay statements.
 */
const SPOKEN_CONTEXT = /\b(?:chants?|chanting|cries|cry|shouts?|calls|cheers|chorus|slogan|motto|titled|entitled)\s+(?:of\s+)?$/i;

export function isQuotedTitle(paragraph: string, start: number, end: number, contentStart: number, contentEnd: number): boolean {
  if (!isTitleCase(paragraph.slice(contentStart, contentEnd))) return false;
  const before = paragraph.slice(Math.max(0, start - 40), start);
  if (SPOKEN_CONTEXT.test(before)) return false;
  return WORK_CONTEXT.test(before) || WORK_NOUN_AFTER.test(paragraph.slice(end, end + 40));
}

/** One quoted word between capitalised words: Marcia "Cia" Price. */
export function isQuotedNickname(paragraph: string, start: number, end: number, contentStart: number, contentEnd: number): boolean {
  if (/\s/.test(paragraph.slice(contentStart, contentEnd).trim())) return false;
  return /\p{Lu}[\p{L}.]*\s$/u.test(paragraph.slice(Math.max(0, start - 20), start)) && /^\s\p{Lu}/u.test(paragraph.slice(end, end + 3));
}
