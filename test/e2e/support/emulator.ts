// What the extension-host tests know about the emulator the runner started: its address and CA come through the
// same environment variables the extension reads, and its request counters from its /__emulator/stats endpoint.
import { readFileSync } from 'node:fs';
import { get } from 'node:https';

export interface EmulatorStats {
  total: number;
  byOperation: Record<string, number>;
}

export function emulatorEndpoint(): { url: string; caPath: string } {
  const url = process.env.KEYLESS_ARM_ENDPOINT;
  const caPath = process.env.KEYLESS_ARM_CA;
  if (!url || !caPath) throw new Error('KEYLESS_ARM_ENDPOINT / KEYLESS_ARM_CA are not set: run through npm run test:e2e');
  return { url, caPath };
}

/** The emulator's request counts so far, e.g. byOperation["GET subscriptions.list"]. */
export function emulatorStats(): Promise<EmulatorStats> {
  const { url, caPath } = emulatorEndpoint();
  return new Promise((resolve, reject) => {
    get(`${url}/__emulator/stats`, { ca: readFileSync(caPath) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`emulator stats: HTTP ${res.statusCode}`));
        else resolve(JSON.parse(body) as EmulatorStats);
      });
    }).on('error', reject);
  });
}

/** How many more times `operation` was served in `after` than in `before`. */
export function served(before: EmulatorStats, after: EmulatorStats, operation: string): number {
  return (after.byOperation[operation] ?? 0) - (before.byOperation[operation] ?? 0);
}

/** Polls the emulator's counters until `operation` has been served since `before` (the tree loads asynchronously). */
export async function waitUntilServed(before: EmulatorStats, operation: string, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const count = served(before, await emulatorStats(), operation);
    if (count > 0) return count;
    if (Date.now() > deadline) throw new Error(`the emulator did not serve "${operation}" within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
