// Heavy parts live in their own files under dist/assets, required on first use: the Azure SDK (azure-sdk.js, on the
// first Azure call) and the passwordless engine with its rewrites (passwordless.js, on the first document scan).
// Programs import those sources dynamically and the plugin turns the import into a runtime require, so loading the
// extension parses neither. Shared by scripts/build.mjs and the unit test that keeps activation thin.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Sources (without .ts) and the dist/ path (without .js) each is built to. */
export const lazyModules = [
  { source: resolve(root, 'src/azure/sdk'), asset: 'assets/azure-sdk' },
  { source: resolve(root, 'src/passwordless/editorEngine'), asset: 'assets/passwordless' },
];

export const lazyAssets = {
  name: 'lazy-assets',
  setup(build) {
    build.onResolve({ filter: /[\\/](sdk|editorEngine)(\.ts)?$/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const lazy = lazyModules.find((m) => resolve(args.resolveDir, args.path).replace(/\.ts$/, '') === m.source);
      return lazy ? { path: `./${lazy.asset}.js`, external: true } : undefined;
    });
  },
};
