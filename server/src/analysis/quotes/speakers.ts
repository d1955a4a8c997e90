/**
 * Attribution: for each quote in a paragraph, the mention of who said it and the cue that says so.
 * News attribution is formulaic — `"…," X said`, `"…," said X`, `X said: "…"`, `according to X`,
 * `X told reporters "…"` — so a lexicon of cue verbs and a small noun-phrase chunker find the
 * speaker without tagging the whole paragraph. Resolving pronouns to names is done later, at
 * document level (entities/speakerResolution.ts).
 */
import { firstStartingAtOrAfter } from '../text/sortedSpans';

export interface SpeakerMention {
  start: number;
  end: number;
  text: string;
}

export type AttributionRoute = 'after' | 'inverted' | 'before' | 'according' | 'signature' | 'continuation' | 'label' | 'subject';

export interface Attribution {
  speaker: SpeakerMention;
  cue: string | null;
  route: AttributionRoute;
}

interface Span {
  start: number;
  end: number;
}

/** Verbs of saying, writing and judging that introduce a quote, in every inflection we match. */
const CUE_VERBS = new Set(
  (
    'say said says saying tell told tells telling add added adds adding write wrote writes writing written tweeted ' +
    'tweets tweeting posted posting stated stating explain explained explains explaining noted noting argue argued ' +
    'argues arguing continue continued continues ask asked asks asking insist insisted insists insisting claimed ' +
    'claiming declare declared declares declaring warn warned warns warning announce announced announces ' +
    'announcing reply replied replies replying respond responded responds responding recall recalled recalls ' +
    'recalling acknowledge acknowledged acknowledges admit admitted admits admitting called calling describe ' +
    'described describes describing remark remarked remarks remarking suggest suggested suggests suggesting ' +
    'predict predicted predicts predicting concede conceded concedes emphasize emphasized emphasizes emphasise ' +
    'emphasised stress stressed stresses observe observed observes conclude concluded concludes concluding ' +
    'complain complained complains complaining charged quip quipped quips joke joked jokes boast boasted boasts ' +
    'vow vowed vows vowing promised promising pledged pledges urge urged urges urging reported confirm confirmed ' +
    'confirms reveal revealed reveals condemn condemned condemns denounce denounced denounces criticize criticized ' +
    'criticizes criticise criticised caution cautioned cautions countered counters retort retorted testify ' +
    'testified testifies recount recounted muse mused wonder wondered wonders demanded echoed echoes maintain ' +
    'maintained maintains contend contended contends assert asserted asserts allege alleged alleges accuse accused ' +
    'accuses accusing blasted blasts slammed slams praise praised praises exclaim exclaimed shout shouted shouts ' +
    'scream screamed yell yelled yells whisper whispered chant chanted chants chanting reads answered assure ' +
    'assured assures inform informed informs reiterate reiterated reiterates repeat repeated lament lamented ' +
    'laments plead pleaded pleads proclaim proclaimed proclaims interject interjected decry decried decries deny ' +
    'denied denies dismiss dismissed dismisses mock mocked mocks labeled labelled dubbed termed branded thank ' +
    'thanked hail hailed cited cites citing quoted blame blamed blames agree agreed agrees questioned snapped sang ' +
    'sings recommend recommended cried bemoan bemoaned calls claims notes reports states tweet call' +
    ' scoff scoffed scoffs barked barks confess confessed confesses mutter muttered mutters murmured sighed sighs grumbled grumbles gushed gushes raved scolded scolds teased teases vented fumed opined opines elaborated marveled marvelled marvels bragged brags bragging whined posited rebutted proposed proposes forecasts swore swears applauded applauds touted touts touting deemed characterized characterizes characterised texted emailed reminded reminds reassured reassures rejected rejects refuted disputed disputes remembered remembers commented comments mentioned mentions underscored underscores highlighted interrupted advised advises inquired begged wrote read'
  )
    .trim()
    .split(' '),
);

const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);

const NOUN_OR_VERB = new Set('calls claims notes reports states remarks tweets posts answers promises warns'.split(' '));

/** Words that start a noun phrase: the chunker stops after taking one. */
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'these', 'those', 'another', 'one', 'two', 'three', 'several', 'some', 'many', 'other', 'both']);

/** Lower-case words that never sit inside a speaker noun phrase. */
const STOP_WORDS = new Set(
  (
    'that and but or nor so yet who whom whose which when where while as because if though although since until unless than then ' +
    'to in on at of for with by from into onto about after before during over under without within against among between through ' +
    'is was are were be been being has had have having do does did will would could should can may might must shall not no ' +
    'also later earlier previously again further once then still just only even recently repeatedly reportedly often never ever ' +
    'there here what how why this that these those all any each every such more most very too'
  ).split(' '),
);

/** Adverbs and auxiliaries allowed between a speaker and the cue ("he also said", "it has said"). */
const BETWEEN_SPEAKER_AND_CUE = new Set(
  (
    'also later earlier previously again further once then still just only even recently repeatedly reportedly often never ever ' +
    'has had have would will could should might may must is was are were be been being did does do not quickly simply flatly ' +
    'bluntly similarly finally eventually publicly privately separately immediately subsequently already first last frequently ' +
    'famously memorably angrily proudly'
  ).split(' '),
);

/** Titles and honorifics that may precede a name; a trailing period is optional. */
const TITLE_ABBREVIATIONS = new Set(
  'mr mrs ms dr sen rep gov gen lt col maj capt sgt adm cmdr st jr sr prof rev hon pres supt insp det atty amb sec dept corp inc co ltd no vs mt ft u.s u.k u.n e.u a.m p.m'.split(' '),
);

interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Inside a quote (marks included): never a cue or part of a speaker. */
  quoted?: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:[.'’\-&/][\p{L}\p{N}]+)*\.?|@\w+|[^\s\p{L}\p{N}]/gu;

function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    let word = m[0];
    let end = from + m.index + word.length;
    // A word's trailing period is sentence punctuation unless the word is an abbreviation or an initial.
    if (word.length > 1 && word.endsWith('.') && !isAbbreviation(word)) {
      word = word.slice(0, -1);
      end--;
      tokens.push({ start: from + m.index, end, text: word, lower: word.toLowerCase() });
      tokens.push({ start: end, end: end + 1, text: '.', lower: '.' });
      continue;
    }
    tokens.push({ start: from + m.index, end, text: word, lower: word.toLowerCase() });
  }
  return tokens;
}

function isAbbreviation(word: string): boolean {
  const bare = word.slice(0, -1);
  if (bare.length === 1 && /\p{Lu}/u.test(bare)) return true; // an initial: "Leonard E. Burman"
  if (bare.includes('.')) return true; // U.S., a.m.
  return TITLE_ABBREVIATIONS.has(bare.toLowerCase());
}

function isCapitalised(token: Token): boolean {
  return /^[\p{Lu}\p{N}@]/u.test(token.text);
}

function isWord(token: Token): boolean {
  return /^[\p{L}\p{N}@]/u.test(token.text);
}

/** The cue verb or phrase token range whose first token is `i`, or null. */
function cueAt(tokens: readonly Token[], i: number): { first: number; last: number; text: string } | null {
  const t = tokens[i];
  if (t.quoted) return null;
  if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') return { first: i, last: i + 1, text: 'according to' };
  if ((t.lower === 'pointed' || t.lower === 'points') && tokens[i + 1]?.lower === 'out') return { first: i, last: i + 1, text: `${t.text} out` };
  if (t.lower === 'shot' && tokens[i + 1]?.lower === 'back') return { first: i, last: i + 1, text: 'shot back' };
  if ((t.lower === 'went' || t.lower === 'goes') && tokens[i + 1]?.lower === 'on') return { first: i, last: i + 1, text: `${t.text} on` };
  if ((t.lower === 'put' || t.lower === 'puts') && tokens[i + 1]?.lower === 'it') return { first: i, last: i + 1, text: `${t.text} it` };
  if (t.quoted || !CUE_VERBS.has(t.lower) || isCapitalised(t)) return null;
  // "a warning", "his claims", "the editor's note": a noun, not a verb.
  const prev = tokens[i - 1];
  if (prev && (DETERMINERS.has(prev.lower) || /['’]s$/.test(prev.lower))) return null;
  // "Republican claims as …": plural nouns that double as verbs count only before what a verb takes.
  if (NOUN_OR_VERB.has(t.lower)) {
    const next = tokens[i + 1];
    // "…," Lee notes.: at a sentence end after a name or a pronoun it is the verb.
    const endsAfterSpeaker = (!next || next.text === '.') && prev !== undefined && (PRONOUNS.has(prev.lower) || (isCapitalised(prev) && !DETERMINERS.has(prev.lower)));
    if (!endsAfterSpeaker && (!next || !(next.quoted || /^[,:]$/.test(next.text) || next.lower === 'that' || PRONOUNS.has(next.lower) || DETERMINERS.has(next.lower) || next.lower === 'to'))) return null;
  }
  return { first: i, last: i, text: t.text };
}

/** Whether a word is a cue verb (used to keep separately attributed fragments apart). */
export function isCueWord(word: string): boolean {
  return CUE_VERBS.has(word.toLowerCase());
}

/**
 * The noun phrase that ends just before token `end` (exclusive): the subject of a cue verb.
 * Skips adverbs and auxiliaries next to the verb; takes a pronoun alone; otherwise walks back over
 * names, titles, nouns and possessives, stopping at punctuation, function words and after a determiner.
 */
function subjectBefore(tokens: readonly Token[], end: number, floor: number): Span | null {
  let i = end - 1;
  while (i >= floor && BETWEEN_SPEAKER_AND_CUE.has(tokens[i].lower) && !isCapitalised(tokens[i])) i--;
  if (i < floor || tokens[i].quoted) return null;
  let last = i;
  // "(DLR)" or "(R-Utah)" after a name belongs to the name.
  if (tokens[i].text === ')') {
    let k = i - 1;
    while (k >= floor && tokens[k].text !== '(' && i - k < 6) k--;
    if (k > floor && tokens[k].text === '(' && isWord(tokens[k - 1])) i = k - 1;
    else return null;
  }
  if (!isWord(tokens[i])) return null;
  if (PRONOUNS.has(tokens[i].lower)) return { start: tokens[i].start, end: tokens[last].end };
  let first = -1;
  let count = 0;
  for (let k = i; k >= floor && count < 8; k--, count++) {
    const t = tokens[k];
    if (t.quoted) break;
    if (!isWord(t)) {
      if ((t.text === '’' || t.text === "'") && k > floor && isWord(tokens[k - 1])) continue; // "Reuters' reporter"
      break;
    }
    if (DETERMINERS.has(t.lower) && !isCapitalised(t)) {
      first = k;
      break;
    }
    if (!isCapitalised(t) && (PRONOUNS.has(t.lower) || CUE_VERBS.has(t.lower) || /ly$/.test(t.lower))) break;
    // A number ends the phrase, but an age describes the person: "the 82-year-old said".
    if (STOP_WORDS.has(t.lower) || INTRODUCTORY.has(t.lower) || (/^\d/.test(t.text) && !/^\d{1,3}-year-olds?$/.test(t.lower))) break;
    if (isCapitalised(t) && k < i && PRONOUNS.has(t.lower)) break;
    if (isCapitalised(t) && (t.lower === 'the' || DETERMINERS.has(t.lower))) {
      first = k;
      break;
    }
    first = k;
  }
  if (first < 0 || (first === i && DETERMINERS.has(tokens[first].lower))) return null;
  // "Trump at the time said", "Beck, who has in the past described": a time adjunct, not the subject, sits before the cue.
  if (!isCapitalised(tokens[first]) && first - 1 > floor && TIME_ADJUNCT_PREPOSITIONS.has(tokens[first - 1].lower) && /^(?:time|past|end|moment|days?|weeks?|months?|years?|interview|statement|speech|meantime)$/.test(tokens[i].lower)) {
    return subjectBefore(tokens, first - 1, floor);
  }
  // A chunk of lower-case words alone ("plan was terrible") is rarely a speaker unless it ends in a person noun.
  const chunk = tokens.slice(first, i + 1);
  if (!chunk.some(isCapitalised) && !DETERMINERS.has(chunk[0].lower) && !isPersonNoun(chunk[chunk.length - 1].lower)) return null;
  return { start: tokens[first].start, end: tokens[last].end };
}

const TIME_ADJUNCT_PREPOSITIONS = new Set(['at', 'in', 'during', 'for', 'over', 'since', 'after', 'before']);

/** Nouns that name people or bodies who speak; a bare plural like "officials" is a speaker on its own. */
const PERSON_NOUNS = /^(?:officials?|spokes(?:man|men|woman|women|person|people)|sources?|aides?|advisers?|advisors?|experts?|analysts?|critics?|supporters?|opponents?|officers?|lawmakers?|leaders?|residents?|witnesses?|police|prosecutors?|investigators?|authorities|lawyers?|attorneys?|economists?|researchers?|scientists?|observers?|voters?|protesters?|democrats?|republicans?|members?|executives?|diplomats?|ministers?|administrators?|representatives?|staff|staffers?|employees?|workers?|people|agency|company|ministry|department|government|organi[sz]ation|campaign|committee|group|board|council|court|administration|office|spokesperson|director|chief|president|secretary|senator|governor|candidate|nominee|mayor|minister|chairman|chairwoman|ceo|founder|manager|head)$/;

function isPersonNoun(word: string): boolean {
  return PERSON_NOUNS.test(word);
}

/** The noun phrase starting at token `from`: after an inverted cue or "according to". */
function phraseAfter(tokens: readonly Token[], from: number, ceiling: number, numberFirst = false): Span | null {
  let i = from;
  if (i >= ceiling || !isWord(tokens[i]) || tokens[i].quoted) return null;
  if (PRONOUNS.has(tokens[i].lower)) return { start: tokens[i].start, end: tokens[i].end };
  // A number opens a phrase only after an inverted cue ("said 9/11 widow Terry Strada").
  // "said Will Doyle", "May Chen said": auxiliaries that are also first names, before a capitalised word.
  const firstName = (tokens[i].text === 'Will' || tokens[i].text === 'May') && i + 1 < ceiling && /^\p{Lu}\p{Ll}/u.test(tokens[i + 1].text);
  if ((isFunctionWord(tokens[i].lower) && !firstName) || (/^\d/.test(tokens[i].text) && !numberFirst)) return null;
  let last = -1;
  let sawDeterminer = false;
  for (let count = 0; i < ceiling && count < 8; i++, count++) {
    const t = tokens[i];
    if (t.quoted) break;
    if (!isWord(t)) {
      if (t.text === '(' && last >= 0) {
        // "Jason Chaffetz (R-Utah)", "the German Aerospace Center (DLR)"
        let k = i + 1;
        while (k < ceiling && tokens[k].text !== ')' && k - i < 6) k++;
        if (k < ceiling && tokens[k].text === ')') last = k;
      }
      break;
    }
    if (DETERMINERS.has(t.lower)) {
      if (count > 0) break;
      sawDeterminer = true;
      last = i;
      continue;
    }
    if (!isCapitalised(t) && (STOP_WORDS.has(t.lower) || CUE_VERBS.has(t.lower))) break;
    // "the council issued …": after the noun, a past tense in -ed is the verb.
    if (!isCapitalised(t) && last > from && t.lower.length >= 5 && t.lower.endsWith('ed')) break;
    // A lower-case word after a name ends the phrase ("The Orbital Survey Agency issued"), unless it names a role.
    if (!isCapitalised(t) && last >= 0 && isCapitalised(tokens[last]) && !DETERMINERS.has(tokens[last].lower) && !isPersonNoun(t.lower) && !(sawDeterminer && last === from + 1 && isWeekdayOrTime(tokens[last].lower))) break;
    // "a Sunday column": after a determiner a weekday qualifies the noun; elsewhere it ends the phrase.
    if (isWeekdayOrTime(t.lower) && !(sawDeterminer && i === from + 1 && isCapitalised(t))) break;
    last = i;
  }
  if (last < 0 || (sawDeterminer && last === from)) return null;
  return { start: tokens[from].start, end: tokens[last].end };
}

function isWeekdayOrTime(word: string): boolean {
  return /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|tomorrow|last|next|this|earlier|later)$/.test(word);
}

/** "WASHINGTON —", "NEW YORK (AP) —": a dateline in capitals before the first sentence. */
function skipDateline(tokens: readonly Token[], from: number, ceiling: number): number {
  let k = from;
  // The city in capitals, then perhaps a date and the agency: "HARBORVILLE, May 3 (AP) —".
  while (k < ceiling && k - from < 10 && (/^[\p{Lu}.,()-]+$/u.test(tokens[k].text) || (k > from && /^(?:\p{Lu}\p{Ll}+\.?|\d{1,4})$/u.test(tokens[k].text))) && !/^[—–-]$/.test(tokens[k].text)) k++;
  if (k > from && k < ceiling && /^[—–-]$/.test(tokens[k].text) && /\p{Lu}{2}/u.test(tokens[from].text)) return k + 1;
  return from;
}

/** Sentence openers that are never speakers, with contractions ("That's", "Here's"). */
const NEVER_SPEAKERS = new Set('first second third finally wait yes no well indeed instead now again also even only just still what why how where who which whose there here that this it let please'.split(' '));

function isFunctionWord(lower: string): boolean {
  const bare = lower.replace(/['’](?:s|re|ll|ve|d)$/, '');
  return STOP_WORDS.has(bare) || INTRODUCTORY.has(bare) || NEVER_SPEAKERS.has(bare);
}

/** Words that open an introductory phrase before the subject ("In a statement, …", "On Thursday, …"). */
const INTRODUCTORY = new Set(
  (
    'in on at after before during following when while if though although as despite since until once perhaps meanwhile however ' +
    'still yet but and so also earlier later last this contrary with without by for from to under over amid according instead ' +
    'then now today yesterday tonight monday tuesday wednesday thursday friday saturday sunday asked speaking writing'
  ).split(' '),
);

/** The subject at the start of the sentence: "The German Aerospace Center (DLR) issued … and condemned". */
function sentenceSubject(tokens: readonly Token[], from: number, ceiling: number): Span | null {
  let i = skipDateline(tokens, from, ceiling);
  // "Conversely, the auditors rated …": a sentence adverb and its comma come before the subject.
  if (i + 1 < ceiling && /^\p{Lu}\p{Ll}+ly$/u.test(tokens[i].text) && tokens[i + 1].text === ',') i += 2;
  if (i < ceiling && INTRODUCTORY.has(tokens[i].lower)) {
    // Skip the introductory phrase up to its comma; without one, the subject cannot be told apart.
    let k = i + 1;
    while (k < ceiling && k - i < 15 && !(tokens[k].text === ',' && !tokens[k].quoted && !/^\d/.test(tokens[k + 1]?.text ?? ''))) k++;
    if (k >= ceiling || tokens[k].text !== ',') return null;
    i = k + 1;
    // "At a rally in Portland, Maine, Holt said": a place's state or country after the comma belongs to the phrase.
    // So does the rest of a list of modifiers: "In a hastily called, late-night session, the council …".
    let m = i;
    while (m < ceiling && m - i < 4 && isWord(tokens[m]) && !tokens[m].quoted && !STOP_WORDS.has(tokens[m].lower)) m++;
    const afterSecond = tokens[m + 1];
    if (m > i && m + 1 < ceiling && tokens[m].text === ',' && afterSecond && (isCapitalised(afterSecond) || afterSecond.lower === 'the') && isPartOfIntroduction(tokens, i, m)) i = m + 1;
  }
  return phraseAfter(tokens, i, ceiling);
}

/** Tokens `from`..`to` (exclusive) between two commas that still belong to the introductory phrase: "Maine", "late-night". */
function isPartOfIntroduction(tokens: readonly Token[], from: number, to: number): boolean {
  return to - from <= 3 && !PRONOUNS.has(tokens[from].lower);
}

function markQuoted(tokens: Token[], quotes: readonly Span[]): void {
  let q = 0;
  for (const t of tokens) {
    while (q < quotes.length && quotes[q].end <= t.start) q++;
    if (q < quotes.length && quotes[q].start <= t.start) t.quoted = true;
  }
}

/**
 * A cue among the next words of the clause: `the mayor said`, `Ada Moss, a retired pilot, said`,
 * `Rep. Dana Holt, R-Pa., said`. With `introducesNext` (after a full stop), only a short clause that ends
 * the sentence: `…." the mayor said.` attributes the quote before it, `…." She added that …` starts anew.
 */
function attributesBefore(tokens: readonly Token[], from: number, introducesNext = false): boolean {
  for (let k = from; k < Math.min(tokens.length, from + 8); k++) {
    if (tokens[k].quoted || (/^[.!?;:]$/.test(tokens[k].text) && !/^[,)]$/.test(tokens[k + 1]?.text ?? ''))) return false;
    if (!cueAt(tokens, k)) continue;
    if (!introducesNext) return true;
    // `Holt said.`, `Holt told reporters in Leeds.`: a short clause that ends the sentence, with no object clause.
    for (let j = k + 1; j < tokens.length && j <= k + 8; j++) {
      if (tokens[j].quoted || tokens[j].lower === 'that' || tokens[j].text === ':') return false;
      if (/^[.!?]$/.test(tokens[j].text)) return true;
    }
    return false;
  }
  return false;
}

/** Sentence boundaries, ignoring punctuation inside quotes: for each token, its sentence's first token and the next sentence's. */
function sentenceBounds(paragraph: string, tokens: readonly Token[], quotes: readonly Span[]): { startOf: Int32Array; nextStart: Int32Array } {
  const starts = new Set<number>([0]);
  const quoteStarts = new Set(quotes.map((quote) => quote.start));
  let q = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    while (q < quotes.length && quotes[q].end <= t.start) q++;
    const insideQuote = q < quotes.length && quotes[q].start <= t.start && t.start < quotes[q].end;
    // A line break ends a sentence unless it falls inside a quote running over lines.
    const next = tokens[i + 1];
    if (next && paragraph.slice(t.end, next.start).includes('\n') && (!next.quoted || quoteStarts.has(next.start))) starts.add(i + 1);
    if (insideQuote) {
      // `… we checked." She added, "…"`: a quote that ends its own sentence ends the narrative one, if a capital follows.
      // `…?" Holt asked` is still one sentence: the words after the quote may attribute it.
      if (next && !next.quoted && next.start >= quotes[q].end && /^\p{Lu}/u.test(next.text)) {
        const ending = /([.!?])\s*\S{1,2}$/.exec(paragraph.slice(Math.max(quotes[q].start, quotes[q].end - 4), quotes[q].end));
        if (ending && !attributesBefore(tokens, i + 1, ending[1] === '.')) starts.add(i + 1);
      }
      continue;
    }
    if ((t.text === '.' || t.text === '!' || t.text === '?') && i + 1 < tokens.length && !/^[\p{Ll},;:)\]]/u.test(tokens[i + 1].text)) starts.add(i + 1);
  }
  const startOf = new Int32Array(tokens.length);
  const nextStart = new Int32Array(tokens.length);
  let current = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (starts.has(i)) current = i;
    startOf[i] = current;
  }
  let next = tokens.length;
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (starts.has(i)) next = i;
    nextStart[i] = next;
  }
  return { startOf, nextStart };
}


/**
 * Attributes each quote (sorted, non-overlapping spans relative to the paragraph) to a speaker.
 * Order of preference: a cue right after the quote (`"…," X said` / `"…," said X`), a cue earlier
 * in the same sentence (`X said: "…"`, `according to X`), a cue later in the sentence, a signature
 * dash (`"…" ― Name`), then the speaker of the previous quote in the paragraph.
 */
export function attributeQuotes(paragraph: string, quotes: readonly Span[]): Array<Attribution | null> {
  if (quotes.length === 0) return [];
  const tokens = tokenize(paragraph, 0, paragraph.length);
  markQuoted(tokens, quotes);
  const sentences = sentenceBounds(paragraph, tokens, quotes);
  const results: Array<Attribution | null> = [];
  for (let qi = 0; qi < quotes.length; qi++) {
    const quote = quotes[qi];
    const first = firstStartingAtOrAfter(tokens, quote.start);
    const after = firstStartingAtOrAfter(tokens, quote.end);
    const sentenceStart = first < tokens.length ? sentences.startOf[first] : sentences.startOf[tokens.length - 1] ?? 0;
    const sentenceEnd = after < tokens.length ? sentences.nextStart[after] : tokens.length;
    // A quote that ends its sentence ('…."') is attributed by what precedes it before what follows.
    const endsSentence = /[.]\s*$/.test(paragraph.slice(Math.max(quote.start, quote.end - 3), quote.end - 1));
    const tight = () => afterQuote(tokens, after, sentenceEnd, true);
    const earlier = () => beforeQuote(tokens, sentenceStart, first);
    const found =
      accordingTo(tokens, sentenceStart, endsSentence ? first : sentenceEnd) ??
      (endsSentence ? earlier() ?? tight() : tight() ?? earlier()) ??
      afterQuote(tokens, after, sentenceEnd, false) ??
      signature(tokens, after, sentenceEnd) ??
      label(tokens, sentenceStart, first) ??
      (first - sentenceStart >= 2 ? subjectOfSentence(tokens, sentenceStart, first) : null);
    if (found) {
      const named = found.route === 'before' ? subjectThePronounTakesUp(tokens, found.speaker, sentenceStart, first) : null;
      results.push({ ...found, speaker: mention(paragraph, named ?? found.speaker) });
      continue;
    }
    // `…, Schiff said. "…"`: a quote opening its sentence continues the attribution just before it.
    const closing = first === sentenceStart && sentenceStart > 0 ? closingAttribution(tokens, sentences.startOf[sentenceStart - 1], sentenceStart) : null;
    if (closing) {
      results.push({ ...closing, speaker: mention(paragraph, closing.speaker), route: 'continuation' });
      continue;
    }
    const previous = results[qi - 1];
    results.push(previous ? { speaker: previous.speaker, cue: previous.cue, route: 'continuation' } : null);
  }
  return results;
}

/**
 * "Mayor Diaz says she welcomed … what she calls "…"", "Holt said she remembered thinking, "…"": a
 * pronoun in a clause governed by the subject's own verb stands for that subject, and the named
 * subject is the mention to show. Only a subject that opens the sentence before the pronoun, and is
 * followed by a verb, counts; a pronoun after "which", "when" or a comma keeps its own mention.
 */
function subjectThePronounTakesUp(tokens: readonly Token[], speaker: Span, sentenceStart: number, quoteFirst: number): Span | null {
  const at = firstStartingAtOrAfter(tokens, speaker.start);
  const pronoun = tokens[at];
  if (!pronoun || tokens[at].end !== speaker.end || !/^(?:he|she|it|they)$/.test(pronoun.lower)) return null;
  // Only a pronoun in a clause the subject's own verb governs: "Diaz says she …", "… what he called …".
  const before = tokens[at - 1];
  if (!before || !(before.lower === 'what' || (CUE_VERBS.has(before.lower) && !isCapitalised(before)))) return null;
  const subject = sentenceSubject(tokens, sentenceStart, Math.min(at, quoteFirst));
  if (!subject || subject.end > pronoun.start) return null;
  const first = firstStartingAtOrAfter(tokens, subject.start);
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1].end <= subject.end) last++;
  if (PRONOUNS.has(tokens[last].lower) || tokens[last].quoted) return null;
  const next = tokens[last + 1];
  // The subject's verb follows it: "Diaz says", "Holt said", "Moss took".
  if (!next || !/^\p{Ll}/u.test(next.text) || STOP_WORDS.has(next.lower) && !BETWEEN_SPEAKER_AND_CUE.has(next.lower)) return null;
  const head = tokens[last];
  const personal = pronoun.lower === 'he' || pronoun.lower === 'she';
  if (personal && !(isCapitalised(head) && isCapitalised(tokens[first])) && !isPersonNoun(head.lower)) return null;
  return subject;
}

/** The attribution ending the sentence before token `sentenceStart` (`…, X said.`), if its cue is among the last words. */
function closingAttribution(tokens: readonly Token[], previousStart: number, sentenceStart: number): Found | null {
  let end = sentenceStart;
  while (end > previousStart && !isWord(tokens[end - 1])) end--;
  const floor = Math.max(previousStart, end - 8);
  for (let k = end - 1; k >= floor; k--) {
    const cue = cueAt(tokens, k);
    if (!cue) continue;
    const speaker = cue.last + 1 < end ? phraseAfter(tokens, cue.last + 1, end) : null;
    if (speaker && tokens[k - 1]?.text === ',') return { speaker, cue: cue.text, route: 'continuation' };
    const subject = subjectBefore(tokens, k, previousStart);
    return subject ? { speaker: subject, cue: cue.text, route: 'continuation' } : null;
  }
  return null;
}

interface Found {
  speaker: Span;
  cue: string | null;
  route: AttributionRoute;
}

function mention(paragraph: string, span: Span): SpeakerMention {
  return { start: span.start, end: span.end, text: paragraph.slice(span.start, span.end) };
}

/**
 * `"…," X said` (the speaker between the quote and the cue) or `"…," said X` (inverted). When
 * `adjacent`, the cue must follow within a short noun phrase or appositive; otherwise anywhere in
 * the rest of the sentence (`"…" of the plan, Mr. X said`).
 */
function afterQuote(tokens: readonly Token[], from: number, to: number, adjacent: boolean): Found | null {
  let i = from;
  // `…them,''' said X`: the third mark (a nested quote's closer) is left over after the pair; it belongs to the quote.
  if (i < to && (tokens[i].text === "'" || tokens[i].text === '’') && i > 0 && tokens[i - 1].quoted && tokens[i - 1].end === tokens[i].start) i++;
  while (i < to && (tokens[i].text === ',' || tokens[i].text === '—' || tokens[i].text === '–' || tokens[i].text === '-')) i++;
  const limit = Math.min(to, i + (adjacent ? 40 : 60));
  for (let k = i; k < limit; k++) {
    if (tokens[k].quoted) return null;
    const cue = cueAt(tokens, k);
    if (!cue) continue;
    if (k === i) {
      // Inverted: the speaker follows the cue.
      if (cue.text === 'according to' || CUE_VERBS.has(tokens[k].lower)) {
        const speaker = phraseAfter(tokens, cue.last + 1, to, true);
        if (speaker) return { speaker, cue: cue.text, route: cue.text === 'according to' ? 'according' : 'inverted' };
      }
      return null;
    }
    if (cue.text === 'according to') {
      const speaker = phraseAfter(tokens, cue.last + 1, to);
      if (speaker) return { speaker, cue: cue.text, route: 'according' };
      continue;
    }
    // `"…" since …, said Lee Epstein`: an inverted cue after a clause.
    if (!adjacent && tokens[k - 1]?.text === ',' && cue.text !== 'according to') {
      const inverted = phraseAfter(tokens, cue.last + 1, to);
      if (inverted && isCapitalised(tokens[cue.last + 1])) return { speaker: inverted, cue: cue.text, route: 'inverted' };
    }
    // `"…," Flynn, a top surrogate, said`: the name before an appositive.
    const between = tokens.slice(i, k);
    if (adjacent) {
      const commas = between.filter((t) => t.text === ',').length;
      if (commas >= 2 && between[between.length - 1].text === ',') {
        // `"…," Flynn, a top surrogate, said` and `"…," the White House spokesman, Josh Earnest, said`.
        const name = phraseAfter(tokens, i, k);
        if (name && (isCapitalised(tokens[i]) || DETERMINERS.has(tokens[i].lower))) return { speaker: name, cue: cue.text, route: 'after' };
      }
      if (commas === 0 && k - i > 9) return null;
    }
    const speaker = subjectBefore(tokens, k, i);
    // Right after the quote, the words before the cue must be the speaker itself, not a clause.
    if (speaker && (!adjacent || speaker.start === tokens[i].start)) return { speaker, cue: cue.text, route: 'after' };
    if (adjacent) return null;
  }
  return null;
}

/**
 * A quoted phrase inside a sentence with no cue we know (`X dismissed Y as "…"`): the sentence's
 * subject, when it is a name or a pronoun, is most often the one being quoted.
 */
function subjectOfSentence(tokens: readonly Token[], from: number, to: number): Found | null {
  const subject = sentenceSubject(tokens, from, to);
  if (!subject || (insideNonCueParticiple(tokens, from, to) && !canSpeak(tokens, subject))) return null;
  return { speaker: subject, cue: null, route: 'subject' };
}

/**
 * A quote inside a participle clause that is no cue (`The rocket lifted off, marking "Europe's return"`)
 * names what the event meant, in the writer's words: a subject that cannot speak did not say it.
 */
function insideNonCueParticiple(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = to - 1; k > from; k--) {
    const t = tokens[k];
    if (t.quoted) continue;
    if (t.text === ',' || t.text === ';' || t.text === '—' || t.text === '–') return false;
    if (/ing$/.test(t.lower) && t.lower.length > 5 && !isCapitalised(t) && tokens[k - 1].text === ',' && !cueAt(tokens, k)) return true;
  }
  return false;
}

/** A person's or body's name, a personal pronoun or a noun for people ("the spokesman"): not "the launch" or "it". */
function canSpeak(tokens: readonly Token[], span: Span): boolean {
  const first = firstStartingAtOrAfter(tokens, span.start);
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1].end <= span.end) last++;
  let head = tokens[last];
  // The chunker stops a name at a lower-case word, so "The Ariane 6 rocket lifted off" gives "The Ariane 6";
  // after a determiner, a lower-case word followed by its verb is the real head.
  const next = tokens[last + 1];
  const verb = tokens[last + 2];
  if (DETERMINERS.has(tokens[first].lower) && next && verb && /^\p{Ll}+$/u.test(next.text) && /^\p{Ll}+$/u.test(verb.text) && !STOP_WORDS.has(next.lower) && !STOP_WORDS.has(verb.lower)) head = next;
  if (PRONOUNS.has(head.lower)) return head.lower !== 'it';
  return isCapitalised(head) || isPersonNoun(head.lower) || head.text === ')';
}

/** `X said: "…"`, `X told reporters "…"`, `X said the plan was "…"`, `according to X, "…"`. */
function beforeQuote(tokens: readonly Token[], from: number, to: number): Found | null {
  // Attribution sits within a few dozen words of its quote; the bound keeps long sentences linear.
  for (let k = to - 1; k >= Math.max(from, to - 80); k--) {
    const cue = cueAt(tokens, k);
    if (!cue || cue.last >= to) continue;
    if (cue.text === 'according to') {
      const spoken = rendersWords(tokens, cue.last + 1, to) ? speechVerbBefore(tokens, from, k) : null;
      if (spoken) return spoken;
      const speaker = phraseAfter(tokens, cue.last + 1, to);
      if (speaker) return { speaker, cue: cue.text, route: 'according' };
      continue;
    }
    // "footage of Mayor Diaz asking, …": a name right before the participle, after a preposition, is its speaker.
    const participleName = /ing$/.test(tokens[k].lower) ? nameBeforeParticiple(tokens, k, from) : null;
    if (participleName) return { speaker: participleName, cue: cue.text, route: 'before' };
    // "X issued a statement calling …": a participle's speaker is the sentence's subject.
    const participleSubject = /ing$/.test(tokens[k].lower) ? sentenceSubject(tokens, from, k) : null;
    if (participleSubject) return { speaker: participleSubject, cue: cue.text, route: 'before' };
    const speaker = subjectBefore(tokens, k, from);
    // "Fishermen marching through the harbour chanted": a noun after a preposition is its object, not the subject.
    const objectOf = speaker ? tokens[firstStartingAtOrAfter(tokens, speaker.start) - 1] : undefined;
    if (speaker && objectOf && k - from > 2 && /^(?:through|into|onto|across|along|around|toward|towards|past|over|under|from|with|without|at|in|on|to)$/.test(objectOf.lower) && !isCapitalised(tokens[firstStartingAtOrAfter(tokens, speaker.start)])) {
      const subject = sentenceSubject(tokens, from, k);
      if (subject && subject.end <= objectOf.start) return { speaker: subject, cue: cue.text, route: 'before' };
    }
    if (speaker) return { speaker, cue: cue.text, route: 'before' };
    const prev = tokens[k - 1];
    // "Senator Harry Reid, the minority leader, said": the name before the appositive.
    if (prev?.text === ',') {
      const named = nameBeforeAppositive(tokens, k - 1, from);
      if (named) return { speaker: named, cue: cue.text, route: 'before' };
    }
    // "she smiled and said": the subject of the verb the cue is joined to, when it is a pronoun.
    if ((prev?.lower === 'and' || prev?.lower === 'but') && k - 2 > from && /^\p{Ll}+$/u.test(tokens[k - 2].text) && !STOP_WORDS.has(tokens[k - 2].lower)) {
      const joined = subjectBefore(tokens, k - 2, from);
      const head = joined ? tokens[firstStartingAtOrAfter(tokens, joined.start)] : null;
      // Only a nominative pronoun is surely that verb's subject; a noun there may be its object ("denounced the harbour plans and pledged").
      if (joined && head && joined.end === tokens[k - 3]?.end && /^(?:i|he|she|we|they)$/.test(head.lower)) return { speaker: joined, cue: cue.text, route: 'before' };
    }
    // ", saying …" / "and condemned …": the speaker is the subject of the sentence.
    if (k === from || !prev || prev.text === ',' || prev.lower === 'and' || prev.lower === 'but' || /ing$/.test(tokens[k].lower)) {
      const subject = sentenceSubject(tokens, from, k);
      if (subject) return { speaker: subject, cue: cue.text, route: 'before' };
    }
  }
  return null;
}

/** "footage of the mayor saying", "a video with Mayor Diaz asking": the name the participle follows, after a preposition. */
function nameBeforeParticiple(tokens: readonly Token[], participle: number, floor: number): Span | null {
  const name = subjectBefore(tokens, participle, floor);
  if (!name) return null;
  const first = firstStartingAtOrAfter(tokens, name.start);
  if (!isCapitalised(tokens[first]) || first - 1 < floor) return null;
  return /^(?:of|with|by|from)$/.test(tokens[first - 1].lower) && tokens[participle - 1].end === name.end ? name : null;
}

/** `NAME, appositive,` ending at the comma token `comma`: the noun phrase before the appositive. */
function nameBeforeAppositive(tokens: readonly Token[], comma: number, floor: number): Span | null {
  for (let k = comma - 1; k > floor && comma - k <= 14; k--) {
    if (tokens[k].quoted) return null;
    if (tokens[k].text !== ',') continue;
    const name = subjectBefore(tokens, k, floor);
    return name && isCapitalised(tokens[firstStartingAtOrAfter(tokens, name.start)]) ? name : null;
  }
  return null;
}

/** "according to X" anywhere in the sentence names the source, whatever other verbs it has. */
function accordingTo(tokens: readonly Token[], from: number, to: number): Found | null {
  for (let k = from; k + 1 < to; k++) {
    if (tokens[k].lower !== 'according' || tokens[k].quoted || tokens[k + 1].lower !== 'to') continue;
    const spoken = rendersWords(tokens, k + 2, to) ? speechVerbBefore(tokens, from, k) : null;
    if (spoken) return spoken;
    const speaker = phraseAfter(tokens, k + 2, to);
    if (speaker) return { speaker, cue: 'according to', route: 'according' };
  }
  return null;
}

/**
 * "according to a translation by Y", "according to an interpreter": the source only renders the
 * words, so a speech verb before it ("X told reporters, according to …") names the speaker. Any other
 * source ("X said, according to the Harbor Gazette") is who vouches for the quote, and is credited.
 */
function rendersWords(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < Math.min(to, from + 3); k++) {
    if (/^(?:translation|translations|translator|translators|interpreter|interpreters|interpretation|transliteration)$/.test(tokens[k].lower)) return true;
  }
  return false;
}

/** A speech verb with its subject earlier in the sentence than `end` ("X told reporters, according to …"). */
function speechVerbBefore(tokens: readonly Token[], from: number, end: number): Found | null {
  for (let k = end - 1; k >= from; k--) {
    if (tokens[k].quoted || tokens[k].lower === 'according') continue;
    const cue = cueAt(tokens, k);
    if (!cue || cue.last >= end) continue;
    const speaker = subjectBefore(tokens, k, from);
    if (speaker) return { speaker, cue: cue.text, route: 'before' };
  }
  return null;
}

/** `"…" ― Name`: a quote signed with a dash, as in reader comments and pasted posts. */
function signature(tokens: readonly Token[], from: number, to: number): Found | null {
  const dash = tokens[from];
  if (!dash || !/^[―—–-]$/.test(dash.text)) return null;
  const speaker = phraseAfter(tokens, from + 1, to);
  if (!speaker || !isCapitalised(tokens[from + 1])) return null;
  // The signature is all that follows the dash: "― Name", perhaps "― Name, City".
  let k = from + 1;
  while (k < to && tokens[k].start < speaker.end) k++;
  if (k < to && !/^[.,]$/.test(tokens[k].text)) return null;
  return { speaker, cue: null, route: 'signature' };
}

/** Transcript style `SPEAKER: "…"`: a capitalised name directly followed by a colon. */
function label(tokens: readonly Token[], from: number, to: number): Found | null {
  if (to - from < 2 || tokens[to - 1].text !== ':') return null;
  const name = tokens[to - 2];
  if (!isCapitalised(name) || to - 2 - from > 3) return null;
  return { speaker: { start: tokens[from].start, end: name.end }, cue: ':', route: 'label' };
}
