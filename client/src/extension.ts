/**
 * Starts the News Annotator language server and adds what the editor shows around it: the
 * language status item, the News view, the timeline chart, the export, the commands, and a restart
 * when the set of languages changes.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type Middleware, type ServerOptions } from 'vscode-languageclient/node';

type DocumentFilter = { scheme: string; language: string };
import { StatusItem, type DocumentStatus } from './statusItem';
import { AGENCY_FILE_PATTERN, AgencyFileCorrections } from './agencyFileCorrections';
import { TimelineChart } from './chart/timelineChart';
import { registerExportCommand } from './exportCommand';
import { NewsServer } from './newsServer';
import { registerNewsViews } from './views/newsViews';
import { TimelineScope } from './views/timelineScope';

const CLIENT_ID = 'newsAnnotator';
const STATUS_NOTIFICATION = 'newsAnnotator/status';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('News Annotator', { log: true });
  const server = new NewsServer();
  const status = new StatusItem(documentSelector(), (uri) => server.asUri(uri));
  // One watcher for the life of the extension: each client is handed the same one.
  const agencyFileWatcher = vscode.workspace.createFileSystemWatcher(AGENCY_FILE_PATTERN);
  const corrections = new AgencyFileCorrections(() => client, output);
  context.subscriptions.push(output, status, agencyFileWatcher, corrections, server);
  context.subscriptions.push(server.onDidChangeIndexStatus((index) => status.indexStatus(index)));
  const isArticle = (document: vscode.TextDocument) => vscode.languages.match(documentSelector(), document) > 0;
  const scope = new TimelineScope(context.workspaceState, isArticle);
  const chart = new TimelineChart(context.extensionUri, server, scope, output);
  context.subscriptions.push(
    scope,
    chart,
    registerNewsViews(server, scope),
    registerExportCommand(server, () => scope.currentArticle),
    vscode.commands.registerCommand('newsAnnotator.showTimelineChart', () => chart.show()),
  );

  const start = async (): Promise<void> => {
    const selector = documentSelector();
    status.setSelector(selector);
    status.starting();
    client = createClient(context, selector, output, agencyFileWatcher, corrections.middleware);
    client.onNotification(STATUS_NOTIFICATION, (update: DocumentStatus) => status.update(update));
    server.listen(client);
    try {
      await client.start();
      server.attach(client);
      status.ready();
    } catch (error) {
      status.failed(String(error));
      output.error(`The server did not start: ${String(error)}`);
    }
  };
  // Restarts run one after another: two quick setting changes must not leave two servers running.
  let restarting: Promise<void> = Promise.resolve();
  const restart = (): Promise<void> => {
    restarting = restarting.then(async () => {
      const old = client;
      client = undefined;
      server.detach();
      if (old) await old.dispose().catch((error: unknown) => output.warn(`Stopping the server: ${String(error)}`));
      await start();
    });
    return restarting;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('newsAnnotator.restartServer', restart),
    vscode.commands.registerCommand('newsAnnotator.showOutput', () => output.show(true)),
    // "Add 'X' as an agency…": the category is the user's choice; the server builds and applies the edit.
    vscode.commands.registerCommand('newsAnnotator.pickAgencyCategory', async (articleUri: string, name: string, categories: string[]) => {
      const category = await vscode.window.showQuickPick(categories, { title: `Add '${name}' as an agency`, placeHolder: 'Its category' });
      if (category) await vscode.commands.executeCommand('newsAnnotator.addAgency', articleUri, name, category);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // The document selector is fixed when a client starts, so a new set of languages needs a new client.
      if (event.affectsConfiguration('newsAnnotator.languages')) void restart();
    }),
    { dispose: () => void client?.dispose() },
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.dispose();
  client = undefined;
}

function documentSelector(): DocumentFilter[] {
  const configured = vscode.workspace.getConfiguration('newsAnnotator').get<unknown>('languages');
  const languages = Array.isArray(configured) ? configured.filter((l): l is string => typeof l === 'string' && l.length > 0) : [];
  const unique = [...new Set(['news', ...languages])];
  return unique.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
    { scheme: 'vscode-remote', language },
  ]);
}

function createClient(
  context: vscode.ExtensionContext,
  selector: DocumentFilter[],
  output: vscode.LogOutputChannel,
  agencyFileWatcher: vscode.FileSystemWatcher,
  middleware: Middleware,
): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6029'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    // This client asks for a new agency's category with a quick pick (newsAnnotator.pickAgencyCategory).
    initializationOptions: { agencyCategoryPick: true },
    synchronize: {
      configurationSection: 'newsAnnotator',
      fileEvents: agencyFileWatcher,
    },
    middleware,
  };
  return new LanguageClient(CLIENT_ID, 'News Annotator', serverOptions, clientOptions);
}
