import { strict as assert } from 'node:assert';
import { annotateInSteps } from '../../server/src/analysis/annotate';
import { summariseArticle, type ArticleSummary } from '../../server/src/workspace/articleSummary';
import { globMatcher } from '../../server/src/workspace/glob';
import { WorkspaceIndex, type IndexSettings } from '../../server/src/workspace/workspaceIndex';
import { annotate } from '../../server/src/analysis/annotate';
import { MemoryWorkspace } from '../support/memoryWorkspace';
import { waitFor } from '../../scripts/waitFor';

const FOLDER = 'file:///desk';
const OTHER = 'file:///archive';

function article(agency: string, date = '2024-05-06'): string {
  return `---\ndate: ${date}\n---\nA headline about ${agency}\n\n${agency} said on Monday that it would open a new office.\n`;
}

const DEFAULTS: IndexSettings = { enabled: true, include: ['**/*.news', '**/*.article'], maxFileSize: 10_000, options: {} };

function indexOn(workspace: MemoryWorkspace, options: { settings?: Partial<IndexSettings>; open?: Map<string, string> } = {}): { index: WorkspaceIndex; analysed: string[] } {
  const analysed: string[] = [];
  const open = options.open ?? new Map<string, string>();
  const index = new WorkspaceIndex(workspace, {
    settingsFor: async () => ({ ...DEFAULTS, ...options.settings }),
    analyseInSteps(text, analysisOptions) {
      analysed.push(text.split('\n')[3]);
      return annotateInSteps(text, analysisOptions);
    },
    async openSummary(uri): Promise<ArticleSummary | undefined> {
      const text = open.get(uri);
      if (text === undefined) return undefined;
      analysed.push(`open: ${text.split('\n')[3]}`);
      return summariseArticle(uri, text, annotate(text));
    },
  });
  return { index, analysed };
}

async function ready(index: WorkspaceIndex, what: string, check: () => boolean = () => true): Promise<void> {
  await waitFor(() => index.status().state === 'ready' && check(), { timeout: 10_000, what, interval: 5 });
}

function names(index: WorkspaceIndex): string[] {
  return [...index.all()].map((summary) => summary.title).sort();
}

describe('workspace index', function () {
  it('matches include globs with **, * and {a,b} alternatives, relative to the folder', function () {
    const matches = globMatcher(['**/*.news', 'beat/*.{article,news.md}']);
    assert.ok(matches('a.news'));
    assert.ok(matches('deep/down/a.news'));
    assert.ok(matches('beat/a.article'));
    assert.ok(matches('beat/a.news.md'));
    assert.ok(!matches('beat/deeper/a.article'), '* stays within one folder');
    assert.ok(!matches('a.newsx'));
    assert.ok(!matches('a.article'));
    assert.ok(globMatcher(['*.news'])('in/a/folder.news'), 'a glob without a folder matches in every folder');
  });

  it('indexes matching files outside node_modules, and keeps summaries, not texts', async function () {
    const workspace = new MemoryWorkspace([FOLDER], {
      [`${FOLDER}/a.news`]: article('NASA'),
      [`${FOLDER}/beat/b.article`]: article('Roscosmos'),
      [`${FOLDER}/c.txt`]: article('ESA'),
      [`${FOLDER}/node_modules/x/d.news`]: article('JAXA'),
    });
    const { index } = indexOn(workspace);
    await index.refresh();
    await ready(index, 'the index');
    assert.deepEqual(names(index), ['A headline about NASA', 'A headline about Roscosmos']);
    assert.deepEqual(index.status(), { state: 'ready', indexed: 2, total: 2, skipped: [] });
    const summary = index.get(`${FOLDER}/a.news`)!;
    assert.ok(summary.entities.some((entity) => entity.name === 'NASA'));
    assert.ok(!Object.values(summary).some((value) => typeof value === 'string' && value.includes('open a new office')), 'no field holds the text');
    index.dispose();
  });

  it('analyses open documents first, and their text overrides the file until they close', async function () {
    const workspace = new MemoryWorkspace([FOLDER], {
      [`${FOLDER}/a.news`]: article('NASA'),
      [`${FOLDER}/b.news`]: article('ESA'),
      [`${FOLDER}/c.news`]: article('JAXA'),
    });
    const open = new Map([[`${FOLDER}/c.news`, article('Roscosmos')]]);
    const { index, analysed } = indexOn(workspace, { open });
    index.openDocumentChanged(`${FOLDER}/c.news`);
    await index.refresh();
    await ready(index, 'the index');
    assert.equal(analysed[0], 'open: A headline about Roscosmos');
    assert.ok(!workspace.reads.includes(`${FOLDER}/c.news`), 'the open document is not read from disk');
    assert.deepEqual(names(index), ['A headline about ESA', 'A headline about NASA', 'A headline about Roscosmos']);

    open.delete(`${FOLDER}/c.news`);
    index.openDocumentClosed(`${FOLDER}/c.news`);
    await ready(index, 'the closed document read from disk', () => names(index).includes('A headline about JAXA'));
    assert.deepEqual(names(index), ['A headline about ESA', 'A headline about JAXA', 'A headline about NASA']);
    index.dispose();
  });

  it('yields between articles: a timer set while indexing fires before the last article is done', async function () {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`${FOLDER}/${String(i).padStart(2, '0')}.news`] = article(`Agency Number ${i}`);
    const { index } = indexOn(new MemoryWorkspace([FOLDER], files));
    await index.refresh();
    const indexedWhenTimerFired = await new Promise<number>((resolve) => setTimeout(() => resolve(index.status().indexed), 0));
    assert.ok(indexedWhenTimerFired < 40, `the event loop turned after ${indexedWhenTimerFired} of 40 articles`);
    await ready(index, 'the index');
    assert.equal(index.status().indexed, 40);
    index.dispose();
  });

  it('follows files created, changed and deleted, and says why a file is skipped', async function () {
    const workspace = new MemoryWorkspace([FOLDER], { [`${FOLDER}/a.news`]: article('NASA') });
    const { index } = indexOn(workspace, { settings: { maxFileSize: 500 } });
    await index.refresh();
    await ready(index, 'the index');
    workspace.write(`${FOLDER}/b.news`, article('ESA'));
    await ready(index, 'the created file', () => names(index).length === 2);
    workspace.write(`${FOLDER}/b.news`, article('JAXA'));
    await ready(index, 'the changed file', () => names(index).includes('A headline about JAXA'));
    workspace.write(`${FOLDER}/b.news`, `${article('JAXA')}${'More words. '.repeat(60)}`);
    await ready(index, 'the oversized file', () => index.status().skipped.length === 1);
    assert.match(index.status().skipped[0].reason, /^over newsAnnotator\.maxFileSize/);
    assert.deepEqual(names(index), ['A headline about NASA'], 'a file that grew too large leaves the index');
    workspace.write(`${FOLDER}/c.news`, new Uint8Array([0xff, 0xfe, 0x41]));
    await ready(index, 'the non-UTF-8 file', () => index.status().skipped.some((s) => s.reason === 'not UTF-8'));
    workspace.delete(`${FOLDER}/b.news`);
    workspace.delete(`${FOLDER}/c.news`);
    await ready(index, 'the deletions', () => index.status().skipped.length === 0);
    assert.deepEqual(index.status(), { state: 'ready', indexed: 1, total: 1, skipped: [] });
    index.dispose();
  });

  it('follows folders added and removed', async function () {
    const workspace = new MemoryWorkspace([FOLDER], { [`${FOLDER}/a.news`]: article('NASA'), [`${OTHER}/b.news`]: article('ESA') });
    const { index } = indexOn(workspace);
    await index.refresh();
    await ready(index, 'the index');
    workspace.setFolders([FOLDER, OTHER]);
    await ready(index, 'the added folder', () => names(index).length === 2);
    workspace.setFolders([OTHER]);
    await ready(index, 'the removed folder', () => names(index).length === 1);
    assert.deepEqual(names(index), ['A headline about ESA']);
    index.dispose();
  });

  it('reads its settings: disabled indexes nothing, include chooses the files', async function () {
    const files = { [`${FOLDER}/a.news`]: article('NASA'), [`${FOLDER}/b.story`]: article('ESA') };
    const disabled = indexOn(new MemoryWorkspace([FOLDER], files), { settings: { enabled: false } }).index;
    await disabled.refresh();
    assert.equal(disabled.status().state, 'disabled');
    assert.deepEqual(names(disabled), []);
    disabled.dispose();
    const stories = indexOn(new MemoryWorkspace([FOLDER], files), { settings: { include: ['**/*.story'] } }).index;
    await stories.refresh();
    await ready(stories, 'the index');
    assert.deepEqual(names(stories), ['A headline about ESA']);
    stories.dispose();
  });
});
