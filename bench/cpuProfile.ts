/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`) as self time per function and per source
 * file. The bench is an esbuild bundle without a source map; esbuild marks where each bundled
 * module starts with a `// path/to/module.ts` comment, which is enough to name the file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface SelfTime {
  name: string;
  file: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  byFunction: SelfTime[];
  byFile: Array<{ file: string; ms: number; share: number }>;
}

const MODULE_MARKER = /^\/\/ ((?:[\w@.-]+\/)*[\w@.-]+\.(?:[cm]?[jt]s|json))$/;

/** For each bundle, the first line of every module in it. */
class BundleModules {
  private readonly byUrl = new Map<string, Array<{ line: number; file: string }>>();

  fileAt(url: string, line: number): string {
    if (!url) return '(native)';
    if (!url.startsWith('file://')) return url;
    let starts = this.byUrl.get(url);
    if (!starts) {
      starts = [];
      try {
        readFileSync(fileURLToPath(url), 'utf8').split('\n').forEach((text, index) => {
          const marker = MODULE_MARKER.exec(text);
          if (marker) starts!.push({ line: index, file: marker[1] });
        });
      } catch {
        // Not readable: fall back to the URL below.
      }
      this.byUrl.set(url, starts);
    }
    let found = fileURLToPath(url);
    for (const start of starts) {
      if (start.line > line) break;
      found = start.file;
    }
    return found;
  }
}

export function summariseCpuProfile(profilePath: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const modules = new BundleModules();
  const functions = new Map<string, { name: string; file: string; micros: number }>();
  const files = new Map<string, number>();
  let total = 0;
  for (const [id, micros] of selfMicros) {
    const frame = nodes.get(id)!.callFrame;
    // Waiting for the next message is not work.
    if (frame.functionName === '(idle)') continue;
    const file = modules.fileAt(frame.url, frame.lineNumber);
    const name = frame.functionName || '(anonymous)';
    const key = `${name}\u0000${file}\u0000${frame.lineNumber}`;
    const entry = functions.get(key) ?? { name: frame.url ? `${name}:${frame.lineNumber + 1}` : name, file, micros: 0 };
    entry.micros += micros;
    functions.set(key, entry);
    files.set(file, (files.get(file) ?? 0) + micros);
    total += micros;
  }
  const share = (micros: number): number => (total ? micros / total : 0);
  return {
    totalMs: total / 1000,
    byFunction: [...functions.values()]
      .sort((a, b) => b.micros - a.micros)
      .slice(0, top)
      .map((f) => ({ name: f.name, file: f.file, ms: f.micros / 1000, share: share(f.micros) })),
    byFile: [...files.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([file, micros]) => ({ file, ms: micros / 1000, share: share(micros) })),
  };
}

export function formatProfileSummary(summary: ProfileSummary): string {
  const lines = [`CPU profile: ${summary.totalMs.toFixed(0)} ms sampled`, '', 'Self time by file:'];
  for (const file of summary.byFile) lines.push(`  ${file.ms.toFixed(0).padStart(7)} ms ${(file.share * 100).toFixed(1).padStart(5)}%  ${file.file}`);
  lines.push('', 'Top functions by self time (name:line, the line in the bundle that ran):');
  for (const f of summary.byFunction) lines.push(`  ${f.ms.toFixed(0).padStart(7)} ms ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.name}  [${f.file}]`);
  return lines.join('\n');
}
