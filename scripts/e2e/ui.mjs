// Runs the UI scenarios (test/e2e/ui/*.scenario.ts) with playwright-core against code-server: one fresh workbench
// page per scenario with Keyless under development, a screenshot per scenario in test-results/ui-<name>.png.
// Loaded under `node --import tsx` so scenarios are TypeScript.
import { readdirSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, log } from './proc.mjs';
import { launchBrowser, newWorkbenchPage } from './browser.mjs';
import { startStack, resultsDir, samplesDir } from './stack.mjs';

const scenariosDir = path.join(repoRoot, 'test', 'e2e', 'ui');

/** Loads every scenario, sorted by file name; `grep` (a RegExp source) filters by name or title. */
async function loadScenarios(grep) {
  const files = readdirSync(scenariosDir).filter((f) => f.endsWith('.scenario.ts')).sort();
  const scenarios = [];
  for (const file of files) {
    const { scenario } = await import(pathToFileURL(path.join(scenariosDir, file)).href);
    if (!scenario?.name || !scenario.run) throw new Error(`${file} must export \`scenario\` (see test/e2e/ui/scenario.ts)`);
    scenarios.push(scenario);
  }
  const filter = grep ? new RegExp(grep) : undefined;
  return filter ? scenarios.filter((s) => filter.test(s.name) || filter.test(s.title)) : scenarios;
}

/** Playwright's messages carry terminal colour codes; CI logs want plain text. */
const plain = (text) => String(text).replace(/\x1b\[[0-9;]*m/g, '');

/** A scenario that passed only because the UI is declarative must still fail when the extension did not activate. */
async function assertKeylessActivated(page) {
  const failure = page.locator('.notifications-toasts .notification-toast', { hasText: /Activating extension 'keyless\.keyless' failed/ });
  if (await failure.count()) throw new Error(`Keyless failed to activate: ${await failure.first().innerText()}`);
}

/** Runs one scenario in a fresh page; never throws: returns 'passed' | 'failed'. */
async function runScenario(scenario, { browser, server, timeoutMs }) {
  const { Workbench } = await import(pathToFileURL(path.join(scenariosDir, 'workbench.ts')).href);
  const page = await newWorkbenchPage(browser);
  page.setDefaultTimeout(timeoutMs);
  const screenshot = path.join(resultsDir, `ui-${scenario.name}.png`);
  const started = Date.now();
  try {
    await page.goto(server.workbenchUrl({
      folder: samplesDir,
      payload: { extensionDevelopmentPath: server.remoteUri(repoRoot), skipWelcome: true },
    }));
    const workbench = new Workbench(page);
    await workbench.ready();
    await scenario.run(workbench);
    await page.screenshot({ path: screenshot });
    await assertKeylessActivated(page);
    console.log(`  ✓ ${scenario.title} (${Date.now() - started} ms) → ${path.relative(repoRoot, screenshot)}`);
    return 'passed';
  } catch (error) {
    await page.screenshot({ path: screenshot }).catch(() => {});
    console.log(`  ✗ ${scenario.title} → ${path.relative(repoRoot, screenshot)}`);
    console.log(`    ${plain(error?.message ?? error).split('\n').join('\n    ')}`);
    return 'failed';
  } finally {
    await page.context().close();
  }
}

/** Runs all (or `grep`-matching) UI scenarios; resolves to { passed, failed, pending }. */
export async function runUiScenarios({ grep, timeoutMs = 30_000 } = {}) {
  const scenarios = await loadScenarios(grep);
  const counts = { passed: 0, failed: 0, pending: 0 };
  const active = scenarios.filter((s) => !s.pending);
  log(`UI scenarios: ${active.length} to run, ${scenarios.length - active.length} pending`);
  mkdirSync(resultsDir, { recursive: true });
  for (const s of scenarios.filter((s) => s.pending)) {
    console.log(`  - pending: ${s.pending} — ${s.title}`);
    counts.pending++;
  }
  if (active.length === 0) return counts;
  const stack = await startStack({ name: 'ui' });
  const browser = await launchBrowser();
  try {
    for (const scenario of active) {
      counts[await runScenario(scenario, { browser, server: stack.server, timeoutMs })]++;
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
  return counts;
}
