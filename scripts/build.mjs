// Bundles the extension (and the CLI) with esbuild. `--watch` rebuilds on change; `--production` minifies for the VSIX.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** One entry per shipped program; a missing source (feature not built yet) is skipped, not an error. */
const entries = [
  { in: 'src/extension.ts', out: 'extension' },
  { in: 'src/cli/main.ts', out: 'cli' },
].filter((e) => existsSync(e.in));

/**
 * The Azure SDK (most of the bytes) lives in its own file, dist/assets/azure-sdk.js, required on the first Azure
 * call: programs import src/azure/sdk.ts dynamically and this plugin turns that import into a runtime require, so
 * loading the extension never parses the SDK.
 */
const SDK_SOURCE = resolve('src/azure/sdk');
const lazyAzureSdk = {
  name: 'lazy-azure-sdk',
  setup(build) {
    build.onResolve({ filter: /[\\/]sdk(\.ts)?$/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (resolve(args.resolveDir, args.path).replace(/\.ts$/, '') !== SDK_SOURCE) return undefined;
      return { path: './assets/azure-sdk.js', external: true };
    });
  },
};

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
  external: ['vscode'],
  sourcemap: true,
  minify: production,
  legalComments: 'none',
  logLevel: 'info',
  metafile: true,
  plugins: [lazyAzureSdk, treeSitterRequire],
  // import() becomes require(), so the lazily loaded SDK file is loaded the CommonJS way in every extension host.
  supported: { 'dynamic-import': false },
};

// Tree-sitter runtime and grammars for the passwordless scanner, loaded at run time from dist/assets.
const grammarFiles = JSON.parse(readFileSync('src/passwordless/scanner/grammar-files.json', 'utf8'));
mkdirSync('dist/assets', { recursive: true });
for (const file of [grammarFiles.runtime, ...Object.values(grammarFiles.grammars)]) {
  copyFileSync(`node_modules/@vscode/tree-sitter-wasm/wasm/${file}`, `dist/assets/${file}`);
}

// The SDK file is built on its own so the VSIX can ship it without its 3 MB source map.
const sdkOptions = {
  ...options,
  entryPoints: [{ in: 'src/azure/sdk.ts', out: 'assets/azure-sdk' }],
  plugins: [],
  sourcemap: !production,
};
if (production) rmSync('dist/assets/azure-sdk.js.map', { force: true }); // left by an earlier development build

if (watch) {
  for (const o of [options, sdkOptions]) await (await esbuild.context(o)).watch();
} else {
  for (const result of await Promise.all([esbuild.build(options), esbuild.build(sdkOptions)])) {
    for (const [file, info] of Object.entries(result.metafile.outputs)) {
      if (file.endsWith('.js')) console.log(`${file}: ${(info.bytes / 1024).toFixed(0)} KiB`);
    }
  }
}
