/** Who an embedded social-media post is by: an agency its account names, else the account's display name. */
import type { AgencyAnnotation, TextSpan } from '../annotation';
import { StringMemo } from '../memo';
import { agencyWithin } from './agencyReferents';

/** A post's account: an agency named in it, else one whose name or acronym matches the handle, else the display name. */
export function resolvePost(account: TextSpan, agencies: readonly AgencyAnnotation[]): string {
  const inside = agencyWithin(account, agencies);
  if (inside) return inside.canonical;
  const handle = /@(\w+)/.exec(account.text)?.[1] ?? '';
  const byHandle = agenciesByHandle(agencies).get(normaliseHandle(handle));
  if (byHandle) return byHandle;
  return account.text.replace(/\s*\(@\w+\)\s*$/, '').trim() || handle;
}

/** Built once per document (its agency list), so that each post costs one look-up, not a pass over every agency. */
const handleIndexes = new WeakMap<readonly AgencyAnnotation[], Map<string, string>>();
function agenciesByHandle(agencies: readonly AgencyAnnotation[]): Map<string, string> {
  let index = handleIndexes.get(agencies);
  if (!index) {
    const built = new Map<string, string>();
    // Thousands of mentions share a few hundred names: each name is normalised once per document.
    const seen = new Set<string>();
    const add = (name: string | undefined, canonical: string): void => {
      if (!name || seen.has(name)) return;
      seen.add(name);
      const key = normaliseHandle(name);
      if (!built.has(key)) built.set(key, canonical);
    };
    for (const a of agencies) {
      add(a.canonical, a.canonical);
      add(a.acronym, a.canonical);
      add(a.text, a.canonical);
    }
    index = built;
    handleIndexes.set(agencies, index);
  }
  return index;
}

/** Names recur across a document and across edits: each is normalised once. */
const normalisedNames = new StringMemo(normaliseHandleUncached);

/** "DLR_en" → "dlr", "Roscosmos" → "roscosmos": accounts add language suffixes and underscores. */
function normaliseHandle(name: string): string {
  return normalisedNames.get(name);
}

function normaliseHandleUncached(name: string): string {
  return name
    .toLowerCase()
    .replace(/_(?:en|de|fr|es|ru|it|ja|zh|eng|english|intl|news|official)$/, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}
