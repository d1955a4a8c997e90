import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { killGroup } from '../../../scripts/codeServer';
import { GiveUp, waitFor } from '../../../scripts/waitFor';

/** Debian's chromium: playwright-core brings no browser, and none can be downloaded here. */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags for a quiet, offline headless Chromium in a container (no sandbox as root, no GPU, no phoning home). */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--window-size=1400,900',
];

export interface RunningChromium {
  browser: Browser;
  pid: number;
  /** Ends the browser and its helper processes by killing its process group. */
  stop(): Promise<void>;
}

/**
 * Starts headless Chromium ourselves (own process group, fresh profile in `profileDir`) and connects Playwright to it
 * over the DevTools protocol, so the test knows the pid it must stop instead of relying on Playwright's launcher.
 */
export async function launchChromium(profileDir: string, logFile: string): Promise<RunningChromium> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing. Install Debian's chromium: apt-get update && apt-get install -y chromium`);
  }
  fs.rmSync(profileDir, { recursive: true, force: true });
  fs.mkdirSync(profileDir, { recursive: true });
  // Chromium writes crash-report state under ~/.config whatever --user-data-dir says: give it a home of its own.
  const home = path.join(profileDir, 'home');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(CHROMIUM, [...CHROMIUM_FLAGS, `--user-data-dir=${profileDir}`, '--remote-debugging-port=0', 'about:blank'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') },
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${CHROMIUM} did not start`);
  // If the test process ends without calling stop() (mocha aborted by Ctrl-C), end the browser anyway.
  const killOnExit = () => killGroup(pid, 'SIGKILL');
  process.once('exit', killOnExit);
  let stderr = '';
  let exited = false;
  let logOpen = true;
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (logOpen) fs.writeSync(log, chunk);
  });
  child.on('exit', () => {
    exited = true;
  });
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= stopGroup());
  const stopGroup = async () => {
    killGroup(pid, 'SIGTERM');
    await waitFor(() => exited, { timeout: 5_000, what: 'chromium to exit' }).catch(() => undefined);
    killGroup(pid, 'SIGKILL'); // helpers (renderer, GPU, zygote) share the group and may outlive the main process
    process.removeListener('exit', killOnExit);
    logOpen = false;
    fs.closeSync(log);
  };
  try {
    const endpoint = await waitFor(
      () => {
        if (exited) throw new GiveUp(`chromium exited at startup; see ${logFile}`);
        return /DevTools listening on (ws:\/\/\S+)/.exec(stderr)?.[1];
      },
      { timeout: 20_000, what: 'chromium to open its DevTools port' },
    );
    const browser = await chromium.connectOverCDP(endpoint);
    return { browser, pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
