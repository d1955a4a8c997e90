import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { CustomAgency } from './analysis/annotation';
import { readAgencyList } from './settings';

/** The workspace file of custom agencies, read as data only (JSON with comments). */
export const AGENCY_FILE = '.vscode/news-agencies.json';

export interface AgencyFileProblem {
  line: number; // 0-based
  character: number;
  message: string;
}

/**
 * The agencies in the file, the names to ignore, and each problem with the line it is on; a broken file
 * yields what can be read. Two forms: a list of agencies (the first format, still read), or an object
 * `{"agencies": [...], "ignore": ["..."]}`.
 */
export function parseAgencyFile(fileText: string): AgencyFile {
  // Editors on Windows may save a byte-order mark; it is not JSON, but it is not the user's mistake either.
  // Replaced by a space so that offsets, and so lines and columns, stay those of the file.
  const text = fileText.charCodeAt(0) === 0xfeff ? ` ${fileText.slice(1)}` : fileText;
  if (text.trim() === '') return { agencies: [], ignore: [], problems: [{ line: 0, character: 0, message: 'the file is empty; expected a list of agencies.' }] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: AgencyFileProblem[] = errors.map((error) => ({
    ...lineAndCharacter(text, error.offset),
    message: `JSON syntax: ${describeParseError(printParseErrorCode(error.error))}`,
  }));
  if (!root) return { agencies: [], ignore: [], problems };
  const at = (node: JsonNode | undefined): { line: number; character: number } => lineAndCharacter(text, node?.offset ?? 0);
  let list: JsonNode | undefined = root;
  let where = 'agencies';
  const ignore: string[] = [];
  if (root.type === 'object') {
    list = findNodeAtLocation(root, ['agencies']);
    where = 'agencies';
    const ignoreNode = findNodeAtLocation(root, ['ignore']);
    if (ignoreNode) {
      if (ignoreNode.type !== 'array') problems.push({ ...at(ignoreNode), message: '"ignore" must be a list of names.' });
      for (const name of ignoreNode.children ?? []) {
        if (typeof name.value === 'string' && name.value.trim()) ignore.push(name.value.trim());
        else problems.push({ ...at(name), message: '"ignore" holds names: non-empty strings.' });
      }
    }
    for (const property of root.children ?? []) {
      const key = property.children?.[0]?.value;
      if (key !== 'agencies' && key !== 'ignore' && key !== '$schema') problems.push({ ...at(property), message: `unknown key "${String(key)}"; expected "agencies" and "ignore".` });
    }
    if (!list) return { agencies: [], ignore, problems };
  }
  const { agencies, problems: entryProblems } = readAgencyList(nodeValue(list), where);
  for (const problem of entryProblems) {
    const node = problem.index !== undefined && list.type === 'array' ? list.children?.[problem.index] : list;
    problems.push({ ...at(node), message: problem.message });
  }
  return { agencies, ignore, problems };
}

export interface AgencyFile {
  agencies: CustomAgency[];
  /** Names that are never tagged as agencies in this workspace. */
  ignore: string[];
  problems: AgencyFileProblem[];
}

type JsonNode = NonNullable<ReturnType<typeof parseTree>>;

/** The JavaScript value of a (possibly partly broken) tree: what parsed is kept. */
function nodeValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'array':
      return (node.children ?? []).map(nodeValue);
    case 'object': {
      const object: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) object[String(key.value)] = nodeValue(value);
      }
      return object;
    }
    default:
      return node.value;
  }
}

export function lineAndCharacter(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
