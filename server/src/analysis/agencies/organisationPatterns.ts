/**
 * Rules that recognise an organisation the lexicon lacks from the words of its name (a head such as
 * "Ministry", "Party", "Inc") or from the words around it ("a spokesman for X", "shares of X").
 */
import type { AgencyCategory } from '../annotation';

/** Last words of organisation names, with the category they imply. */
const HEADS: ReadonlyArray<[AgencyCategory, string]> = [
  ['company', 'Inc Inc. Incorporated Corp Corp. Corporation Co Co. Cos Company Companies Ltd Ltd. Limited plc PLC Plc LLC LLP LP AG GmbH SA S.A. SpA NV N.V. BV AB ASA Oyj KK Bhd Berhad Pty Holdings Holding Group Industries Enterprises Partners Capital Securities Bancorp Bank Banco Motors Airlines Airways Lines Petroleum Oil Energy Pharmaceuticals Pharma Technologies Technology Systems Software Electronics Telecom Telecommunications Communications Networks Mining Steel Chemicals Foods Insurance Assurance Brewery Breweries Resources Investments Ventures Trust Fund Funds Exchange Power Electric Utilities Utility Railways Railway Rail Shipping Logistics Construction Media Entertainment Studios Records Pictures Mills Laboratories Labs Stores Motor Automotive Aerospace'],
  ['ministry', 'Ministry Department Dept Secretariat Treasury Directorate'],
  ['government', 'Government Administration Agency Authority Office Bureau Service Services Commission Inspectorate Regulator Parliament Assembly Senate Congress Cabinet Duma Knesset Bundestag Council Police Constabulary Municipality Prefecture Embassy Consulate'],
  ['court', 'Court Tribunal'],
  ['military', 'Army Navy Force Forces Guard Guards Corps Marines Brigade Regiment Battalion Division Militia Fleet Command'],
  ['party', 'Party Front Movement Alliance Coalition Congress'],
  ['university', 'University College Institute Academy School Polytechnic Observatory Laboratory'],
  ['media', 'News Times Post Herald Journal Gazette Tribune Telegraph Chronicle Daily Weekly Magazine Press Broadcasting Television TV Radio Network Channel Reporter Observer Guardian Mirror Express Standard Independent Courier Monitor Sun Star Examiner Inquirer Dispatch Bulletin Review Newsroom Newsdesk Desk'],
  ['sports', 'FC F.C. AFC CF SC United Rovers Wanderers Athletic Athletico Albion Hotspur Rangers Celtic Olympique Sporting Dynamo Dinamo Spartak Lokomotiv Torpedo'],
  ['ngo', 'Foundation Society Association Federation Organisation Organization Union Committee Fund Trust Council Church Mission Institute Network Initiative Red Cross Crescent Club Cooperative Co-operative Syndicate Confederation Chamber Board'],
];

const HEAD_CATEGORY = new Map<string, AgencyCategory>();
for (const [category, words] of HEADS) {
  for (const word of words.split(' ')) if (!HEAD_CATEGORY.has(word)) HEAD_CATEGORY.set(word, category);
}

/** Heads that take "of …" after them: "Bank of England", "Ministry of Defence", "University of Texas". */
const OF_HEADS = new Set(
  'Bank Ministry Department University College Institute Academy Court Council Commission Committee Office Bureau Agency Authority Board Federation Association Union Society Organisation Organization League Party Church Chamber Conference Corporation Secretariat Government Parliament Assembly House Army Navy Embassy Municipality School Fund Order Guild Congress Confederation Coalition Alliance Front Movement Foundation Trust Centre Center Division Directorate Cabinet'.split(' '),
);

/** Company-form suffixes that never stand alone as a name and often end with a period ("Inc."). */
const LEGAL_SUFFIX = /^(?:Inc|Corp|Co|Cos|Ltd|Bhd|Pty|Plc|plc|PLC|LLC|AG|GmbH|SA|SpA|NV|BV|AB|ASA|Oyj|KK|Berhad|Ltda)\.?$/;

export function headCategory(lastWord: string): AgencyCategory | undefined {
  return HEAD_CATEGORY.get(lastWord.replace(/\.$/, '')) ?? HEAD_CATEGORY.get(lastWord);
}

export function isOfHead(word: string): boolean {
  return OF_HEADS.has(word);
}

export function isLegalSuffix(word: string): boolean {
  return LEGAL_SUFFIX.test(word);
}

// Phrases before a name that make it an acting organisation. Capitalised names follow directly.
const BEFORE_CUE =
  /(?:\b(?:spokes(?:man|woman|person)|representative|official|officials|executive|chairman|director|president|head|chief|analyst|analysts|member|members|leader|leaders|lawyer|lawyers|source|sources|statement|unit|subsidiary|division|affiliate|owner|shareholders?|employees?|staff|workers|bosses|board) (?:at|of|for|from|with)|\b(?:shares|stock|stake|bid|takeover|merger|acquisition|acquire[sd]?|buy|bought|sold) (?:in|of|for|by|with)|\b(?:joined|founded|sponsored by|owned by|run by|operated by|signed (?:for|with)|contract with|deal with|merge with|merged with|talks with|listed|rated|downgraded|upgraded)|\b(?:rival|rivals|carrier|firm|company|group|bank|utility|(?:credit )?ratings? agency|insurer|lender|maker|manufacturer|retailer|operator|broker|brokerage|airline|agency|watchdog|regulator|conglomerate|giant|unit|party|club|newspaper|daily|weekly|broadcaster|station|publisher|team|side|champions|holders|outfit)) $/i;

// Words after a name that make it an acting organisation.
const AFTER_CUE =
  /^(?: ?['’] ?s (?:chief executive|chairman|president|board|shares|stock|spokes(?:man|woman|person)|executives|shareholders|headquarters|subsidiary|unit|profits?|earnings|revenues?|sales|net (?:profit|income|loss)|annual|quarterly|bid|offer|takeover|management|directors|employees|workers|staff|leadership|members|website|statement|officials|share price)\b| (?:said in a statement|says in a statement|shares|stock|stocks|spokes(?:man|woman|person)|officials?|executives?|chairman|Chairman|chief|Chief|CEO|board|Board|shareholders|management|Inc|Corp|plc|Ltd|has agreed to buy|plans to buy|will buy|bought|sold|acquired|shares rose|shares fell|declined to comment|did not (?:immediately )?(?:respond|return|comment)|could not be reached)\b)/;

// "an elite group within the church called the X": checked only after the cheap test for its verb.
const CALLED = /\b(?:called|named|known as)(?: the)? $/;
const GROUP_CALLED = /\b(?:group|organi[sz]ation|body|unit|wing|faction|movement|company|firm|charity|party|club|band|team|agency|network)(?: [\w-]+){0,3},? (?:called|named|known as)(?: the)? $/;

export function cueBefore(textBefore: string): boolean {
  const tail = textBefore.slice(-60);
  return BEFORE_CUE.test(tail) || (CALLED.test(tail) && GROUP_CALLED.test(tail));
}

export function cueAfter(textAfter: string): boolean {
  return AFTER_CUE.test(textAfter.slice(0, 60));
}

/** Words after a name that make it a person or a product, not an agency ("X said" is a cue, "X, 45," is not). */
export const PERSON_AFTER = /^ ?, (?:\d{1,3}|aged)\b/;

/** A generic agency-category word used in text ("the agency", "the bank"), for the category of cue-found names. */
export function categoryFromCue(textBefore: string): AgencyCategory {
  const m = /\b(shares|stock|stake|carrier|firm|company|bank|utility|insurer|lender|maker|manufacturer|retailer|airline|broker|conglomerate|giant|party|club|team|side|newspaper|daily|weekly|broadcaster|publisher)\b[^.]{0,20}$/i.exec(textBefore.slice(-60));
  if (!m) return 'organisation';
  const word = m[1].toLowerCase();
  if (word === 'party') return 'party';
  if (word === 'utility') return 'company';
  if (word === 'club' || word === 'team' || word === 'side') return 'sports';
  if (['newspaper', 'daily', 'weekly', 'broadcaster', 'publisher'].includes(word)) return 'media';
  return 'company';
}

/** "Zycie Warszawy daily said", "Liberte newspaper reported": a name the words after it call a publication. */
export function mediaCueAfter(textAfter: string): boolean {
  return /^ (?:newspaper|newspapers|daily|weekly|magazine|tabloid|news agency|radio|television|TV)\b/.test(textAfter.slice(0, 30));
}
