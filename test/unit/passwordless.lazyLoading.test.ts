import { strict as assert } from 'node:assert';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
// @ts-expect-error: a plain .mjs build script without type declarations
import { lazyAssets } from '../../scripts/lazyAssets.mjs';

const ROOT = resolve(__dirname, '../..');

/** The inputs esbuild puts into dist/extension.js with the real build's lazy-asset plugin. */
async function extensionInputs(): Promise<{ inputs: string[]; externals: string[] }> {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['src/extension.ts'],
    bundle: true,
    write: false,
    outfile: 'dist/extension.js',
    format: 'cjs',
    platform: 'node',
    external: ['vscode'],
    metafile: true,
    logLevel: 'silent',
    plugins: [lazyAssets],
    supported: { 'dynamic-import': false },
  });
  const [output] = Object.values(result.metafile.outputs);
  return { inputs: Object.keys(output.inputs), externals: output.imports.filter((i) => i.external).map((i) => i.path) };
}

describe('lazy loading of the passwordless engine', () => {
  it('keeps the scanner, tree-sitter, the rules and the rewriters out of the activation bundle', async () => {
    const { inputs, externals } = await extensionInputs();
    const heavy = inputs.filter((f) =>
      /^src\/passwordless\/(engine|editorEngine)\.ts$|^src\/passwordless\/(scanner|rules|rewrites)\/|node_modules\/(@vscode\/tree-sitter-wasm|picomatch|jsonc-parser|ignore)\//.test(f),
    );
    assert.deepEqual(heavy, []);
    assert.ok(inputs.includes('src/passwordless/vscode/feature.ts'), 'the editor glue itself is in the bundle');
    assert.ok(externals.includes('./assets/passwordless.js'), `the engine is required lazily: ${externals.join(', ')}`);
    assert.ok(externals.includes('./assets/azure-sdk.js'), 'the SDK stays lazy too');
  });

});
