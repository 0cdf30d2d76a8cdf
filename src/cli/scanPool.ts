/**
 * Scans many files on worker threads, as ripgrep uses every core: a pool of workers pulls batches of files from one
 * queue (reading and scanning them), and the findings are put back in the order the files were given, so the output
 * is exactly a single-threaded scan's. A worker is this very module — dist/cli.js once bundled — started with a
 * marker in workerData; under tsx (tests, `npm run scan`) it registers tsx first.
 */
import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { scanDocument } from '../passwordless/engine';
import type { Finding } from '../passwordless/types';

export interface ScanJob {
  /** Absolute path to read. */
  path: string;
  /** Name the engine sees (relative, forward slashes): exclusion globs match it. */
  file: string;
}

const marker = 'keylessScanWorker';
/** Big enough to keep messages few, small enough that the last batches even out the workers' loads. */
const batchSize = 16;

type Request = { index: number; jobs: ScanJob[] };
type Reply = { index: number; findings: Finding[][] } | { index: number; error: string };

/** Findings per job, in the jobs' order. Rejects with the first error a worker reports (an unreadable file). */
export async function scanInWorkers(jobs: readonly ScanJob[], exclude: readonly string[], workerCount: number): Promise<Finding[][]> {
  const batches: ScanJob[][] = [];
  for (let i = 0; i < jobs.length; i += batchSize) batches.push(jobs.slice(i, i + batchSize));
  const results: Finding[][][] = new Array(batches.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(workerCount, batches.length)) }, () => startWorker(exclude));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= batches.length) return resolve();
              const index = next++;
              worker.postMessage({ index, jobs: batches[index]! } satisfies Request);
            };
            worker.on('message', (reply: Reply) => {
              if ('error' in reply) return reject(new Error(reply.error));
              results[reply.index] = reply.findings;
              send();
            });
            worker.once('error', reject);
            worker.once('exit', (code) => (next < batches.length || code !== 0 ? reject(new Error(`scan worker exited with code ${code}`)) : undefined));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results.flat();
}

function startWorker(exclude: readonly string[]): Worker {
  const data = { [marker]: true, exclude };
  // Under tsx this file is TypeScript: the worker registers tsx before loading it.
  if (__filename.endsWith('.ts')) return new Worker(`require('tsx/cjs'); require(${JSON.stringify(__filename)});`, { eval: true, workerData: data });
  return new Worker(__filename, { workerData: data });
}

function serve(): void {
  const exclude = (workerData as { exclude: string[] }).exclude;
  parentPort!.on('message', async ({ index, jobs }: Request) => {
    try {
      const findings: Finding[][] = [];
      for (const job of jobs) findings.push(await scanDocument({ text: readFileSync(job.path, 'utf8'), fileName: job.file }, { exclude }));
      parentPort!.postMessage({ index, findings } satisfies Reply);
    } catch (error) {
      parentPort!.postMessage({ index, error: (error as Error).message } satisfies Reply);
    }
  });
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[marker]) serve();
