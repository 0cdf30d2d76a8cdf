// Runs the mocha suite (out/test/e2e/suite) inside code-server's extension host with the real `vscode` API. VS Code's
// web workbench reads extensionDevelopmentPath / extensionTestsPath from the `payload` query parameter and reports
// back through two page functions: codeAutomationLog (the host's console: mocha's reporter) and codeAutomationExit.
import { format } from 'node:util';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, log } from './proc.mjs';
import { launchBrowser, newWorkbenchPage } from './browser.mjs';
import { startStack, resultsDir, samplesDir } from './stack.mjs';
import { suiteOutDir } from './buildSuite.mjs';

const START_MARKER = 'KEYLESS_E2E_START';
const RESULT_LINE = /KEYLESS_E2E_RESULT (\{.*\})/;

/**
 * Runs the extension-host suite once; resolves to { passed, failed, pending, exitCode }. A run that does not finish
 * within `timeoutMs` counts as one failure (the host itself never times out).
 */
export async function runExtensionTests({ timeoutMs = 180_000, grep } = {}) {
  const stack = await startStack({ name: 'extension-tests', env: grep ? { KEYLESS_E2E_GREP: grep } : {} });
  const browser = await launchBrowser();
  const pageLog = path.join(resultsDir, 'logs', 'extension-tests-page.log');
  mkdirSync(path.dirname(pageLog), { recursive: true });
  writeFileSync(pageLog, '');
  let counts;
  try {
    const page = await newWorkbenchPage(browser);
    page.on('console', (m) => appendFileSync(pageLog, `[${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => appendFileSync(pageLog, `[pageerror] ${e.message}\n`));
    const exited = new Promise((resolve) => {
      page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
    });
    // The workbench logs through the same channel: only the suite's output (between its markers) goes to stdout.
    let inSuite = false;
    let passedSoFar = 0; // mocha's own counts arrive only at the end; a hang never gets there
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      const result = RESULT_LINE.exec(line);
      if (result) counts = JSON.parse(result[1]);
      if (line.includes(START_MARKER) || result) inSuite = !result;
      else if (inSuite) {
        if (/^\s*✔/.test(line)) passedSoFar++;
        (type === 'error' ? console.error : console.log)(line);
      }
      else appendFileSync(pageLog, `[host ${type}] ${line}\n`);
    });
    const url = stack.server.workbenchUrl({
      folder: samplesDir,
      payload: {
        extensionDevelopmentPath: stack.server.remoteUri(repoRoot),
        extensionTestsPath: stack.server.remoteUri(suiteOutDir),
        skipWelcome: true,
      },
    });
    log(`extension-host tests: ${stack.server.url} (emulator ${stack.emulator.url})`);
    await page.goto(url);
    let timer;
    const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const code = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (code === 'timeout') {
      console.error(`[e2e] extension-host tests did not finish within ${timeoutMs / 1000} s (a hang): failing`);
      return { passed: passedSoFar, failed: 1, pending: 0, exitCode: 1 };
    }
    if (!counts) {
      // The host exits 1 without running mocha when the suite cannot load (e.g. the extension failed to build).
      console.error(`[e2e] the extension-host suite reported no results (exit ${code}); see ${path.relative(repoRoot, pageLog)}`);
      return { passed: 0, failed: 1, pending: 0, exitCode: code || 1 };
    }
    return { ...counts, exitCode: code };
  } finally {
    await browser.close();
    await stack.stop();
  }
}
