import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/serverProcess';

type BundleInputs = Record<string, { imports: Array<{ path: string; external?: boolean }> }>;

/** The package an import resolved into, from its path under node_modules. */
function packageOf(importPath: string): string | undefined {
  return /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(importPath)?.[1];
}

describe('runtime dependencies', function () {
  it('are exactly the packages the shipped bundles import (the rest are devDependencies)', function () {
    const metafile = path.join(REPO_ROOT, 'out', 'bundle-inputs.json');
    if (!existsSync(metafile)) this.skip(); // written by `node esbuild.mjs`, which `npm test` runs first
    const bundles = JSON.parse(readFileSync(metafile, 'utf8')) as BundleInputs[];
    const imported = new Set<string>();
    for (const inputs of bundles) {
      for (const [file, input] of Object.entries(inputs)) {
        if (packageOf(file)) continue; // what packages import among themselves is theirs to declare
        for (const { path: target } of input.imports) {
          const name = packageOf(target);
          if (name) imported.add(name);
        }
      }
    }
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    assert.deepEqual(Object.keys(manifest.dependencies).sort(), [...imported].sort());
  });
});
