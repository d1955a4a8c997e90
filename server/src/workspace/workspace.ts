/**
 * How the workspace index sees files: list the files of a folder, read one, stat one, and hear about
 * changes. Modelled on vscode-markdown-languageservice's IWorkspace, so that the index runs on the disk
 * in the server and on an in-memory workspace in tests. Files and folders are URIs.
 */
import type { Event } from 'vscode-languageserver';
import type { PathMatcher } from './glob';

export interface FileStat {
  /** In bytes. */
  size: number;
}

export interface FoldersChange {
  added: readonly string[];
  removed: readonly string[];
}

/** Folders no article lives in, and whose size would make a listing slow. */
export const EXCLUDED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

export interface Workspace {
  /** The workspace folders, as URIs. */
  readonly folders: readonly string[];
  /** Every file under `folder` whose path relative to it matches, outside EXCLUDED_FOLDERS. */
  listFiles(folder: string, include: PathMatcher): Promise<string[]>;
  /** The file's bytes; undefined when it cannot be read (gone, a folder, no permission). */
  readFile(uri: string): Promise<Uint8Array | undefined>;
  stat(uri: string): Promise<FileStat | undefined>;
  /** A rename arrives as a deletion and a creation. */
  readonly onDidCreateFile: Event<string>;
  readonly onDidChangeFile: Event<string>;
  /** The URI may be a folder: everything under it is gone. */
  readonly onDidDeleteFile: Event<string>;
  readonly onDidChangeFolders: Event<FoldersChange>;
}

/** The path of `uri` relative to `folder` with `/` separators, or undefined when it is not inside it. */
export function relativePath(folder: string, uri: string): string | undefined {
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  if (!uri.startsWith(base)) return undefined;
  try {
    return decodeURIComponent(uri.slice(base.length));
  } catch {
    return uri.slice(base.length);
  }
}

/**
 * One key per file, however its URI was spelled: editors percent-encode more characters than Node does
 * (`file:///a%20b/c%40d.news` and `file:///a%20b/c@d.news` are one file).
 */
export function uriKey(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}
