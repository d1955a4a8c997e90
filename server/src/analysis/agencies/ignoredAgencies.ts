/**
 * Names the user said are not agencies (the `ignore` list of the workspace's agency file). Applied after
 * the document-level pass, so an ignored name is never tagged however it was found: lexicon, pattern or
 * one sense per discourse. A name matches a mention's own text or its canonical name, so ignoring an
 * agency's canonical name drops its other spellings too.
 */
import type { AgencyAnnotation } from '../annotation';

export function withoutIgnored(agencies: AgencyAnnotation[], ignored: readonly string[] | undefined): AgencyAnnotation[] {
  if (!ignored || ignored.length === 0) return agencies;
  const keys = new Set(ignored.map(ignoreKey));
  return agencies.filter((agency) => !keys.has(ignoreKey(agency.text)) && !keys.has(ignoreKey(agency.canonical)));
}

/** Case, spacing and a leading article do not make another name: "the Harbour  Trust" is "Harbour Trust". */
export function ignoreKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').replace(/^the /i, '').toLowerCase();
}
