import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CustomAgency } from './analysis/annotation';
import { AGENCY_FILE, parseAgencyFile, type AgencyFileProblem } from './customAgencyFile';

/** `.vscode/news-agencies.json` in each workspace folder: read as data, never run. */
export class CustomAgencyFiles {
  private folders: string[] = [];
  private loaded: CustomAgency[] = [];
  private ignored: string[] = [];
  /** What the files said at the last reload, to tell a real change from a repeated notification. */
  private lastTexts = '';
  /**
   * Text a correction has just written into a file, by file path: the editor applies the edit to its
   * buffer, and the file on disk catches up only when saved. Dropped when the disk file changes.
   */
  private readonly pending = new Map<string, string>();

  setFolders(folderUris: readonly string[]): void {
    this.folders = folderUris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
  }

  agencies(): readonly CustomAgency[] {
    return this.loaded;
  }

  ignoredNames(): readonly string[] {
    return this.ignored;
  }

  /** The agency file of the workspace folder that holds the document (the innermost one), whether it exists or not. */
  fileFor(documentUri: string): { uri: string; path: string; text: string | null } | undefined {
    if (!documentUri.startsWith('file:')) return undefined;
    const document = fileURLToPath(documentUri);
    const folder = this.folders
      .filter((f) => document.startsWith(f.endsWith(path.sep) ? f : f + path.sep))
      .sort((a, b) => b.length - a.length)[0];
    if (folder === undefined) return undefined;
    const file = path.join(folder, AGENCY_FILE);
    return { uri: pathToFileURL(file).toString(), path: file, text: this.textOf(file) };
  }

  /** A correction wrote this text into the file at `uri`; true when that is one of the workspace's agency files. */
  written(uri: string, text: string): boolean {
    if (!uri.startsWith('file:')) return false;
    const file = fileURLToPath(uri);
    if (!this.folders.some((folder) => path.join(folder, AGENCY_FILE) === file)) return false;
    this.pending.set(file, text);
    return true;
  }

  /** The file changed on disk: from now on the disk is right. */
  changedOnDisk(uri: string): void {
    if (uri.startsWith('file:')) this.pending.delete(fileURLToPath(uri));
  }

  /** Reads every folder's file again; returns each file found, with its problems (none when it is fine), and whether anything changed. */
  reload(): { files: Array<{ uri: string; path: string; problems: AgencyFileProblem[] }>; changed: boolean } {
    const files: Array<{ uri: string; path: string; problems: AgencyFileProblem[] }> = [];
    const agencies: CustomAgency[] = [];
    const ignored: string[] = [];
    const texts: string[] = [];
    for (const folder of this.folders) {
      const file = path.join(folder, AGENCY_FILE);
      const text = this.textOf(file);
      if (text === null) continue; // No file in this folder: nothing to add.
      texts.push(file, text);
      const parsed = parseAgencyFile(text);
      agencies.push(...parsed.agencies);
      ignored.push(...parsed.ignore);
      files.push({ uri: pathToFileURL(file).toString(), path: file, problems: parsed.problems });
    }
    const joined = texts.join('\u0000');
    const changed = joined !== this.lastTexts;
    this.lastTexts = joined;
    this.loaded = agencies;
    this.ignored = ignored;
    return { files, changed };
  }

  private textOf(file: string): string | null {
    const pending = this.pending.get(file);
    if (pending !== undefined) return pending;
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  }
}
