/**
 * `news-annotate --format jsonl|csv|brat [--out DIR] [FILE…]`: the articles analysed and exported with the
 * same formatters as the editor's export, written into DIR or, for one-file formats, to standard output.
 * Each article is written as soon as it is analysed and then dropped, so a folder of thousands of articles
 * is exported in the memory of one.
 */
import { closeSync, mkdirSync, openSync, realpathSync, statSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import type { Writable } from 'node:stream';
import { annotate, clearAnalysisCache } from '../analysis/annotate';
import { bratArticleFiles, bratConfigurationFiles } from '../export/bratExport';
import { CSV_FILE_NAME, csvFileStart, csvRowsOf } from '../export/csvExport';
import type { ArticleToExport } from '../export/exportArticles';
import { articleBaseName, UniqueNames } from '../export/exportFileNames';
import { JSONL_FILE_NAME, jsonLineOf } from '../export/jsonlExport';
import type { ExportFormat } from '../protocol/newsRequests';
import { readArticle } from './articleFile';
import { InputError } from './inputError';
import type { CliOptions } from './options';

/** The article id (and brat file name) of an article read from standard input. */
export const STDIN_ARTICLE_ID = 'stdin';

/** Exit code when the export cannot be written (as for standard output: EX_IOERR). */
const CANNOT_WRITE = 74;

// The paragraph memo serves an editor, where paragraphs come back keystroke after keystroke; the articles of a
// folder seldom share one. Forgetting it every few million characters keeps memory flat and changes no output.
const MEMO_BUDGET_CHARACTERS = 2_000_000;

class CannotWrite extends InputError {}

export async function runExport(options: CliOptions & { format: ExportFormat }, stdout: Writable, stderr: Writable): Promise<number> {
  const files = options.files.length > 0 ? options.files : ['-'];
  // brat names are handed out for every file given, read or not, so that they are known before anything is written.
  const bratNames = new UniqueNames();
  const baseNames = files.map((file) => bratNames.claim(file === '-' ? STDIN_ARTICLE_ID : articleBaseName(file)));
  let output: ExportOutput;
  try {
    output = options.out === undefined ? new StandardOutput(stdout) : new FolderOutput(options.out, targetNames(options.format, baseNames), files);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    stderr.write(`news-annotate: ${error.message}\n`);
    return error instanceof CannotWrite ? CANNOT_WRITE : 1;
  }
  let failures = 0;
  let exported = 0;
  let charactersSinceMemoCleared = 0;
  try {
    for (const [i, file] of files.entries()) {
      let article: ArticleToExport;
      try {
        const text = readArticle(file);
        if (charactersSinceMemoCleared > MEMO_BUDGET_CHARACTERS) {
          clearAnalysisCache();
          charactersSinceMemoCleared = 0;
        }
        charactersSinceMemoCleared += text.length;
        article = { uri: file === '-' ? STDIN_ARTICLE_ID : file, text, analysis: annotate(text, { publicationDate: options.published }) };
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        stderr.write(`news-annotate: ${error.message}\n`);
        failures++;
        continue;
      }
      if (options.format === 'jsonl') await output.append(JSONL_FILE_NAME, jsonLineOf(article));
      else if (options.format === 'csv') await output.append(CSV_FILE_NAME, `${exported === 0 ? csvFileStart() : ''}${csvRowsOf(article)}`);
      else for (const file of bratArticleFiles(article, baseNames[i])) await output.append(file.name, file.content);
      exported++;
    }
    if (options.format === 'brat' && exported > 0) for (const file of bratConfigurationFiles()) await output.append(file.name, file.content);
  } catch (error) {
    if (!(error instanceof CannotWrite)) throw error;
    stderr.write(`news-annotate: ${error.message}\n`);
    return CANNOT_WRITE;
  } finally {
    output.close();
  }
  return failures > 0 ? 1 : 0;
}

function targetNames(format: ExportFormat, baseNames: readonly string[]): string[] {
  if (format === 'jsonl') return [JSONL_FILE_NAME];
  if (format === 'csv') return [CSV_FILE_NAME];
  return [...baseNames.flatMap((base) => [`${base}.txt`, `${base}.ann`]), ...bratConfigurationFiles().map((file) => file.name)];
}

interface ExportOutput {
  /** Adds `content` to the file `name` (standard output has one file). */
  append(name: string, content: string): Promise<void>;
  close(): void;
}

class StandardOutput implements ExportOutput {
  constructor(private readonly stdout: Writable) {}

  async append(_name: string, content: string): Promise<void> {
    // Wait while the reader is slower than the analysis, rather than hold the whole export in memory.
    if (!this.stdout.write(content)) await new Promise<void>((resolve) => this.stdout.once('drain', resolve));
  }

  close(): void {}
}

/** Files in a folder, each created (or emptied) when first written. Never one of the articles being exported. */
class FolderOutput implements ExportOutput {
  private readonly open = new Map<string, number>();

  constructor(private readonly folder: string, targets: readonly string[], articleFiles: readonly string[]) {
    if (isFile(folder)) throw new InputError(`--out ${folder} is a file; name a folder.`);
    const articles = new Set(articleFiles.filter((file) => file !== '-').map(existingRealPath).filter((file): file is string => file !== undefined));
    const clash = targets.map((name) => path.join(folder, name)).find((target) => articles.has(existingRealPath(target) ?? ''));
    if (clash) throw new InputError(`writing ${clash} would overwrite an article being exported; choose another --out folder.`);
    try {
      mkdirSync(folder, { recursive: true });
    } catch (error) {
      throw new CannotWrite(`cannot create the folder ${folder} (${errorCode(error)}).`);
    }
  }

  async append(name: string, content: string): Promise<void> {
    const target = path.join(this.folder, name);
    try {
      let descriptor = this.open.get(name);
      if (descriptor === undefined) this.open.set(name, (descriptor = openSync(target, 'w')));
      writeSync(descriptor, content);
    } catch (error) {
      throw new CannotWrite(`cannot write ${target} (${errorCode(error)}).`);
    }
  }

  close(): void {
    for (const descriptor of this.open.values()) closeSync(descriptor);
    this.open.clear();
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function existingRealPath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
