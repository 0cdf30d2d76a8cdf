// Entry point VS Code calls in the extension host (extensionTestsPath): runs every *.test.js next to this file with
// mocha. Marker lines let the e2e runner tell the suite's output from the workbench's own logging and count results.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import path from 'node:path';

export const START_MARKER = 'KEYLESS_E2E_START';
export const RESULT_MARKER = 'KEYLESS_E2E_RESULT';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 30_000 });
  const grep = process.env.KEYLESS_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  console.log(START_MARKER);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
      console.log(`${RESULT_MARKER} ${JSON.stringify({ passed: passes, failed, pending })}`);
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
  });
}
