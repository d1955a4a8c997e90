import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applyEdits } from 'jsonc-parser';
import { ignoreKey } from '../../server/src/analysis/agencies/ignoredAgencies';
import { parseAgencyFile } from '../../server/src/customAgencyFile';
import { correctAgencyFile, type AgencyCorrection } from '../../server/src/customAgencyFileEdit';

export const AGENCY_FILE_EDIT_CASES = 300;

const name = fc.oneof(
  fc.constantFrom('Harbour Authority', 'the Harbour Sun', 'Space Kitty 🐱', 'Ѳ Agency', '"Quoted" Org', 'e\u0301cole', 'Back\\slash'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter((s) => s.trim().length > 0),
);
const entry = fc.record({ name, aliases: fc.array(name, { maxLength: 2 }) }, { requiredKeys: ['name'] });
const COMMENT = '// kept: the user wrote this';

/** Agency files as people write them: either form, any indentation or none, CRLF or LF, with a comment. */
const agencyFile = fc
  .record({
    objectForm: fc.boolean(),
    agencies: fc.array(entry, { maxLength: 3 }),
    ignore: fc.option(fc.array(name, { maxLength: 3 }), { nil: undefined }),
    indent: fc.constantFrom('', ' ', '  ', '    ', '\t'),
    crlf: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ objectForm, agencies, ignore, indent, crlf, bom }) => {
    const value = objectForm ? { agencies, ...(ignore ? { ignore } : {}) } : agencies;
    const json = indent ? JSON.stringify(value, null, indent) : JSON.stringify(value);
    const text = `${COMMENT}\n${json}\n`;
    return (bom ? '\ufeff' : '') + (crlf ? text.replace(/\n/g, '\r\n') : text);
  });

const correction: fc.Arbitrary<AgencyCorrection> = fc.oneof(
  name.map((n) => ({ kind: 'ignore' as const, name: n })),
  fc.tuple(name, fc.constantFrom('organisation' as const, 'media' as const)).map(([n, category]) => ({ kind: 'add' as const, name: n, category })),
  fc.tuple(name, name).map(([n, of]) => ({ kind: 'alias' as const, name: n, of: { name: of, category: 'company' as const } })),
);

describe('property: corrections of the agency file', function () {
  it(`leave a file that parses, keeps its comment and says what the correction says (${AGENCY_FILE_EDIT_CASES} cases)`, function () {
    fc.assert(
      fc.property(agencyFile, correction, (file, fix) => {
        const result = correctAgencyFile(file, fix);
        assert.ok(!('refused' in result), JSON.stringify(result));
        const after = 'edit' in result ? applyEdits(file, [result.edit]) : file;
        const parsed = parseAgencyFile(after);
        assert.deepEqual(parsed.problems.filter((p) => p.message.startsWith('JSON syntax')), [], after);
        assert.ok(after.includes(COMMENT), after);
        assert.equal(after.charCodeAt(0) === 0xfeff, file.charCodeAt(0) === 0xfeff);
        if (fix.kind === 'ignore') assert.ok(parsed.ignore.some((n) => ignoreKey(n) === ignoreKey(fix.name)), after);
        if (fix.kind === 'add') assert.ok(parsed.agencies.some((a) => a.name === fix.name.trim()), after);
        if (fix.kind === 'alias') assert.ok(parsed.agencies.some((a) => a.name === fix.of.name.trim() && a.aliases?.includes(fix.name)), after);
      }),
      { numRuns: AGENCY_FILE_EDIT_CASES },
    );
  });
});
