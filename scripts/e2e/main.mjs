// `npm run test:e2e`: set up code-server (cached), build the extension and the extension-host suite, run the suite
// inside code-server's extension host, then the UI scenarios. Ends with the plain line "N passed, N failed".
// Options: --grep <regexp> (both phases), --only host|ui, --host-timeout <seconds> (the extension-host suite; default
// 180), --timeout <seconds> (whole run; default 600).
import { parseArgs } from 'node:util';
import { log, run, onSignals } from './proc.mjs';
import { ensureCodeServer } from './codeServer.mjs';
import { requireSystemPackages } from './systemPackages.mjs';
import { buildSuite } from './buildSuite.mjs';
import { runExtensionTests } from './runExtensionTests.mjs';
import { runUiScenarios } from './ui.mjs';

const { values: options } = parseArgs({
  options: {
    grep: { type: 'string' },
    only: { type: 'string' },
    'host-timeout': { type: 'string', default: '180' },
    timeout: { type: 'string', default: '600' },
  },
});

const totals = { passed: 0, failed: 0, pending: 0 };
function finish(code) {
  if (totals.pending) console.log(`${totals.pending} pending`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code);
}
onSignals();
const watchdog = setTimeout(() => {
  console.error(`[e2e] the run did not finish within ${options.timeout} s: failing`);
  totals.failed++;
  finish(1);
}, Number(options.timeout) * 1000);

try {
  requireSystemPackages(['chromium', 'ripgrep']);
  await ensureCodeServer();
  log('building the extension (npm run build) and the extension-host suite');
  await run('npm', ['run', 'build']);
  await buildSuite();
  let hostExit = 0;
  if (options.only !== 'ui') {
    const host = await runExtensionTests({ grep: options.grep, timeoutMs: Number(options['host-timeout']) * 1000 });
    hostExit = host.exitCode;
    for (const key of Object.keys(totals)) totals[key] += host[key] ?? 0;
  }
  if (options.only !== 'host') {
    const ui = await runUiScenarios({ grep: options.grep });
    for (const key of Object.keys(totals)) totals[key] += ui[key];
  }
  clearTimeout(watchdog);
  finish(totals.failed > 0 || hostExit !== 0 ? 1 : 0);
} catch (error) {
  console.error(`[e2e] ${error?.message ?? error}`);
  totals.failed++;
  finish(1);
}
