import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_BIN = path.join(REPO_ROOT, 'bin', 'news-annotator-server');

export interface ServerUnderTest {
  process: ChildProcess;
  connection: ProtocolConnection;
  notifications: Array<{ method: string; params: unknown }>;
  stderr: () => string;
  stop(): Promise<void>;
}

/** The built `news-annotator-server`, as a separate process over stdio, with a real protocol client. */
export function startServerProcess(options: { settings?: Record<string, unknown> } = {}): ServerUnderTest {
  const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const notifications: Array<{ method: string; params: unknown }> = [];
  for (const method of ['newsAnnotator/status', 'newsAnnotator/indexStatus', 'window/showMessage', 'window/logMessage', 'textDocument/publishDiagnostics']) {
    connection.onNotification(method, (params: unknown) => {
      notifications.push({ method, params });
    });
  }
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => options.settings ?? null));
  connection.onRequest('client/registerCapability', (params: unknown) => {
    notifications.push({ method: 'client/registerCapability', params });
    return null;
  });
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  // Work-done progress has no handler of its own here: it is recorded with the notifications.
  (connection as unknown as { onUnhandledProgress: (listener: (params: unknown) => void) => void }).onUnhandledProgress((params) => {
    notifications.push({ method: '$/progress', params });
  });
  connection.onNotification('newsAnnotator/indexChanged', () => {
    notifications.push({ method: 'newsAnnotator/indexChanged', params: {} });
  });
  connection.onRequest('workspace/semanticTokens/refresh', () => {
    notifications.push({ method: 'workspace/semanticTokens/refresh', params: null });
    return null;
  });
  // showWarningMessage is a request (it may carry actions); record it with the notifications.
  connection.onRequest('window/showMessageRequest', (params: unknown) => {
    notifications.push({ method: 'window/showMessage', params });
    return null;
  });
  connection.listen();
  return {
    process: child,
    connection,
    notifications,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        await Promise.race([connection.sendRequest('shutdown'), exited]);
        connection.sendNotification('exit');
      } catch {
        // The process is gone already or will be killed below.
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(timer);
      connection.dispose();
    },
  };
}
