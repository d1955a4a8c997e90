import type { Position } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** The slice of a text document the features need; vscode-languageserver-textdocument's TextDocument satisfies it. */
export interface NewsDocument {
  readonly uri: string;
  readonly version: number;
  readonly lineCount: number;
  getText(): string;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

/**
 * Lines 0 to `lastLine` of a document (line breaks included) as a document of their own: its offsets and
 * positions there are the whole document's. The first screen of a long article is answered with it, because
 * the whole document's line index is a pass over every character (≈4 ms for 1 MB while the code is still cold)
 * that the first answer does not need.
 */
export function documentHead(document: NewsDocument, lastLine: number): NewsDocument {
  const text = document.getText();
  let line = 0;
  let end = 0;
  while (end < text.length && line <= lastLine) {
    const code = text.charCodeAt(end++);
    if (code === 10) line++;
    else if (code === 13) {
      if (text.charCodeAt(end) === 10) end++;
      line++;
    }
  }
  return TextDocument.create(document.uri, 'news', document.version, text.slice(0, end));
}
