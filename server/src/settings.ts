import type { CustomAgency } from './analysis/annotation';
import { CHECK_CODES, CHECK_LEVELS, DEFAULT_CHECK_LEVELS, type CheckCode, type CheckLevel } from './features/checks/check';
import { isCalendarDate } from './isoDate';

/** The server-side settings, under `newsAnnotator.` in the client's configuration. */
export interface ServerSettings {
  /** YYYY-MM-DD, used when an article names no publication date of its own. */
  publicationDate: string | null;
  agencies: CustomAgency[];
  /** Above this many characters the server analyses only what is visible. */
  maxFileSize: number;
  /** Severity of each check, or 'off'. */
  checks: Record<CheckCode, CheckLevel>;
  inlayHints: { dates: boolean; speakers: boolean };
  /** The workspace index: which files of the workspace folders it analyses in the background. */
  index: { enabled: boolean; include: string[] };
}

export const DEFAULT_INDEX_INCLUDE: readonly string[] = ['**/*.news', '**/*.article', '**/*.news.md', '**/*.news.txt'];

export const DEFAULT_SETTINGS: ServerSettings = {
  publicationDate: null,
  agencies: [],
  maxFileSize: 5_000_000,
  checks: { ...DEFAULT_CHECK_LEVELS },
  inlayHints: { dates: true, speakers: true },
  index: { enabled: true, include: [...DEFAULT_INDEX_INCLUDE] },
};

/** Settings as the user wrote them, checked field by field: a bad field falls back to its default and is reported. */
export function readSettings(raw: unknown): { settings: ServerSettings; problems: string[] } {
  const problems: string[] = [];
  const settings: ServerSettings = { ...DEFAULT_SETTINGS, agencies: [], checks: { ...DEFAULT_CHECK_LEVELS }, inlayHints: { ...DEFAULT_SETTINGS.inlayHints }, index: { enabled: true, include: [...DEFAULT_INDEX_INCLUDE] } };
  if (!raw || typeof raw !== 'object') return { settings, problems };
  const value = raw as Record<string, unknown>;
  if (value.publicationDate !== undefined && value.publicationDate !== null && value.publicationDate !== '') {
    if (isCalendarDate(value.publicationDate)) {
      settings.publicationDate = value.publicationDate;
    } else {
      problems.push(`newsAnnotator.publicationDate must be a date written YYYY-MM-DD; ignoring ${JSON.stringify(value.publicationDate)}.`);
    }
  }
  if (value.maxFileSize !== undefined) {
    if (typeof value.maxFileSize === 'number' && Number.isFinite(value.maxFileSize) && value.maxFileSize > 0) settings.maxFileSize = value.maxFileSize;
    else problems.push(`newsAnnotator.maxFileSize must be a positive number; using ${DEFAULT_SETTINGS.maxFileSize}.`);
  }
  if (value.agencies !== undefined) {
    const { agencies, problems: agencyProblems } = readCustomAgencies(value.agencies, 'newsAnnotator.agencies');
    settings.agencies = agencies;
    problems.push(...agencyProblems);
  }
  if (value.checks !== undefined && value.checks !== null) readCheckLevels(value.checks, settings.checks, problems);
  if (value.inlayHints !== undefined && value.inlayHints !== null) {
    if (typeof value.inlayHints !== 'object') problems.push('newsAnnotator.inlayHints must be an object like {"dates": true, "speakers": true}.');
    else {
      for (const key of ['dates', 'speakers'] as const) {
        const flag = (value.inlayHints as Record<string, unknown>)[key];
        if (flag === undefined) continue;
        if (typeof flag === 'boolean') settings.inlayHints[key] = flag;
        else problems.push(`newsAnnotator.inlayHints.${key} must be true or false; using true.`);
      }
    }
  }
  if (value.index !== undefined && value.index !== null) readIndexSettings(value.index, settings.index, problems);
  return { settings, problems };
}

/** `{"enabled": true, "include": ["**∕*.news"]}`: an empty or malformed include list keeps the default. */
function readIndexSettings(raw: unknown, into: ServerSettings['index'], problems: string[]): void {
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('newsAnnotator.index must be an object like {"enabled": true, "include": ["**/*.news"]}.');
    return;
  }
  const { enabled, include } = raw as Record<string, unknown>;
  if (enabled !== undefined) {
    if (typeof enabled === 'boolean') into.enabled = enabled;
    else problems.push('newsAnnotator.index.enabled must be true or false; using true.');
  }
  if (include !== undefined) {
    if (Array.isArray(include) && include.length > 0 && include.every((glob) => typeof glob === 'string' && glob.trim() !== '')) into.include = include.map((glob: string) => glob.trim());
    else problems.push(`newsAnnotator.index.include must be a non-empty list of globs such as "**/*.news"; using ${DEFAULT_INDEX_INCLUDE.map((glob) => JSON.stringify(glob)).join(', ')}.`);
  }
}

/** `{"weekday-mismatch": "error", "unattributed-quote": "off"}`: codes not named keep their default. */
function readCheckLevels(raw: unknown, into: Record<CheckCode, CheckLevel>, problems: string[]): void {
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`newsAnnotator.checks must be an object from check code to one of ${CHECK_LEVELS.join(', ')}.`);
    return;
  }
  for (const [code, level] of Object.entries(raw as Record<string, unknown>)) {
    if (!(CHECK_CODES as readonly string[]).includes(code)) {
      problems.push(`newsAnnotator.checks: there is no check "${code}"; the checks are ${CHECK_CODES.join(', ')}.`);
    } else if (!(CHECK_LEVELS as readonly unknown[]).includes(level)) {
      problems.push(`newsAnnotator.checks.${code} must be one of ${CHECK_LEVELS.join(', ')}; using "${DEFAULT_CHECK_LEVELS[code as CheckCode]}".`);
    } else {
      into[code as CheckCode] = level as CheckLevel;
    }
  }
}

const CATEGORIES = new Set([
  'space agency', 'government', 'ministry', 'news agency', 'media', 'court', 'military', 'international',
  'party', 'company', 'university', 'ngo', 'sports', 'organisation',
]);

export interface AgencyProblem {
  /** Index of the entry in the list, when the problem is in one entry. */
  index?: number;
  message: string;
}

/** Custom agencies from a setting: each bad entry is reported by where it is, and the good ones kept. */
export function readCustomAgencies(raw: unknown, where: string): { agencies: CustomAgency[]; problems: string[] } {
  const { agencies, problems } = readAgencyList(raw, where);
  return { agencies, problems: problems.map((p) => p.message) };
}

/** Checks a list of custom agencies entry by entry; `where` names the list in messages. */
export function readAgencyList(raw: unknown, where: string): { agencies: CustomAgency[]; problems: AgencyProblem[] } {
  const agencies: CustomAgency[] = [];
  const problems: AgencyProblem[] = [];
  if (!Array.isArray(raw)) {
    problems.push({ message: `${where} must be a list of agencies like [{"name": "…", "aliases": ["…"], "category": "…"}].` });
    return { agencies, problems };
  }
  raw.forEach((entry, i) => {
    const at = `${where}[${i}]`;
    const problem = (message: string): void => {
      problems.push({ index: i, message });
    };
    if (!entry || typeof entry !== 'object' || typeof (entry as CustomAgency).name !== 'string' || !(entry as CustomAgency).name.trim()) {
      problem(`${at} needs a "name" (a non-empty string).`);
      return;
    }
    const e = entry as Record<string, unknown>;
    const agency: CustomAgency = { name: (e.name as string).trim() };
    if (e.aliases !== undefined) {
      if (Array.isArray(e.aliases) && e.aliases.every((a) => typeof a === 'string')) agency.aliases = (e.aliases as string[]).filter((a) => a.trim());
      else problem(`${at}.aliases must be a list of strings.`);
    }
    if (e.acronym !== undefined) {
      if (typeof e.acronym === 'string') agency.acronym = e.acronym;
      else problem(`${at}.acronym must be a string.`);
    }
    if (e.country !== undefined) {
      if (typeof e.country === 'string') agency.country = e.country;
      else problem(`${at}.country must be a string.`);
    }
    if (e.category !== undefined) {
      if (typeof e.category === 'string' && CATEGORIES.has(e.category)) agency.category = e.category as CustomAgency['category'];
      else problem(`${at}.category must be one of: ${[...CATEGORIES].join(', ')}.`);
    }
    agencies.push(agency);
  });
  return { agencies, problems };
}
