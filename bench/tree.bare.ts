// The floor under any client on this machine: our run's exact requests, replayed by a bare HTTPS client (keep-alive,
// no SDK pipeline, no tree, only JSON.parse of each answer) at the same concurrency and with no dependency between
// them, as if every request were known in advance. Whatever it takes beyond the ideal bound is the emulator's work
// and the machine's cores, not the client's design.
import https from 'node:https';
import type { JournalEntry } from '../emulator/index';
import type { EmulatorThread } from './emulatorThread';

export async function replayBare(emulator: EmulatorThread, requests: JournalEntry[], concurrency: number, token: (tenantId: string) => Promise<string>): Promise<{ seconds: number }> {
  const agent = new https.Agent({ ca: emulator.ca, keepAlive: true, maxSockets: concurrency });
  const tokens = new Map<string, string>();
  for (const { tenantId } of requests) if (!tokens.has(tenantId)) tokens.set(tenantId, await token(tenantId));
  await emulator.resetStats();
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < requests.length) await send(emulator.url, agent, requests[next++], tokens);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { seconds };
}

function send(base: string, agent: https.Agent, { method, url, body, tenantId }: JournalEntry, tokens: Map<string, string>): Promise<void> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = { authorization: `Bearer ${tokens.get(tenantId)}`, accept: 'application/json' };
  if (payload !== undefined) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const request = https.request(`${base}${url}`, { method, agent, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        // A replay that failed would measure nothing: the bench stops rather than print a floor.
        if ((response.statusCode ?? 500) >= 300) reject(new Error(`replay: ${method} ${url.split('?')[0]} answered ${response.statusCode}`));
        else {
          JSON.parse(text);
          resolve();
        }
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(payload);
  });
}
