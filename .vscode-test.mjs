// @vscode/test-cli configuration: the same extension-host suite as `npm run test:e2e`, under @vscode/test-electron on
// a machine with desktop VS Code (`npm run test:vscode`; it downloads VS Code, so it is not run in CI here). The ARM
// emulator (demo scenario) is started for the run and selected through KEYLESS_ARM_ENDPOINT / KEYLESS_ARM_CA; the
// profile is the same quiet, isolated one code-server gets (scripts/e2e/profile.mjs).
import { defineConfig } from '@vscode/test-cli';
import { launchEmulator } from './scripts/e2e/emulator.mjs';
import { createProfile } from './scripts/e2e/profile.mjs';

const emulator = await launchEmulator({ scenario: 'demo' });
emulator.unref();
const profile = createProfile('vscode-desktop');

export default defineConfig({
  label: 'extension-host',
  files: 'out/test/e2e/suite/**/*.test.js',
  // The version code-server 4.100.3 embeds, so both runners see the same VS Code API.
  version: '1.100.3',
  workspaceFolder: './samples',
  launchArgs: [
    `--user-data-dir=${profile.userData}`,
    `--extensions-dir=${profile.extensions}`,
    '--disable-extensions',
    '--disable-workspace-trust',
    '--skip-welcome',
    '--skip-release-notes',
  ],
  env: { KEYLESS_ARM_ENDPOINT: emulator.url, KEYLESS_ARM_CA: emulator.caPath },
  mocha: { ui: 'bdd', timeout: 30_000 },
});
