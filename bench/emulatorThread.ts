// The emulator on its own thread for benchmarks: real ARM's work (serializing, evaluating graph queries, checking
// permissions) runs on Azure's machines, not the developer's, so a benchmark must not charge it to the client's
// event loop. Same options and surface as startEmulator, with stats made asynchronous.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { startEmulator, type EmulatorOptions, type JournalEntry, type RunningEmulator } from '../emulator/index';

type Stats = ReturnType<RunningEmulator['stats']>;

export interface EmulatorThread {
  url: string;
  ca: string;
  stats(): Promise<Stats>;
  /** Zeroes the request counts and collects the thread's garbage (with --expose-gc). */
  resetStats(): Promise<void>;
  /** The requests since the last reset (with `journal: true`). */
  journal(): Promise<JournalEntry[]>;
  setLatency(ms: number): Promise<void>;
  stop(): Promise<void>;
}

type Request = { id: number; op: 'stats' | 'reset' | 'journal' | 'latency' | 'stop'; ms?: number };

export async function startEmulatorThread(options: EmulatorOptions): Promise<EmulatorThread> {
  // The thread loads this same TypeScript file through tsx, as the bench's own process does.
  const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(__filename)});`, { eval: true, workerData: options });
  const pending = new Map<number, (value: unknown) => void>();
  let next = 0;
  const ready = new Promise<{ url: string; ca: string }>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', resolve);
  });
  const { url, ca } = await ready;
  worker.on('message', ({ id, value }: { id: number; value: unknown }) => pending.get(id)?.(value));
  const call = <T>(op: Request['op'], ms?: number) =>
    new Promise<T>((resolve) => {
      const id = next++;
      pending.set(id, (value) => (pending.delete(id), resolve(value as T)));
      worker.postMessage({ id, op, ms } satisfies Request);
    });
  return {
    url,
    ca,
    stats: () => call<Stats>('stats'),
    resetStats: () => call<void>('reset'),
    journal: () => call<JournalEntry[]>('journal'),
    setLatency: (ms) => call<void>('latency', ms),
    stop: async () => {
      await call<void>('stop');
      await worker.terminate();
    },
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  void startEmulator(workerData as EmulatorOptions).then((emulator) => {
    port.postMessage({ url: emulator.url, ca: emulator.ca });
    port.on('message', async ({ id, op, ms }: Request) => {
      if (op === 'stats') port.postMessage({ id, value: emulator.stats() });
      // Also collects what earlier runs left (the bench collects its own heap before each run too), so that no
      // contender's requests wait on the emulator sweeping another's garbage.
      if (op === 'reset') port.postMessage({ id, value: (global.gc?.(), emulator.resetStats()) });
      if (op === 'journal') port.postMessage({ id, value: emulator.journal() });
      if (op === 'latency') port.postMessage({ id, value: emulator.setLatency(ms ?? 0) });
      if (op === 'stop') port.postMessage({ id, value: await emulator.stop() });
    });
  });
}
