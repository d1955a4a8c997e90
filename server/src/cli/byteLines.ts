/** A line longer than the limit: its bytes were dropped as they came, only its length is kept. */
export interface OverlongLine {
  overlong: true;
  bytes: number;
}

/**
 * The lines of a byte stream, without their line ends (LF or CRLF), as bytes; the last line needs no
 * final newline. A line is held in its chunks until its end is seen and copied once, so a 100 MB line
 * costs 100 MB, not the square of its chunks; a line over `maxLineBytes` is not held at all.
 */
export async function* byteLines(stream: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<Buffer | OverlongLine> {
  let parts: Buffer[] = [];
  let held = 0;
  let overlong = false;
  const finish = (): Buffer | OverlongLine => {
    const line = overlong ? ({ overlong: true, bytes: held } as const) : withoutCarriageReturn(parts.length === 1 ? parts[0] : Buffer.concat(parts, held));
    parts = [];
    held = 0;
    overlong = false;
    return line;
  };
  const hold = (piece: Buffer): void => {
    held += piece.length;
    if (overlong) return;
    if (held > maxLineBytes) {
      overlong = true;
      parts = [];
    } else if (piece.length > 0) parts.push(piece);
  };
  for await (const chunk of stream) {
    let start = 0;
    for (let newline = chunk.indexOf(10, start); newline >= 0; newline = chunk.indexOf(10, start)) {
      hold(chunk.subarray(start, newline));
      yield finish();
      start = newline + 1;
    }
    if (start < chunk.length) hold(chunk.subarray(start));
  }
  if (held > 0 || parts.length > 0) yield finish();
}

function withoutCarriageReturn(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === 13 ? line.subarray(0, line.length - 1) : line;
}
