import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { CustomAgency } from './analysis/annotation';
import { readAgencyList } from './settings';

/** The workspace file of custom agencies, read as data only (JSON with comments). */
export const AGENCY_FILE = '.vscode/news-agencies.json';

export interface AgencyFileProblem {
  line: number; // 0-based
  character: number;
  message: string;
}

/** The agencies in the file, and each problem with the line it is on; a broken file yields the entries that can be read. */
export function parseAgencyFile(fileText: string): { agencies: CustomAgency[]; problems: AgencyFileProblem[] } {
  // Editors on Windows may save a byte-order mark; it is not JSON, but it is not the user's mistake either.
  // Replaced by a space so that offsets, and so lines and columns, stay those of the file.
  const text = fileText.charCodeAt(0) === 0xfeff ? ` ${fileText.slice(1)}` : fileText;
  if (text.trim() === '') return { agencies: [], problems: [{ line: 0, character: 0, message: 'the file is empty; expected a list of agencies.' }] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: AgencyFileProblem[] = errors.map((error) => ({
    ...lineAndCharacter(text, error.offset),
    message: `JSON syntax: ${describeParseError(printParseErrorCode(error.error))}`,
  }));
  if (!root) return { agencies: [], problems };
  const value = nodeValue(root);
  const { agencies, problems: entryProblems } = readAgencyList(value, 'agencies');
  for (const problem of entryProblems) {
    const node = problem.index !== undefined && root.type === 'array' ? root.children?.[problem.index] : root;
    problems.push({ ...lineAndCharacter(text, node?.offset ?? 0), message: problem.message });
  }
  return { agencies, problems };
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

function lineAndCharacter(text: string, offset: number): { line: number; character: number } {
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
