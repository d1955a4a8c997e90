/**
 * Corrections the user makes from an article, written into the workspace's agency file. Each edit is built
 * with jsonc-parser's `modify` on the file's own text, so comments, the order of entries and the file's
 * indentation stay as the user left them; the result is one replacement of the part that changed. A file
 * that does not parse is never rewritten: the correction is refused, naming the line to fix.
 */
import { applyEdits, findNodeAtLocation, modify, parseTree, type Edit, type JSONPath, type Node, type ParseError } from 'jsonc-parser';
import type { AgencyCategory } from './analysis/annotation';
import { ignoreKey } from './analysis/agencies/ignoredAgencies';
import { AGENCY_FILE, lineAndCharacter } from './customAgencyFile';

export type AgencyCorrection =
  /** "X" is never an agency here. */
  | { kind: 'ignore'; name: string }
  /** "X" is an agency of this category. */
  | { kind: 'add'; name: string; category: AgencyCategory }
  /** "X" is another name of the agency `of`; the rest of the agency is written too when the file has no entry for it yet. */
  | { kind: 'alias'; name: string; of: { name: string; category?: AgencyCategory; acronym?: string; country?: string } };

/** The change to the file, as one jsonc-parser edit on `before` (empty `before` when the file is created). */
export type CorrectionResult =
  | { edit: Edit; before: string; after: string }
  /** The file already says so: nothing to write. */
  | { unchanged: true }
  | { refused: string };

export function correctAgencyFile(fileText: string | null, correction: AgencyCorrection): CorrectionResult {
  if (fileText === null || fileText.trim() === '') {
    const after = `${JSON.stringify(newFile(correction), null, 2)}\n`;
    return { edit: { offset: 0, length: fileText?.length ?? 0, content: after }, before: fileText ?? '', after };
  }
  // A byte-order mark is not JSON; a space in its place keeps every offset where the user's editor has it.
  const text = fileText.charCodeAt(0) === 0xfeff ? ` ${fileText.slice(1)}` : fileText;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !root) {
    const { line } = lineAndCharacter(text, errors[0]?.offset ?? 0);
    return { refused: `${AGENCY_FILE} cannot be read (line ${line + 1}); fix it before adding corrections.` };
  }
  if (root.type !== 'array' && root.type !== 'object') {
    return { refused: `${AGENCY_FILE} (line ${lineAndCharacter(text, root.offset).line + 1}) is neither a list of agencies nor an object with "agencies" and "ignore"; fix it before adding corrections.` };
  }
  const corrected = applyCorrection(text, root, correction);
  if (corrected === text) return { unchanged: true };
  const after = text === fileText ? corrected : `\ufeff${corrected.slice(1)}`;
  return { edit: smallestEdit(fileText, after), before: fileText, after };
}

function newFile(correction: AgencyCorrection): object {
  switch (correction.kind) {
    case 'ignore':
      return { ignore: [correction.name] };
    case 'add':
      return { agencies: [{ name: correction.name, category: correction.category }] };
    case 'alias':
      return { agencies: [{ ...entryFor(correction.of), aliases: [correction.name] }] };
  }
}

function entryFor(agency: Extract<AgencyCorrection, { kind: 'alias' }>['of']): Record<string, string> {
  const entry: Record<string, string> = { name: agency.name };
  if (agency.acronym) entry.acronym = agency.acronym;
  if (agency.category) entry.category = agency.category;
  if (agency.country) entry.country = agency.country;
  return entry;
}

function applyCorrection(text: string, root: Node, correction: AgencyCorrection): string {
  // The first format is a bare list of agencies; an ignore list needs the object form around it.
  if (root.type === 'array' && correction.kind === 'ignore') {
    const eol = eolOf(text);
    const indent = indentOf(text);
    const opening = `{${eol}${indent}"agencies": `;
    const closing = `,${eol}${indent}"ignore": [${JSON.stringify(correction.name)}]${eol}}`;
    const end = root.offset + root.length;
    return text.slice(0, root.offset) + opening + text.slice(root.offset, end) + closing + text.slice(end);
  }
  const list: JSONPath = root.type === 'array' ? [] : ['agencies'];
  switch (correction.kind) {
    case 'ignore': {
      const ignore = findNodeAtLocation(root, ['ignore']);
      if (ignore?.type === 'array') {
        if (ignore.children?.some((name) => typeof name.value === 'string' && ignoreKey(name.value) === ignoreKey(correction.name))) return text;
        return edit(text, ['ignore', -1], correction.name, true);
      }
      return edit(text, ['ignore'], [correction.name], false);
    }
    case 'add': {
      // Adding a name the user once ignored means it is an agency after all.
      let current = withoutIgnored(text, correction.name);
      const entries = findNodeAtLocation(parse(current), list);
      if (entries?.type === 'array') {
        if (entryIndex(entries, correction.name) >= 0) return current;
        return edit(current, [...list, -1], { name: correction.name, category: correction.category }, true);
      }
      current = edit(current, list, [{ name: correction.name, category: correction.category }], false);
      return current;
    }
    case 'alias': {
      const entries = findNodeAtLocation(root, list);
      if (entries?.type !== 'array') return edit(text, list, [{ ...entryFor(correction.of), aliases: [correction.name] }], false);
      const index = entryIndex(entries, correction.of.name);
      if (index < 0) return edit(text, [...list, -1], { ...entryFor(correction.of), aliases: [correction.name] }, true);
      const aliases = findNodeAtLocation(entries, [index, 'aliases']);
      if (aliases?.type === 'array') {
        if (aliases.children?.some((alias) => alias.value === correction.name)) return text;
        return edit(text, [...list, index, 'aliases', -1], correction.name, true);
      }
      return edit(text, [...list, index, 'aliases'], [correction.name], false);
    }
  }
}

function withoutIgnored(text: string, name: string): string {
  const ignore = findNodeAtLocation(parse(text), ['ignore']);
  const index = ignore?.children?.findIndex((node) => typeof node.value === 'string' && ignoreKey(node.value) === ignoreKey(name)) ?? -1;
  return index < 0 ? text : withoutElement(text, ignore!, index);
}

/**
 * The array without one element. Not `modify`: jsonc-parser 3.3 cuts one character short when it removes
 * the last element of a list, and leaves the file broken.
 */
function withoutElement(text: string, array: Node, index: number): string {
  const children = array.children ?? [];
  const element = children[index];
  let start = element.offset;
  let end = element.offset + element.length;
  if (index + 1 < children.length) end = children[index + 1].offset;
  else if (index > 0) start = children[index - 1].offset + children[index - 1].length;
  return text.slice(0, start) + text.slice(end);
}

function entryIndex(entries: Node, name: string): number {
  return (entries.children ?? []).findIndex((entry) => {
    const value = findNodeAtLocation(entry, ['name'])?.value;
    return typeof value === 'string' && value.trim() === name.trim();
  });
}

function parse(text: string): Node {
  return parseTree(text, [], { allowTrailingComma: true, disallowComments: false })!;
}

/**
 * One change made with jsonc-parser's `modify`, laid out the way the file already is. `modify` can format
 * what it inserts, but it reformats the whole lines around the insertion too (a one-line entry before
 * it would be spread over several lines), so the insertion is taken unformatted and laid out here: inline
 * in a list written on one line, one element per line, at its siblings' indentation, otherwise.
 */
function edit(text: string, path: JSONPath, value: unknown, isArrayInsertion: boolean): string {
  const edits = modify(text, path, value, { isArrayInsertion });
  if (value === undefined || edits.length !== 1) return applyEdits(text, edits);
  const container = findNodeAtLocation(parse(text), path.slice(0, -1));
  if (!container) return applyEdits(text, edits);
  const [raw] = edits;
  const key = container.type === 'object' ? `${JSON.stringify(path[path.length - 1])}: ` : '';
  const children = container.children ?? [];
  const unit = indentOf(text);
  const eol = eolOf(text);
  let content: string;
  if (children.length > 0 && !/[\r\n]/.test(text.slice(container.offset, container.offset + container.length))) {
    content = `, ${key}${inline(value)}`;
  } else if (children.length > 0) {
    const indent = lineIndent(text, children[children.length - 1].offset);
    content = `,${eol}${indent}${key}${pretty(value, indent, unit, eol)}`;
  } else {
    const outer = lineIndent(text, container.offset);
    content = `${eol}${outer}${unit}${key}${pretty(value, outer + unit, unit, eol)}${eol}${outer}`;
  }
  return applyEdits(text, [{ offset: raw.offset, length: raw.length, content }]);
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value && typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`;
  return JSON.stringify(value);
}

function pretty(value: unknown, indent: string, unit: string, eol: string): string {
  return JSON.stringify(value, null, unit).replace(/\n/g, eol + indent);
}

function lineIndent(text: string, offset: number): string {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** The file's own indentation step (two spaces when nothing is indented yet). */
function indentOf(text: string): string {
  return /[\r\n]([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** One edit covering what differs between the two texts: the rest of the file is not touched at all. */
function smallestEdit(before: string, after: string): Edit {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never cut a surrogate pair in two.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return { offset: start, length: before.length - end - start, content: after.slice(start, after.length - end) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
