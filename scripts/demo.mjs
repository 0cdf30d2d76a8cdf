// `npm run demo`: the offline quick start. Starts the ARM emulator (demo scenario) and code-server with Keyless
// installed from a freshly packaged VSIX and samples/ as the workspace, prints the URL, and stops everything on Ctrl+C.
// Options: --port <n> (default 8080; 0 = any free port), --host <address> (default 127.0.0.1).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot, log, run, onSignals } from './e2e/proc.mjs';
import { ensureCodeServer, installExtension } from './e2e/codeServer.mjs';
import { startStack, samplesDir } from './e2e/stack.mjs';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});

let stack;
// Ctrl+C is how the demo ends: a clean exit, not an error.
onSignals(async () => {
  console.log('\nStopping the emulator and code-server…');
  await stack?.stop();
}, 0);

try {
  await ensureCodeServer();
  const vsix = path.join(repoRoot, '.vscode-test', 'demo', 'keyless.vsix');
  mkdirSync(path.dirname(vsix), { recursive: true });
  log('building and packaging Keyless');
  await run('npm', ['run', 'build']);
  await run('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix]);
  stack = await startStack({
    name: 'demo',
    host: options.host,
    port: Number(options.port) || undefined,
    beforeServer: (profile) => installExtension(profile, vsix),
  });
  const url = `${stack.server.url}/?folder=${encodeURIComponent(samplesDir)}`;
  console.log(`
Keyless demo is running.
  Open:      ${url}
  Emulator:  ${stack.emulator.url} (demo scenario: Contoso, Fabrikam, Woodgrove)
  Workspace: ${path.relative(repoRoot, samplesDir)}/ (FAKE secrets)
Press Ctrl+C to stop.`);
} catch (error) {
  console.error(`[demo] ${error?.message ?? error}`);
  await stack?.stop();
  process.exit(1);
}
