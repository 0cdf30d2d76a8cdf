/**
 * Scans many files on worker threads, as ripgrep uses every core: a pool of workers pulls batches of files from one
 * queue (reading and scanning them), and the findings are put back in the order the files were given, so the output
 * is exactly a single-threaded scan's. A worker is this very module — dist/cli.js once bundled — started with a
 * marker in workerData; under tsx (tests, `npm run scan`) it registers tsx first.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { preloadGrammars, scanDocument } from '../passwordless/engine';
import type { Finding } from '../passwordless/types';
import { readText } from './readText';

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
  const pool = new ScanPool(Math.max(1, Math.min(workerCount, Math.ceil(jobs.length / batchSize))), exclude);
  try {
    return await pool.scan(jobs);
  } finally {
    await pool.close();
  }
}

/**
 * Worker threads that stay up between scans, as a long-running host keeps them: the CLI starts one for a single scan;
 * bench:scan warms one and times the engine on every core, as ripgrep uses every core.
 */
export class ScanPool {
  private readonly workers: Worker[];
  /** A scan that failed may leave batches in flight: the pool is not reused after it. */
  private failed = false;

  constructor(workerCount: number, exclude: readonly string[]) {
    this.workers = Array.from({ length: workerCount }, () => startWorker(exclude));
  }

  /** Findings per job, in the jobs' order; the workers pull batches from one queue. One scan at a time. */
  async scan(jobs: readonly ScanJob[]): Promise<Finding[][]> {
    if (this.failed) throw new Error('scan pool is unusable after a failed scan');
    const batches: ScanJob[][] = [];
    for (let i = 0; i < jobs.length; i += batchSize) batches.push(jobs.slice(i, i + batchSize));
    const results: Finding[][][] = new Array(batches.length);
    let next = 0;
    const listeners: Array<() => void> = [];
    try {
      await Promise.all(
        this.workers.map(
          (worker) =>
            new Promise<void>((resolve, reject) => {
              const send = () => {
                if (next >= batches.length) return resolve();
                const index = next++;
                worker.postMessage({ index, jobs: batches[index]! } satisfies Request);
              };
              const onMessage = (reply: Reply) => {
                if ('error' in reply) return reject(new Error(reply.error));
                results[reply.index] = reply.findings;
                send();
              };
              const onExit = (code: number) => reject(new Error(`scan worker exited with code ${code}`));
              worker.on('message', onMessage).once('error', reject).once('exit', onExit);
              listeners.push(() => worker.off('message', onMessage).off('error', reject).off('exit', onExit));
              send();
            }),
        ),
      );
    } catch (error) {
      this.failed = true;
      throw error;
    } finally {
      for (const remove of listeners) remove();
    }
    return results.flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
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
      preloadGrammars(jobs.map((job) => job.file));
      for (const job of jobs) findings.push(await scanDocument({ text: readText(job.path), fileName: job.file }, { exclude }));
      parentPort!.postMessage({ index, findings } satisfies Reply);
    } catch (error) {
      parentPort!.postMessage({ index, error: (error as Error).message } satisfies Reply);
    }
  });
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[marker]) serve();
