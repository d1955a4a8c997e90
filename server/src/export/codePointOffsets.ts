/**
 * brat counts offsets in Unicode code points (Python string indices); the analysis counts UTF-16 code units.
 * They differ after every astral character (an emoji, 𝒜): one code point, two code units.
 */
export class CodePointOffsets {
  /** UTF-16 offsets just past each surrogate pair, ascending. */
  private readonly pairEnds: number[] = [];

  constructor(text: string) {
    for (let i = 0; i + 1 < text.length; i++) {
      const high = text.charCodeAt(i);
      if (high >= 0xd800 && high <= 0xdbff) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) this.pairEnds.push(++i + 1);
      }
    }
  }

  /**
   * The code point offset of a UTF-16 offset. A lone surrogate counts as one code point, as it does once
   * the text is written as UTF-8 (where it becomes U+FFFD).
   */
  of(utf16Offset: number): number {
    let low = 0;
    let high = this.pairEnds.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.pairEnds[middle] <= utf16Offset) low = middle + 1;
      else high = middle;
    }
    return utf16Offset - low;
  }
}
