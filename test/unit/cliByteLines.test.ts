import { strict as assert } from 'node:assert';
import { byteLines, type OverlongLine } from '../../server/src/cli/byteLines';

async function* chunks(parts: readonly string[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield Buffer.from(part);
}

async function linesOf(parts: readonly string[], maxLineBytes = 1_000): Promise<Array<string | OverlongLine>> {
  const lines: Array<string | OverlongLine> = [];
  for await (const line of byteLines(chunks(parts), maxLineBytes)) lines.push(Buffer.isBuffer(line) ? line.toString() : line);
  return lines;
}

describe('byte lines of the --jsonl input', function () {
  it('cuts at LF and drops a CR before it, wherever the chunks end', async function () {
    // The CR of a CRLF at the end of one chunk, its LF at the start of the next.
    assert.deepEqual(await linesOf(['{"a":1}\r', '\n{"b"', ':2}\r\n\r\n', '\n']), ['{"a":1}', '{"b":2}', '', '']);
  });

  it('keeps a last line without a newline, and adds none after a final newline', async function () {
    assert.deepEqual(await linesOf(['one\ntw', 'o']), ['one', 'two']);
    assert.deepEqual(await linesOf(['one\n']), ['one']);
    assert.deepEqual(await linesOf([]), []);
  });

  it('keeps a CR that is not at the end of the line', async function () {
    assert.deepEqual(await linesOf(['a\rb\n']), ['a\rb']);
  });

  it('holds a line split over many chunks as one line', async function () {
    const parts = Array.from({ length: 50 }, (_, i) => String(i % 10).repeat(10));
    assert.deepEqual(await linesOf([...parts, '\nnext']), [parts.join(''), 'next']);
  });

  it('drops a line over the limit as it comes, keeping its length, and goes on with the next', async function () {
    assert.deepEqual(await linesOf(['short\n', 'x'.repeat(8), 'y'.repeat(8), '\r\nafter\n'], 10), ['short', { overlong: true, bytes: 17 }, 'after']);
    assert.deepEqual(await linesOf(['x'.repeat(11)], 10), [{ overlong: true, bytes: 11 }]);
  });
});
