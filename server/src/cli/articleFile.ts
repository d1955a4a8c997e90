import { readFileSync, statSync } from 'node:fs';
import { InputError } from './inputError';

/** The article's text, or an InputError that says plainly what is wrong with the file. */
export function readArticle(file: string): string {
  let bytes: Buffer;
  try {
    if (file === '-') bytes = readFileSync(0);
    else {
      if (statSync(file).isDirectory()) throw new InputError(`${file} is a folder, not an article.`);
      bytes = readFileSync(file);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${file}: no such file.`);
    if (code === 'EACCES') throw new InputError(`${file}: permission denied.`);
    throw new InputError(`${file}: cannot be read (${code ?? String(error)}).`);
  }
  return decodeArticle(bytes, file);
}

export function decodeArticle(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new InputError(`${name} is empty.`);
  if (bytes.includes(0)) throw new InputError(`${name} looks like a binary file (it contains NUL bytes), not an article.`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(`${name} is not valid UTF-8 text; convert it first (for example: iconv -f latin1 -t utf-8).`);
  }
}
