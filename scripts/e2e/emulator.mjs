// Runs the local ARM emulator (emulator/cli.ts, see notes/contracts.md) as a child process and reads its one
// "listening" line, so the e2e runner and the demo get its URL and CA path.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, freePort, killGroup, trackDetached } from './proc.mjs';

const LISTENING = /ARM emulator listening on (https:\/\/\S+) \(CA: (.+)\)/;

/** Starts `emulator/cli.ts --scenario <scenario>`; resolves to { url, caPath, stop() } once it listens. */
export async function launchEmulator({ scenario = 'demo', port, timeoutMs = 30_000 } = {}) {
  const cli = path.join(repoRoot, 'emulator', 'cli.ts');
  if (!existsSync(cli)) throw new Error(`The ARM emulator is not built yet (${path.relative(repoRoot, cli)} is missing)`);
  port ??= await freePort();
  const child = trackDetached(
    spawn(process.execPath, ['--import', 'tsx', cli, '--port', String(port), '--scenario', scenario], {
      cwd: repoRoot,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  const ready = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`the emulator did not report listening within ${timeoutMs} ms`)), timeoutMs);
    function fail(error) {
      clearTimeout(timer);
      killGroup(child, 'SIGKILL');
      reject(new Error(`${error.message}\n${output}`));
    }
    const onData = (chunk) => {
      output += chunk.toString();
      const match = LISTENING.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], caPath: match[2].trim() });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
    child.on('exit', (code) => fail(new Error(`the emulator exited with ${code} before listening`)));
  });
  // Keep draining its output so a chatty emulator never blocks on a full pipe.
  child.stdout.resume();
  child.stderr.resume();
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return {
    ...ready,
    /** Lets this process exit while the emulator runs (the exit hook in proc.mjs still kills it). */
    unref() {
      child.unref();
      child.stdout.unref?.();
      child.stderr.unref?.();
    },
    async stop() {
      killGroup(child);
      const done = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
      if (!done) killGroup(child, 'SIGKILL');
    },
  };
}
