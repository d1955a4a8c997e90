/**
 * `news-annotate --format jsonl|csv|brat [--out DIR] [FILE…]`: the articles analysed and exported with the
 * same formatters as the editor's export, written into DIR or, for one-file formats, to standard output.
 */
import { mkdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Writable } from 'node:stream';
import { annotate } from '../analysis/annotate';
import { exportArticles, type ArticleToExport } from '../export/exportArticles';
import { readArticle } from './articleFile';
import { InputError } from './inputError';
import type { CliOptions } from './options';

/** The article id (and brat file name) of an article read from standard input. */
export const STDIN_ARTICLE_ID = 'stdin';

/** Exit code when the export cannot be written (as for standard output: EX_IOERR). */
const CANNOT_WRITE = 74;

export function runExport(options: CliOptions & { format: NonNullable<CliOptions['format']> }, stdout: Writable, stderr: Writable): number {
  const files = options.files.length > 0 ? options.files : ['-'];
  let failures = 0;
  const articles: ArticleToExport[] = [];
  const articleFiles: string[] = [];
  for (const file of files) {
    try {
      const text = readArticle(file);
      articles.push({ uri: file === '-' ? STDIN_ARTICLE_ID : file, text, analysis: annotate(text, { publicationDate: options.published }) });
      if (file !== '-') articleFiles.push(file);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      stderr.write(`news-annotate: ${error.message}\n`);
      failures++;
    }
  }
  if (articles.length === 0) return 1;
  const exported = exportArticles(articles, options.format);
  if (options.out === undefined) {
    for (const file of exported) stdout.write(file.content);
    return failures > 0 ? 1 : 0;
  }
  try {
    writeInto(options.out, exported, articleFiles);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    stderr.write(`news-annotate: ${error.message}\n`);
    return error instanceof CannotWrite ? CANNOT_WRITE : 1;
  }
  return failures > 0 ? 1 : 0;
}

class CannotWrite extends InputError {}

/** Writes the files into `folder`, never over one of the articles being exported. */
function writeInto(folder: string, exported: ReadonlyArray<{ name: string; content: string }>, articleFiles: readonly string[]): void {
  try {
    if (statSync(folder, { throwIfNoEntry: false })?.isFile()) throw new InputError(`--out ${folder} is a file; name a folder.`);
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new CannotWrite(`cannot create the folder ${folder} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  const articlePaths = new Set(articleFiles.map(realPath));
  const targets = exported.map((file) => ({ ...file, target: path.join(folder, file.name) }));
  const clash = targets.find(({ target }) => articlePaths.has(realPath(target)));
  if (clash) throw new InputError(`writing ${clash.target} would overwrite an article being exported; choose another --out folder.`);
  for (const { target, content } of targets) {
    try {
      writeFileSync(target, content);
    } catch (error) {
      throw new CannotWrite(`cannot write ${target} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    }
  }
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}
