/**
 * Documents that never change once made: each version is a new object. `TextDocuments` with the
 * library's own configuration updates one object in place, so every request had to copy the text into
 * a snapshot of its version, and that copy counted its lines again: a whole-text pass per version (45 ms
 * on 10 MB). Here a new version starts from the previous one's line offsets and updates only what
 * the change moved, and a request keeps the version it arrived for by holding its object.
 */
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * The library's document keeps its line offsets in this field once computed. Handing them on is only a
 * shortcut: a document without them counts its lines when first asked, with the same result.
 */
interface WithLineOffsets {
  _lineOffsets?: number[];
}

export const versionedDocuments: TextDocumentsConfiguration<TextDocument> = {
  create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
  update: (previous, changes, version) => nextVersion(previous, changes, version),
};

export function nextVersion(previous: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): TextDocument {
  const next = TextDocument.create(previous.uri, previous.languageId, previous.version, previous.getText());
  const offsets = (previous as WithLineOffsets)._lineOffsets;
  if (Array.isArray(offsets) && changes.every((change) => 'range' in change)) (next as WithLineOffsets)._lineOffsets = offsets.slice();
  return TextDocument.update(next, [...changes], version);
}
