/**
 * A cached, sandboxed code-server (VS Code in the browser) for trying the extension by hand (`npm start`) and for the
 * UI tests (`npm run test:ui`). Desktop VS Code cannot be downloaded here, but code-server and Node 24 (which it
 * requires) come from the npm registry, so everything is installed with npm into `.vscode-test/` and every
 * file code-server writes (settings, logs, extension state, HOME) stays under that folder.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { GiveUp, waitFor } from './waitFor';

export const CODE_SERVER_VERSION = '4.139.1';
/** code-server refuses any other major version of Node (its native modules are built for it). */
export const CODE_SERVER_NODE_MAJOR = '24';

/** The folder holding this project's package.json, found from this file whether it runs from source, out/ or a bundle. */
export function projectRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    let dir = start;
    for (;;) {
      const manifest = path.join(dir, 'package.json');
      if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'news-annotator') return dir;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error('Cannot find the news-annotator project folder (package.json) above ' + __dirname);
}

export interface SandboxPaths {
  root: string;
  /** `.vscode-test/`: git-ignored, holds every download and every file code-server writes. */
  cache: string;
  tools: string;
  node: string;
  codeServerEntry: string;
  extensions: string;
  /** HOME and XDG_* for every process we start, so nothing is written to the real home folder. */
  home: string;
  vsix: string;
}

export function sandboxPaths(root = projectRoot()): SandboxPaths {
  const cache = path.join(root, '.vscode-test');
  const tools = path.join(cache, 'tools');
  return {
    root,
    cache,
    tools,
    node: path.join(tools, 'node_modules', 'node', 'bin', 'node'),
    codeServerEntry: path.join(tools, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    extensions: path.join(cache, 'extensions'),
    home: path.join(cache, 'home'),
    vsix: path.join(root, 'dist', 'news-annotator.vsix'),
  };
}

type Log = (line: string) => void;

/** Environment for child processes: HOME/XDG under the sandbox, and none of the parent npm's `npm_*` variables
 * (a nested npm would otherwise inherit e.g. `npm_config_user_agent` naming the wrong Node version). */
export function sandboxEnvironment(paths: SandboxPaths, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith('npm_')) env[key] = value;
  }
  const xdg = {
    HOME: paths.home,
    XDG_CONFIG_HOME: path.join(paths.home, '.config'),
    XDG_DATA_HOME: path.join(paths.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(paths.home, '.cache'),
    XDG_STATE_HOME: path.join(paths.home, '.local', 'state'),
  };
  for (const dir of Object.values(xdg)) fs.mkdirSync(dir, { recursive: true });
  return {
    ...env,
    ...xdg,
    PATH: `${path.dirname(paths.node)}${path.delimiter}${env.PATH ?? ''}`,
    // An empty gallery turns the marketplace off: there is no network to reach it, and a test must not depend on one.
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
}

interface InstallStamp {
  codeServer: string;
  node: string;
}

const stampFile = (paths: SandboxPaths) => path.join(paths.tools, 'installed.json');

function installedStamp(paths: SandboxPaths): InstallStamp | undefined {
  try {
    const stamp = JSON.parse(fs.readFileSync(stampFile(paths), 'utf8')) as InstallStamp;
    if (stamp.codeServer === CODE_SERVER_VERSION && fs.existsSync(paths.node) && fs.existsSync(paths.codeServerEntry)) {
      return stamp;
    }
  } catch {
    // No stamp: not installed, or an install that was interrupted.
  }
  return undefined;
}

/** What code-server's npm install compiles (node-gyp native modules, kerberos) needs from the system. */
export function missingBuildPrerequisites(): string[] {
  const missing: string[] = [];
  const hasCommand = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
  if (!hasCommand('make') || !hasCommand('g++')) missing.push('build-essential');
  if (!hasCommand('python3')) missing.push('python3');
  if (!hasCommand('pkg-config')) missing.push('pkg-config');
  if (!fs.existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  return missing;
}

function run(command: string, args: string[], options: { cwd?: string; env: NodeJS.ProcessEnv }, log: Log): void {
  log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { ...options, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})`);
  }
}

/**
 * Installs Node 24 and code-server into `.vscode-test/tools` unless that was done before (a stamp file records a
 * finished install; an interrupted one is wiped and redone). Takes ~3 minutes the first time, mostly compiling
 * code-server's native modules.
 */
export function ensureCodeServer(paths: SandboxPaths, log: Log = console.log): InstallStamp {
  const existing = installedStamp(paths);
  if (existing) return existing;
  const missing = missingBuildPrerequisites();
  if (missing.length > 0) {
    throw new Error(
      `Installing code-server compiles native modules and needs system packages that are missing: ${missing.join(', ')}.\n` +
        `Install them with: apt-get install -y ${missing.join(' ')}`,
    );
  }
  log(`Installing Node ${CODE_SERVER_NODE_MAJOR} and code-server ${CODE_SERVER_VERSION} into ${paths.tools} (first run only, a few minutes)…`);
  fs.rmSync(paths.tools, { recursive: true, force: true });
  fs.mkdirSync(paths.tools, { recursive: true });
  const npmFlags = ['--prefix', paths.tools, '--no-audit', '--no-fund', '--loglevel', 'error'];
  const env = sandboxEnvironment(paths, { HOME: process.env.HOME ?? paths.home }); // keep the user's npm cache
  run('npm', ['install', ...npmFlags, `node@${CODE_SERVER_NODE_MAJOR}`], { env }, log);
  // Second step with Node 24 first on PATH: npm then runs under it, and code-server's postinstall checks that.
  run('npm', ['install', ...npmFlags, `code-server@${CODE_SERVER_VERSION}`], { env }, log);
  // npm may be configured to skip install scripts; code-server is unusable without its postinstall.
  if (!fs.existsSync(path.join(paths.tools, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules'))) {
    throw new Error('code-server installed without running its postinstall (are npm install scripts disabled?)');
  }
  const node = spawnSync(paths.node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const stamp: InstallStamp = { codeServer: CODE_SERVER_VERSION, node };
  fs.writeFileSync(stampFile(paths), JSON.stringify(stamp, null, 2) + '\n');
  return stamp;
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Installs the VSIX into the sandbox's extensions folder, skipped when that exact VSIX is already installed. */
export function ensureExtensionInstalled(paths: SandboxPaths, log: Log = console.log): void {
  if (!fs.existsSync(paths.vsix)) throw new Error(`${paths.vsix} is missing: run \`npm run package\` first`);
  const stamp = path.join(paths.extensions, '.news-annotator-vsix.sha256');
  const digest = sha256(paths.vsix);
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === digest) return;
  fs.mkdirSync(paths.extensions, { recursive: true });
  run(
    paths.node,
    [
      paths.codeServerEntry,
      '--extensions-dir', paths.extensions,
      '--user-data-dir', path.join(paths.cache, 'installer-data'),
      '--config', configFile(paths),
      '--force',
      '--install-extension', paths.vsix,
    ],
    { env: sandboxEnvironment(paths) },
    log,
  );
  fs.writeFileSync(stamp, digest + '\n');
}

/** Settings that keep a sandboxed VS Code quiet and offline: no telemetry, update checks, tours or trust prompts. */
export const quietSettings: Record<string, unknown> = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'editor.semanticHighlighting.enabled': true,
};

export function writeUserSettings(userDataDir: string, settings: Record<string, unknown>): void {
  const userDir = path.join(userDataDir, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
}

/** code-server reads ~/.config/code-server/config.yaml unless told otherwise; ours lives in the sandbox and only
 * repeats what the command line says (an empty file is a YAML error to code-server). */
function configFile(paths: SandboxPaths): string {
  const file = path.join(paths.cache, 'code-server-config.yaml');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(paths.cache, { recursive: true });
    fs.writeFileSync(file, 'auth: none\ndisable-telemetry: true\ndisable-update-check: true\n');
  }
  return file;
}

export interface RunningCodeServer {
  /** e.g. http://127.0.0.1:38217 (no trailing slash). */
  origin: string;
  /** The `--bind-addr` authority, which is also the remote authority of `vscode-remote://` URIs. */
  authority: string;
  pid: number;
  /** Settles when code-server exits, with how it exited (e.g. `exit 0`, `exit SIGTERM`). */
  exited: Promise<string>;
  /** The page that opens `folder`, and `file` in it when given. */
  urlFor(folder: string, file?: string): string;
  /** Stops code-server and everything it started (language server included) by killing its process group. */
  stop(): Promise<void>;
}

export interface LaunchOptions {
  userDataDir: string;
  /** 0 lets the OS choose a free port. */
  port?: number;
  /** code-server's own output is appended here. */
  logFile: string;
  startupTimeout?: number;
}

export async function launchCodeServer(paths: SandboxPaths, options: LaunchOptions): Promise<RunningCodeServer> {
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = fs.openSync(options.logFile, 'a');
  const child: ChildProcess = spawn(
    paths.node,
    [
      paths.codeServerEntry,
      '--bind-addr', `127.0.0.1:${options.port ?? 0}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--config', configFile(paths),
      '--user-data-dir', options.userDataDir,
      '--extensions-dir', paths.extensions,
    ],
    // Its own process group, so stop() can end the server, the extension host and the language server together.
    { env: sandboxEnvironment(paths), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let startupOutput: string | undefined = ''; // kept only until the server says where it listens
  let logOpen = true;
  let exited: string | undefined;
  let reportExit: (how: string) => void = () => undefined;
  const exitedPromise = new Promise<string>((resolve) => (reportExit = resolve));
  const collect = (chunk: Buffer) => {
    if (startupOutput !== undefined) startupOutput += chunk.toString();
    if (logOpen) fs.writeSync(log, chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  child.on('exit', (code, signal) => {
    exited = `exit ${code ?? signal}`;
    reportExit(exited);
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('code-server did not start');
  // If this process ends without calling stop() (an uncaught error, mocha aborted by Ctrl-C), end the group anyway.
  const killOnExit = () => killGroup(pid, 'SIGKILL');
  process.once('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= stopGroup());
  const stopGroup = async () => {
    if (exited === undefined) {
      killGroup(pid, 'SIGTERM');
      await waitFor(() => exited !== undefined, { timeout: 10_000, what: 'code-server to exit' }).catch(() => {
        killGroup(pid, 'SIGKILL');
      });
    }
    // Children that outlived their parent (e.g. an extension host mid-shutdown) are in the same group.
    killGroup(pid, 'SIGKILL');
    process.removeListener('exit', killOnExit);
    logOpen = false;
    fs.closeSync(log);
  };

  try {
    const authority = await waitFor(
      () => {
        if (exited !== undefined) throw new GiveUp(`code-server stopped (${exited}); see ${options.logFile}`);
        return /HTTP server listening on https?:\/\/([\d.]+:\d+)/.exec(startupOutput ?? '')?.[1];
      },
      { timeout: options.startupTimeout ?? 30_000, what: 'code-server to listen' },
    );
    startupOutput = undefined;
    const origin = `http://${authority}`;
    await waitFor(() => httpStatus(`${origin}/healthz`).then((status) => status === 200), {
      timeout: 15_000,
      what: `${origin}/healthz`,
    });
    return {
      origin,
      authority,
      pid,
      exited: exitedPromise,
      urlFor(folder: string, file?: string) {
        const query = new URLSearchParams({ folder });
        if (file) query.set('payload', JSON.stringify([['openFile', `vscode-remote://${authority}${file}`]]));
        return `${origin}/?${query.toString()}`;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.setTimeout(2_000, () => request.destroy(new Error('timeout')));
  });
}
