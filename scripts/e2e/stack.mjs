// The running pieces every e2e phase (and the demo) needs: the ARM emulator and an isolated code-server whose
// extension host is pointed at it through KEYLESS_ARM_ENDPOINT / KEYLESS_ARM_CA.
import path from 'node:path';
import { repoRoot } from './proc.mjs';
import { launchEmulator } from './emulator.mjs';
import { launchCodeServer } from './codeServer.mjs';
import { createProfile } from './profile.mjs';

export const resultsDir = path.join(repoRoot, 'test-results');
export const samplesDir = path.join(repoRoot, 'samples');

/**
 * Starts the emulator (scenario `scenario`) and code-server with profile `name`; `beforeServer(profile)` may install
 * extensions first. `env` adds to the server's environment. Returns { emulator, server, profile, stop() }.
 */
export async function startStack({ name, scenario = 'demo', env = {}, settings = {}, beforeServer, host, port }) {
  const emulator = await launchEmulator({ scenario });
  try {
    const profile = createProfile(name, settings);
    if (beforeServer) await beforeServer(profile);
    const server = await launchCodeServer({
      profile,
      host,
      port,
      logFile: path.join(resultsDir, 'logs', `code-server-${name}.log`),
      env: { KEYLESS_ARM_ENDPOINT: emulator.url, KEYLESS_ARM_CA: emulator.caPath, ...env },
    });
    return {
      emulator,
      server,
      profile,
      async stop() {
        await Promise.allSettled([server.stop(), emulator.stop()]);
      },
    };
  } catch (error) {
    await emulator.stop();
    throw error;
  }
}
