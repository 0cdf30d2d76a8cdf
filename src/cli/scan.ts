/**
 * The scan behind `keyless scan`: the files under the given paths, in the walk's order, each scanned by the engine.
 * Very large inputs are spread over worker threads (one per core, at most one per 64 MB); smaller ones stay on this
 * thread: each worker starts cold (its own bundle load, grammar loads and JIT/wasm warm-up, about a second of work on
 * a 2-core machine), which a 50 MB input does not repay (bench:scan measures both).
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative, resolve, sep } from 'node:path';
import { preloadGrammars, scanDocument } from '../passwordless/engine';
import type { FileFinding } from './report';
import { readText } from './readText';
import { scanInWorkers, type ScanJob } from './scanPool';
import { filesToScan } from './walk';

export interface ScanOptions {
  exclude: readonly string[];
  /** Worker threads to use (0 or 1: none); default: KEYLESS_SCAN_WORKERS, else one per core for inputs of 128 MB or more. */
  workers?: number;
}

const bytesPerWorker = 64 * 1024 * 1024;
const minParallelBytes = 2 * bytesPerWorker;

export async function scanPaths(paths: readonly string[], cwd: string, options: ScanOptions): Promise<{ results: FileFinding[]; files: number }> {
  const jobs: ScanJob[] = [];
  for await (const path of filesToScan(paths.map((p) => resolve(cwd, p)), cwd)) jobs.push({ path, file: relative(cwd, path).split(sep).join('/') || path });
  const fromEnvironment = process.env.KEYLESS_SCAN_WORKERS ? Number(process.env.KEYLESS_SCAN_WORKERS) : undefined;
  const workers = options.workers ?? fromEnvironment ?? defaultWorkers(jobs);
  const findings = workers > 1 ? await scanInWorkers(jobs, options.exclude, workers) : await scanHere(jobs, options.exclude);
  const results = jobs.flatMap((job, i) => findings[i]!.map((finding) => ({ file: job.file, finding })));
  return { results, files: jobs.length };
}

async function scanHere(jobs: readonly ScanJob[], exclude: readonly string[]): Promise<Awaited<ReturnType<typeof scanDocument>>[]> {
  const findings = [];
  preloadGrammars(jobs.map((job) => job.file));
  for (const job of jobs) findings.push(await scanDocument({ text: readText(job.path), fileName: job.file }, { exclude }));
  return findings;
}

function defaultWorkers(jobs: readonly ScanJob[]): number {
  const cores = availableParallelism();
  if (cores < 2 || jobs.length < 2) return 0;
  let bytes = 0;
  for (const job of jobs) bytes += statSync(job.path).size;
  return bytes < minParallelBytes ? 0 : Math.min(cores, Math.ceil(bytes / bytesPerWorker), jobs.length);
}
