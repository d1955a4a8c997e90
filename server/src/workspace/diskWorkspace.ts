/**
 * The server's workspace: files on disk (`file:` URIs), read with Node's fs. It does not watch the disk
 * itself: the editor does, and its `workspace/didChangeWatchedFiles` and `workspace/didChangeWorkspaceFolders`
 * notifications are passed in through `filesChanged` and `foldersChanged`.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Emitter, FileChangeType, type FileEvent } from 'vscode-languageserver';
import type { PathMatcher } from './glob';
import { EXCLUDED_FOLDERS, type FileStat, type FoldersChange, type Workspace } from './workspace';

export class DiskWorkspace implements Workspace {
  private current: string[] = [];
  private readonly created = new Emitter<string>();
  private readonly changed = new Emitter<string>();
  private readonly deleted = new Emitter<string>();
  private readonly foldersEmitter = new Emitter<FoldersChange>();
  readonly onDidCreateFile = this.created.event;
  readonly onDidChangeFile = this.changed.event;
  readonly onDidDeleteFile = this.deleted.event;
  readonly onDidChangeFolders = this.foldersEmitter.event;

  constructor(folders: readonly string[] = []) {
    this.current = folders.filter(isFileUri).map(normalise);
  }

  get folders(): readonly string[] {
    return this.current;
  }

  async listFiles(folder: string, include: PathMatcher): Promise<string[]> {
    if (!isFileUri(folder)) return [];
    const root = fileURLToPath(folder);
    const found: string[] = [];
    const pending = [root];
    while (pending.length) {
      const directory = pending.pop()!;
      const entries = await fs.readdir(directory, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        const full = path.join(directory, entry.name);
        if (entry.isDirectory()) {
          if (!EXCLUDED_FOLDERS.has(entry.name)) pending.push(full);
        } else if (entry.isFile() && include(path.relative(root, full).split(path.sep).join('/'))) {
          found.push(pathToFileURL(full).href);
        }
      }
    }
    return found.sort();
  }

  async readFile(uri: string): Promise<Uint8Array | undefined> {
    if (!isFileUri(uri)) return undefined;
    return fs.readFile(fileURLToPath(uri)).catch(() => undefined);
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    if (!isFileUri(uri)) return undefined;
    const stats = await fs.stat(fileURLToPath(uri)).catch(() => undefined);
    return stats?.isFile() ? { size: stats.size } : undefined;
  }

  /** From `workspace/didChangeWatchedFiles`. */
  filesChanged(changes: readonly FileEvent[]): void {
    for (const change of changes) {
      if (!isFileUri(change.uri)) continue;
      const uri = normalise(change.uri);
      if (change.type === FileChangeType.Created) this.created.fire(uri);
      else if (change.type === FileChangeType.Changed) this.changed.fire(uri);
      else if (change.type === FileChangeType.Deleted) this.deleted.fire(uri);
    }
  }

  /** From `workspace/didChangeWorkspaceFolders`. */
  foldersChanged(event: { added: ReadonlyArray<{ uri: string }>; removed: ReadonlyArray<{ uri: string }> }): void {
    const added = event.added.map((folder) => folder.uri).filter(isFileUri).map(normalise);
    const removed = event.removed.map((folder) => folder.uri).filter(isFileUri).map(normalise);
    this.current = [...this.current.filter((folder) => !removed.includes(folder)), ...added.filter((folder) => !this.current.includes(folder))];
    this.foldersEmitter.fire({ added, removed });
  }
}

function isFileUri(uri: string): boolean {
  return uri.startsWith('file:');
}

/** Node's spelling of a file URI, so that listed files and reported changes have one key. */
function normalise(uri: string): string {
  try {
    return pathToFileURL(fileURLToPath(uri)).href.replace(/\/$/, '');
  } catch {
    return uri;
  }
}
