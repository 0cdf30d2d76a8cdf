// Small process helpers shared by the e2e runner, the UI scenarios and the demo.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Prints a progress line prefixed so it is clear which tool is talking. */
export function log(message) {
  console.log(`[e2e] ${message}`);
}

/** Runs a command to completion; rejects with its tail of output when it exits non-zero. */
export function run(command, args, { cwd = repoRoot, env = process.env, quiet = true } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) exited with ${code}\n${output}`));
    });
  });
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const detachedChildren = new Set();

/** Remembers a detached child so that it is killed (with its group) however this process exits. */
export function trackDetached(child) {
  detachedChildren.add(child);
  child.on('exit', () => detachedChildren.delete(child));
  return child;
}

process.on('exit', () => {
  for (const child of detachedChildren) killGroup(child, 'SIGKILL');
});

/** Kills a detached child's whole process group (code-server forks its extension host and file watchers). */
export function killGroup(child, signal = 'SIGTERM') {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Waits until `check()` resolves truthy, polling; rejects with `what` after `timeoutMs`. */
export async function waitFor(check, { timeoutMs, intervalMs = 200, what }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch {
      // not ready yet
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Ctrl+C / kill: run `cleanup` once, then exit with `exitCode` (the 'exit' hook above kills whatever is left). */
export function onSignals(cleanup, exitCode = 130) {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, async () => {
      if (stopping) process.exit(130);
      stopping = true;
      try {
        await cleanup?.();
      } finally {
        process.exit(exitCode);
      }
    });
  }
}
