import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { annotate } from '../../server/src/analysis/annotate';
import { encodeSemanticTokens, SEMANTIC_TOKENS_LEGEND, tokenSegments } from '../../server/src/features/semanticTokens';
import { buildArticle } from './hugeArticle';
import { assertAnalysisInvariants, assertEncodedTokens, assertSegmentInvariants } from './invariants';

function checkEverything(text: string): void {
  const analysis = annotate(text);
  assert.ok(analysis.annotations.length > 1000, `the taggers fire on the huge article (${analysis.annotations.length} annotations)`);
  assertAnalysisInvariants(text, analysis);
  const segments = tokenSegments(text, analysis);
  assertSegmentInvariants(text, segments);
  const document = TextDocument.create('file:///huge.news', 'news', 1, text);
  assertEncodedTokens(text, encodeSemanticTokens(document, segments).data, SEMANTIC_TOKENS_LEGEND.tokenTypes.length);
}

describe('huge input', function () {
  // Generous: these run once each on a shared machine; the speed budget is measured by the benchmark, not here.
  this.timeout(600_000);

  it('annotates a 10 MB article, and every range holds', function () {
    const text = buildArticle(10_000_000, '\n\n');
    assert.ok(text.length >= 10_000_000);
    checkEverything(text);
  });

  it('annotates a 5 MB article written on a single line, and every range holds', function () {
    const text = buildArticle(5_000_000, ' ').replace(/\r\n/g, '  ');
    assert.ok(text.length >= 5_000_000 && !/[\r\n]/.test(text));
    checkEverything(text);
  });
});
