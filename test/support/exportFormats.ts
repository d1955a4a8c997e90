/**
 * Readers for the export formats, written independently of the exporters so that the tests check the
 * files as another program would read them: a small RFC 4180 parser and a brat standoff reader.
 */
import assert from 'node:assert/strict';

/** Rows of an RFC 4180 document: fields separated by commas, rows by CRLF, quoted fields with "" for ". */
export function parseRfc4180(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < csv.length) {
    let field = '';
    if (csv[i] === '"') {
      i++;
      for (;;) {
        assert.ok(i < csv.length, 'a quoted field is closed');
        if (csv[i] === '"') {
          if (csv[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += csv[i++];
      }
    } else {
      while (i < csv.length && csv[i] !== ',' && csv[i] !== '\r' && csv[i] !== '\n') {
        assert.notEqual(csv[i], '"', `a quotation mark only inside a quoted field (offset ${i})`);
        field += csv[i++];
      }
    }
    row.push(field);
    if (csv[i] === ',') {
      i++;
    } else {
      assert.ok(i === csv.length || csv.startsWith('\r\n', i), `a row ends with CRLF (offset ${i}: ${JSON.stringify(csv.slice(i, i + 10))})`);
      rows.push(row);
      row = [];
      i += 2;
    }
  }
  return rows;
}

export interface BratTextBound {
  id: string;
  type: string;
  /** Code point offsets, one pair per fragment. */
  fragments: Array<[number, number]>;
  text: string;
}

export interface BratDocument {
  textBound: Map<string, BratTextBound>;
  relations: Array<{ id: string; type: string; arg1: string; arg2: string }>;
  attributes: Array<{ id: string; name: string; target: string; value: string }>;
  notes: Map<string, string>;
}

export function parseBrat(ann: string): BratDocument {
  const document: BratDocument = { textBound: new Map(), relations: [], attributes: [], notes: new Map() };
  assert.ok(ann === '' || ann.endsWith('\n'), 'the .ann file ends with a newline');
  for (const line of ann.split('\n').slice(0, -1)) {
    assert.ok(!/[\r\u2028\u2029\u0085]/.test(line), `no other line break inside a line: ${JSON.stringify(line)}`);
    const [id, middle, ...rest] = line.split('\t');
    if (id.startsWith('T')) {
      const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(middle);
      assert.ok(match, `T line: ${JSON.stringify(line)}`);
      const fragments = match[2].split(';').map((pair) => pair.split(' ').map(Number) as [number, number]);
      document.textBound.set(id, { id, type: match[1], fragments, text: rest.join('\t') });
    } else if (id.startsWith('R')) {
      const match = /^(\S+) Arg1:(T\d+) Arg2:(T\d+)$/.exec(middle);
      assert.ok(match, `R line: ${JSON.stringify(line)}`);
      document.relations.push({ id, type: match[1], arg1: match[2], arg2: match[3] });
    } else if (id.startsWith('A')) {
      const match = /^(\S+) (T\d+) (\S+)$/.exec(middle);
      assert.ok(match, `A line: ${JSON.stringify(line)}`);
      document.attributes.push({ id, name: match[1], target: match[2], value: match[3] });
    } else {
      assert.ok(id.startsWith('#'), `an annotation line: ${JSON.stringify(line)}`);
      const match = /^AnnotatorNotes (T\d+)$/.exec(middle);
      assert.ok(match, `# line: ${JSON.stringify(line)}`);
      document.notes.set(match[1], rest.join('\t'));
    }
  }
  return document;
}

/**
 * Checks what brat itself checks when it opens a document: every fragment inside the text, in order, on one
 * line, and the T line's text equal to the fragments' code points joined by a space.
 */
export function assertBratSlicesText(txt: string, document: BratDocument): void {
  const codePoints = Array.from(txt);
  for (const span of document.textBound.values()) {
    let previousEnd = 0;
    const pieces = span.fragments.map(([start, end]) => {
      assert.ok(start >= previousEnd && start < end && end <= codePoints.length, `${span.id}: fragment [${start}, ${end}) in order, inside the text`);
      previousEnd = end;
      const piece = codePoints.slice(start, end).join('');
      assert.ok(!/[\r\n]/.test(piece), `${span.id}: a fragment stays on one line`);
      return piece;
    });
    assert.equal(pieces.join(' '), span.text, `${span.id}: the offsets slice the .txt to the span's text`);
  }
  for (const relation of document.relations) {
    assert.ok(document.textBound.has(relation.arg1) && document.textBound.has(relation.arg2), `${relation.id} points at T lines`);
  }
}
