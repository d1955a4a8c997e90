/**
 * `npm start`: the freshly packaged extension in code-server, with the project's sample articles open, until Ctrl-C.
 * (`npm start` packages the VSIX before running this.)
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import {
  ensureCodeServer,
  ensureExtensionInstalled,
  launchCodeServer,
  quietSettings,
  sandboxPaths,
  writeUserSettings,
} from './codeServer';

const PREFERRED_PORT = 8080;

async function main(): Promise<void> {
  const paths = sandboxPaths();
  ensureCodeServer(paths);
  ensureExtensionInstalled(paths);

  const userData = path.join(paths.cache, 'start', 'user-data');
  // Settings changed in the browser persist between runs; only a first run writes the quiet defaults.
  if (!fs.existsSync(path.join(userData, 'User', 'settings.json'))) writeUserSettings(userData, quietSettings);

  const samples = path.join(paths.root, 'samples');
  const articles = fs.readdirSync(samples).filter((name) => /\.(news|article)$/.test(name)).sort();
  const logFile = path.join(paths.cache, 'start', 'code-server.log');
  const port = (await isPortFree(PREFERRED_PORT)) ? PREFERRED_PORT : 0;
  const server = await launchCodeServer(paths, { userDataDir: userData, port, logFile });

  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${reason}: stopping code-server (pid ${server.pid})…`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('Ctrl-C'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));

  const first = articles.find((name) => name.endsWith('.news')) ?? articles[0];
  console.log(`News Annotator is running in code-server (VS Code in the browser) at ${server.origin}\n`);
  console.log(`Open this address to start with the samples folder and an article:\n`);
  console.log(`  ${server.urlFor(samples, first ? path.join(samples, first) : undefined)}\n`);
  console.log(`The samples folder is open${first ? ` with ${first} in the editor` : ''}; the other articles are in the Explorer:`);
  for (const name of articles) console.log(`  - ${name}`);
  console.log(`\nLogs: ${logFile}. Press Ctrl-C to stop.`);

  const how = await server.exited;
  if (!stopping) {
    console.error(`code-server stopped by itself (${how}); see ${logFile}`);
    await server.stop();
    process.exit(1);
  }
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
