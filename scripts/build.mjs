// Bundles the extension (and the CLI) with esbuild. `--watch` rebuilds on change; `--production` minifies for the VSIX.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { lazyAssets, lazyModules } from './lazyAssets.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** One entry per shipped program; a missing source (feature not built yet) is skipped, not an error. */
const entries = [
  { in: 'src/extension.ts', out: 'extension' },
  { in: 'src/cli/main.ts', out: 'cli' },
].filter((e) => existsSync(e.in));

/**
 * tree-sitter.js (emscripten) does `const { createRequire } = await import("module"); var require = createRequire(…)`.
 * With dynamic import lowered to require() (below), the hoisted `var require` shadows the call and throws "require is
 * not a function". In a CommonJS bundle the module's own require already loads Node built-ins, so drop the shadowing.
 */
const treeSitterRequire = {
  name: 'tree-sitter-require',
  setup(build) {
    build.onLoad({ filter: /[\\/]@vscode[\\/]tree-sitter-wasm[\\/]wasm[\\/]tree-sitter\.js$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      const shadowing = /const \{ createRequire \} = await import\("module"\);\s*var require = createRequire\(getCurrentScriptUrl\(\)\);/;
      if (!shadowing.test(source)) throw new Error('tree-sitter.js changed: revisit the tree-sitter-require build plugin');
      return { contents: source.replace(shadowing, ''), loader: 'js' };
    });
  },
};

const options = {
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // The package.json lookup is only the unbundled fallback for finding the grammars (bundles use dist/assets).
  external: ['vscode', '@vscode/tree-sitter-wasm/package.json'],
  sourcemap: true,
  minify: production,
  legalComments: 'none',
  logLevel: 'info',
  metafile: true,
  plugins: [lazyAssets, treeSitterRequire],
  // import() becomes require(), so the lazily loaded SDK file is loaded the CommonJS way in every extension host.
  supported: { 'dynamic-import': false },
};

// Tree-sitter runtime and grammars for the passwordless scanner, loaded at run time from dist/assets.
const grammarFiles = JSON.parse(readFileSync('src/passwordless/scanner/grammar-files.json', 'utf8'));
mkdirSync('dist/assets', { recursive: true });
for (const file of [grammarFiles.runtime, ...Object.values(grammarFiles.grammars)]) {
  copyFileSync(`node_modules/@vscode/tree-sitter-wasm/wasm/${file}`, `dist/assets/${file}`);
}

// Each lazily loaded file is built on its own (no lazy imports inside) so the VSIX can ship it without its source map.
const lazyOptions = lazyModules.map((m) => ({
  ...options,
  entryPoints: [{ in: `${m.source}.ts`, out: m.asset }],
  plugins: [treeSitterRequire],
  sourcemap: !production,
}));
// Left by an earlier development build.
if (production) for (const m of lazyModules) rmSync(`dist/${m.asset}.js.map`, { force: true });

if (watch) {
  for (const o of [options, ...lazyOptions]) await (await esbuild.context(o)).watch();
} else {
  for (const result of await Promise.all([options, ...lazyOptions].map((o) => esbuild.build(o)))) {
    for (const [file, info] of Object.entries(result.metafile.outputs)) {
      if (file.endsWith('.js')) console.log(`${file}: ${(info.bytes / 1024).toFixed(0)} KiB`);
    }
  }
}
