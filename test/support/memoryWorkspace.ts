import { Emitter } from 'vscode-languageserver';
import type { PathMatcher } from '../../server/src/workspace/glob';
import { EXCLUDED_FOLDERS, relativePath, type FileStat, type FoldersChange, type Workspace } from '../../server/src/workspace/workspace';

/** A workspace held in memory, for tests of the index: files by URI, changes announced by the test. */
export class MemoryWorkspace implements Workspace {
  readonly files = new Map<string, Uint8Array>();
  private current: string[];
  private readonly created = new Emitter<string>();
  private readonly changed = new Emitter<string>();
  private readonly deleted = new Emitter<string>();
  private readonly foldersEmitter = new Emitter<FoldersChange>();
  readonly onDidCreateFile = this.created.event;
  readonly onDidChangeFile = this.changed.event;
  readonly onDidDeleteFile = this.deleted.event;
  readonly onDidChangeFolders = this.foldersEmitter.event;
  /** Every file read, in order. */
  readonly reads: string[] = [];

  constructor(folders: string[], files: Record<string, string | Uint8Array> = {}) {
    this.current = folders;
    for (const [uri, content] of Object.entries(files)) this.files.set(uri, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }

  get folders(): readonly string[] {
    return this.current;
  }

  async listFiles(folder: string, include: PathMatcher): Promise<string[]> {
    return [...this.files.keys()]
      .filter((uri) => {
        const relative = relativePath(folder, uri);
        return relative !== undefined && !relative.split('/').some((segment) => EXCLUDED_FOLDERS.has(segment)) && include(relative);
      })
      .sort();
  }

  async readFile(uri: string): Promise<Uint8Array | undefined> {
    this.reads.push(uri);
    return this.files.get(uri);
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const content = this.files.get(uri);
    return content ? { size: content.length } : undefined;
  }

  write(uri: string, content: string | Uint8Array): void {
    const existed = this.files.has(uri);
    this.files.set(uri, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    (existed ? this.changed : this.created).fire(uri);
  }

  delete(uri: string): void {
    this.files.delete(uri);
    this.deleted.fire(uri);
  }

  setFolders(folders: string[]): void {
    const added = folders.filter((folder) => !this.current.includes(folder));
    const removed = this.current.filter((folder) => !folders.includes(folder));
    this.current = folders;
    this.foldersEmitter.fire({ added, removed });
  }
}
