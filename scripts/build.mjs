// Bundles the extension (and the CLI) with esbuild. `--watch` rebuilds on change; `--production` minifies for the VSIX.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** One entry per shipped program; a missing source (feature not built yet) is skipped, not an error. */
const entries = [
  { in: 'src/extension.ts', out: 'extension' },
  { in: 'src/cli/main.ts', out: 'cli' },
].filter((e) => existsSync(e.in));

const options = {
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  sourcemap: true,
  minify: production,
  legalComments: 'none',
  logLevel: 'info',
  metafile: true,
};

// Tree-sitter runtime and grammars for the passwordless scanner, loaded at run time from dist/assets.
const grammarFiles = JSON.parse(readFileSync('src/passwordless/scanner/grammar-files.json', 'utf8'));
mkdirSync('dist/assets', { recursive: true });
for (const file of [grammarFiles.runtime, ...Object.values(grammarFiles.grammars)]) {
  copyFileSync(`node_modules/@vscode/tree-sitter-wasm/wasm/${file}`, `dist/assets/${file}`);
}

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  const result = await esbuild.build(options);
  for (const [file, info] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.js')) console.log(`${file}: ${(info.bytes / 1024).toFixed(0)} KiB`);
  }
}
