/**
 * An article read from the workspace, or why it is left out: gone, over newsAnnotator.maxFileSize,
 * binary (NUL bytes) or not UTF-8. The size is checked before reading when the byte count alone tells.
 */
import type { Workspace } from './workspace';

/** UTF-8 spends at most 3 bytes on one UTF-16 code unit: a file this much larger than maxFileSize is too long unread. */
const MAX_BYTES_PER_CODE_UNIT = 3;

export type ArticleText = { text: string } | { reason: string; gone?: true };

export async function readArticleText(workspace: Workspace, uri: string, maxFileSize: number): Promise<ArticleText> {
  const stat = await workspace.stat(uri);
  if (!stat) return { reason: 'not found', gone: true };
  if (stat.size > maxFileSize * MAX_BYTES_PER_CODE_UNIT) return { reason: tooLarge(stat.size) };
  const bytes = await workspace.readFile(uri);
  if (!bytes) return { reason: 'not found', gone: true };
  if (bytes.includes(0)) return { reason: 'binary' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { reason: 'not UTF-8' };
  }
  if (text.length > maxFileSize) return { reason: tooLarge(bytes.length) };
  return { text };
}

function tooLarge(bytes: number): string {
  return `over newsAnnotator.maxFileSize (${(bytes / 1_000_000).toFixed(1)} MB)`;
}
