/**
 * What "it", "the agency" or "the US company" points back to: the nearest agency before it that is not
 * the object of a preposition and whose category and country fit the description.
 */
import type { AgencyAnnotation, AgencyCategory, TextSpan } from '../annotation';
import { firstStartingAtOrAfter } from '../text/sortedSpans';

/** No agency name is longer than this: an agency overlapping a span starts at most this far before it. */
const MAX_AGENCY_LENGTH = 200;

export function agencyWithin(span: TextSpan, agencies: readonly AgencyAnnotation[]): AgencyAnnotation | null {
  let best: AgencyAnnotation | null = null;
  for (let i = firstStartingAtOrAfter(agencies, span.start - MAX_AGENCY_LENGTH); i < agencies.length && agencies[i].start < span.end; i++) {
    const a = agencies[i];
    if (a.end > span.start && (!best || a.end - a.start > best.end - best.start)) best = a;
  }
  return best;
}

/** Only the preposition ignores case: the words after it must be capitalised, or any text would end in a "name". "According to X" names a source, so it does not count. */
const PREPOSITION_BEFORE =
  /\b(?:[Bb]y|[Oo]f|[Ww]ith|(?<![Aa]ccording\s+)[Tt]o|[Ff]rom|[Ff]or|[Ii]n|[Oo]n|[Aa]t|[Aa]gainst|[Aa]bout|[Ii]nto|[Oo]ver|[Uu]nder|[Bb]etween|[Aa]mong|[Tt]han|[Ll]ike)\s+(?:(?:[Tt]he|[Aa]|[Aa]n|[Ii]ts|[Tt]heir)\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+)*$/u;

/**
 * The nearest agency before `offset` that can be what "it" or "the agency" points back to: one that
 * is not the object of a preposition ("the decisions taken by the DLR Executive Board").
 */
export function nearestSubjectAgency(
  text: string,
  agencies: readonly AgencyAnnotation[],
  offset: number,
  fits: (agency: AgencyAnnotation) => boolean = () => true,
): AgencyAnnotation | null {
  for (let i = firstStartingAtOrAfter(agencies, offset) - 1, steps = 0; i >= 0 && steps < 12; i--, steps++) {
    const candidate = agencies[i];
    if (candidate.end > offset || !fits(candidate)) continue;
    if (!PREPOSITION_BEFORE.test(text.slice(Math.max(0, candidate.start - 60), candidate.start))) return candidate;
  }
  return null;
}

/** Which agencies a description can point back to: "the company" a company, "the US agency" an American one. */
const CATEGORIES_BY_HEAD: Record<string, readonly AgencyCategory[]> = {
  company: ['company'], firm: ['company'], corporation: ['company'], group: ['company'], operator: ['company'], bank: ['company'],
  carrier: ['company'], airline: ['company'], manufacturer: ['company'], maker: ['company'], broadcaster: ['media', 'company'],
  newspaper: ['media'], outlet: ['media'], network: ['media', 'company'], ministry: ['ministry', 'government'],
  department: ['ministry', 'government'], government: ['government', 'ministry'], administration: ['government', 'space agency'],
  court: ['court'], party: ['party'], campaign: ['party', 'organisation'], team: ['sports'], club: ['sports'], university: ['university'],
  union: ['ngo', 'organisation', 'international'], regulator: ['government'], authority: ['government', 'international'],
};
const COUNTRY_ADJECTIVES: Record<string, string> = {
  us: 'United States', 'u.s.': 'United States', american: 'United States', uk: 'United Kingdom', british: 'United Kingdom',
  german: 'Germany', russian: 'Russia', french: 'France', italian: 'Italy', japanese: 'Japan', chinese: 'China', spanish: 'Spain',
  canadian: 'Canada', australian: 'Australia', indian: 'India', israeli: 'Israel', ukrainian: 'Ukraine', dutch: 'Netherlands',
  swiss: 'Switzerland', korean: 'South Korea', 'south korean': 'South Korea', brazilian: 'Brazil', swedish: 'Sweden', turkish: 'Turkey',
};

export function describedAgency(description: string): (agency: AgencyAnnotation) => boolean {
  const words = description.toLowerCase().split(/\s+/);
  const categories = CATEGORIES_BY_HEAD[words[words.length - 1]];
  const country = words.slice(0, -1).map((w) => COUNTRY_ADJECTIVES[w]).find(Boolean);
  return (agency) => (!categories || categories.includes(agency.category)) && (!country || agency.country === country);
}


/** Whether the name starting at `start` is the object of a preposition ("by the board", "to Mr. King"). */
export function followsPreposition(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  // Only within the sentence: "Comments.\n\nNew Jersey Gov." has no preposition before the governor.
  const sentenceStart = Math.max(before.lastIndexOf('\n'), before.search(/[.!?]["”’]?\s+[^.!?]*$/));
  return PREPOSITION_BEFORE.test(sentenceStart > 0 ? before.slice(sentenceStart + 1) : before);
}
