/**
 * Export file names come from the server; the extension writes them under a folder the user picked, so a name
 * must stay inside it: relative, no `..`, no drive or backslash, no empty or control-character parts. Pure.
 */

/** The name's path segments when it is safe to join to the chosen folder; undefined otherwise. */
export function safeExportName(name: string): string[] | undefined {
  if (typeof name !== 'string' || name.length === 0 || name.length > 1024) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\\:\u0000-\u001f]/.test(name) || name.startsWith('/')) return undefined;
  const parts = name.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..')) return undefined;
  return parts;
}
