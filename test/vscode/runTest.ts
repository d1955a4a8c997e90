/**
 * `npm run test:vscode`: the extension in desktop VS Code through @vscode/test-electron.
 * It downloads VS Code, so it needs the network; `npm run test:ui` runs a real VS Code offline.
 */
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [path.join(root, 'test', 'fixtures'), '--disable-extensions', '--user-data-dir', path.join(root, '.vscode-test', 'electron-user-data')],
      version: '1.91.0',
      cachePath: path.join(root, '.vscode-test', 'electron'),
    });
  } catch (error) {
    process.stderr.write(`test:vscode failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

void main();
