export interface DecodedToken {
  line: number;
  character: number;
  length: number;
  type: string;
  modifiers: string[];
  text: string;
}

/** Relative LSP semantic tokens back to absolute positions, with each token's text from `lines`. */
export function decodeSemanticTokens(data: readonly number[], legend: { tokenTypes: string[]; tokenModifiers: string[] }, text: string): DecodedToken[] {
  const lines = text.split(/\r\n|\r|\n/);
  const tokens: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < data.length + 0 && i < data.length; i += 5) {
    const [deltaLine, deltaStart, length, typeIndex, modifierBits] = data.slice(i, i + 5);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    const modifiers = legend.tokenModifiers.filter((_, bit) => (modifierBits >> bit) & 1);
    tokens.push({ line, character, length, type: legend.tokenTypes[typeIndex], modifiers, text: (lines[line] ?? '').slice(character, character + length) });
  }
  return tokens;
}
