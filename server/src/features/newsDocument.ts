import type { Position } from 'vscode-languageserver-types';

/** The slice of a text document the features need; vscode-languageserver-textdocument's TextDocument satisfies it. */
export interface NewsDocument {
  readonly uri: string;
  readonly version: number;
  readonly lineCount: number;
  getText(): string;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}
