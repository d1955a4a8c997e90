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

  setFolders(folderUris: readonly string[]): void {
    this.folders = folderUris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
  }

  agencies(): readonly CustomAgency[] {
    return this.loaded;
  }

  ignoredNames(): readonly string[] {
    return this.ignored;
  }

  /** Reads every folder's file again; returns each file found, with its problems (none when it is fine). */
  reload(): Array<{ uri: string; path: string; problems: AgencyFileProblem[] }> {
    const files: Array<{ uri: string; path: string; problems: AgencyFileProblem[] }> = [];
    const agencies: CustomAgency[] = [];
    const ignored: string[] = [];
    for (const folder of this.folders) {
      const file = path.join(folder, AGENCY_FILE);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue; // No file in this folder: nothing to add.
      }
      const parsed = parseAgencyFile(text);
      agencies.push(...parsed.agencies);
      ignored.push(...parsed.ignore);
      files.push({ uri: pathToFileURL(file).toString(), path: file, problems: parsed.problems });
    }
    this.loaded = agencies;
    this.ignored = ignored;
    return files;
  }
}
