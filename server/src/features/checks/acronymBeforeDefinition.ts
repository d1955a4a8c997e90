/**
 * `acronym-before-definition`: an acronym the article spells out ("National Aeronautics and Space
 * Administration (NASA)", or "NASA (National Aeronautics and Space Administration)") but uses before that.
 * A definition counts only when the initials of its capitalised words give the acronym, so a parenthesis
 * that merely follows a name ("the agency (NASA)") defines nothing. Headlines and lines in capitals are
 * exempt: house styles allow acronyms there.
 */
import type { Finding } from './check';

/** Lowercase words a name may contain without giving a letter to its acronym. */
const LINKING_WORDS = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'to', 'at', 'de', 'du', 'des', 'la', 'le', 'et', 'für', 'und', 'der', 'die', 'das', 'del', 'y', 'a', '&']);

const ACRONYM = '[A-Z](?:[A-Za-z&.-]{0,8}[A-Z])s?';
/** At an opening parenthesis: "(ACR)", after the name it abbreviates. */
const ACRONYM_IN_PARENTHESES = new RegExp(`\\(\\s*(${ACRONYM})\\s*\\)`, 'y');
/** At an opening parenthesis: "(Long Name)", after the acronym. */
const NAME_IN_PARENTHESES = /\(\s*([^()\r\n]{3,120}?)\s*\)/y;
/** The acronym right before an opening parenthesis. */
const ACRONYM_BEFORE = new RegExp(`(?<![\\w-])(${ACRONYM})\\s*$`);

interface Definition {
  acronym: string;
  start: number;
  end: number;
  /** The name the acronym stands for, as the article spells it. */
  name: string;
}

export function acronymsBeforeDefinition(text: string, exemptLines: (offset: number) => boolean): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const definition of definitions(text)) {
    if (seen.has(definition.acronym)) continue;
    seen.add(definition.acronym);
    const use = firstUse(text, definition, exemptLines);
    if (use < 0) continue;
    findings.push({
      code: 'acronym-before-definition',
      start: use,
      end: use + definition.acronym.length,
      message: `${definition.acronym} is used before it is spelled out: “${text.slice(definition.start, definition.end).replace(/\s+/g, ' ')}”.`,
      related: [{ start: definition.start, end: definition.end, message: `${definition.acronym} is spelled out here.` }],
      fix: { kind: 'replace', with: `${definition.name} (${definition.acronym})` },
    });
  }
  return findings;
}

/** Every definition, in text order (only the first of each acronym matters); only parentheses are looked at. */
function definitions(text: string): Definition[] {
  const found: Definition[] = [];
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    ACRONYM_IN_PARENTHESES.lastIndex = open;
    const inside = ACRONYM_IN_PARENTHESES.exec(text);
    if (inside) {
      if (!isAcronym(inside[1])) continue;
      const nameStart = nameBefore(text, open, lettersOf(inside[1]));
      if (nameStart >= 0) found.push({ acronym: inside[1], start: nameStart, end: open + inside[0].length, name: spelledOut(text.slice(nameStart, open)) });
      continue;
    }
    const before = ACRONYM_BEFORE.exec(text.slice(Math.max(0, open - 16), open));
    if (!before || !isAcronym(before[1])) continue;
    NAME_IN_PARENTHESES.lastIndex = open;
    const name = NAME_IN_PARENTHESES.exec(text);
    if (name && nameBefore(name[1], name[1].length, lettersOf(before[1])) === 0) {
      found.push({ acronym: before[1], start: open - before[0].length, end: open + name[0].length, name: spelledOut(name[1]) });
    }
  }
  return found;
}

/** A name over a line break reads as one line where the acronym was; a leading article stays where it was. */
function spelledOut(name: string): string {
  return name.trim().replace(/\s+/g, ' ').replace(/^(?:the|The)\s+/, '');
}

function isAcronym(word: string): boolean {
  const capitals = word.replace(/[^A-Z]/g, '');
  return capitals.length >= 2 && capitals.length >= word.replace(/[^A-Za-z]/g, '').length - 2;
}

function lettersOf(acronym: string): string {
  return acronym.replace(/s$/, '').replace(/[^A-Z]/g, '');
}

const WORD_BEFORE = /([\p{L}\p{N}][\p{L}\p{N}'’.-]*|&)\s*$/u;

/**
 * Where the name whose initials spell `letters` starts, reading the words before `end` backwards; -1 if
 * the words there do not spell it. A word may give more than its initial when it has inner capitals
 * ("BioNTech", "NextGen").
 */
function nameBefore(text: string, end: number, letters: string): number {
  let remaining = letters;
  let cursor = end;
  let start = -1;
  for (let words = 0; remaining && words < letters.length + 6; words++) {
    const m = WORD_BEFORE.exec(text.slice(Math.max(0, cursor - 60), cursor));
    if (!m) return -1;
    const word = m[1];
    const wordStart = cursor - m[0].length;
    cursor = wordStart;
    if (LINKING_WORDS.has(word.toLowerCase()) && !/^\p{Lu}/u.test(word)) continue;
    if (!/^\p{Lu}/u.test(word)) return -1;
    const capitals = word.split(/[-‐]/).map((part) => part.replace(/[^\p{Lu}]/gu, '')).join('');
    if (remaining.endsWith(capitals)) remaining = remaining.slice(0, remaining.length - capitals.length);
    else if (remaining.endsWith(word[0].toUpperCase())) remaining = remaining.slice(0, -1);
    else return -1;
    start = wordStart;
  }
  return remaining ? -1 : start;
}

function firstUse(text: string, definition: Definition, exempt: (offset: number) => boolean): number {
  const use = new RegExp(`(?<![\\w-])${definition.acronym.replace(/[.&-]/g, '\\$&')}(?![\\w])`, 'g');
  for (let m = use.exec(text); m && m.index < definition.start; m = use.exec(text)) {
    if (!exempt(m.index)) return m.index;
  }
  return -1;
}
