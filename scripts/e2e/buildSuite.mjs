// Bundles the extension-host suite: test/e2e/suite/*.ts -> out/test/e2e/suite/*.js (one file per test file, so both
// our runner and @vscode/test-cli can load them). `vscode` comes from the host; mocha from node_modules, so the test
// files and the runner share one mocha instance.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './proc.mjs';

export const suiteSourceDir = path.join(repoRoot, 'test', 'e2e', 'suite');
export const suiteOutDir = path.join(repoRoot, 'out', 'test', 'e2e', 'suite');

export async function buildSuite() {
  const entryPoints = readdirSync(suiteSourceDir)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(suiteSourceDir, file));
  rmSync(suiteOutDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: suiteOutDir,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return suiteOutDir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildSuite();
  console.log(`built ${path.relative(repoRoot, suiteOutDir)}`);
}
