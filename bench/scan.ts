/**
 * `npm run bench:scan`: engine throughput over a generated ≥ 50 MB mixed-language corpus, against ripgrep searching
 * the same prefilter literals: the warm engine on every core (the headline ratio, as ripgrep uses every core) and on
 * one thread, and the cold bundled `keyless scan` process against the ripgrep process, in paired rounds. Plus a 1 MB
 * single-line file. Last line: one JSON object.
 * The editor's code-lens latency is bench/lens.bench.ts (`npm run bench:lens`; codeLensLatencyMs stays null here).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import grammarFiles from '../src/passwordless/scanner/grammar-files.json';
import { readText } from '../src/cli/readText';
import { ScanPool, type ScanJob } from '../src/cli/scanPool';
import { scanDocument } from '../src/passwordless/engine';
import { codeLanguages, configLanguages } from '../src/passwordless/languages';
import { planFor } from '../src/passwordless/scanner/prefilter';
import { generateCorpus, oneMegabyteLine } from './scanCorpus';

const targetBytes = Number(process.env.KEYLESS_BENCH_MB ?? 50) * 1024 * 1024;
const mb = (bytes: number) => bytes / (1024 * 1024);

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

interface Timed {
  ms: number;
  findings: number;
}

/** One contender of a round: resolves to its time and the findings it reported. */
type Contender = () => Promise<Timed>;

async function timed(work: () => Promise<number>): Promise<Timed> {
  const started = performance.now();
  const findings = await work();
  return { ms: performance.now() - started, findings };
}

/** The engine on this thread: each file read and scanned in turn. */
function engineOnOneThread(files: readonly string[]): Contender {
  return () =>
    timed(async () => {
      let findings = 0;
      for (const file of files) findings += (await scanDocument({ text: readText(file), fileName: file })).length;
      return findings;
    });
}

/** The engine on every core, as ripgrep uses every core: a warm pool of worker threads, each reading its own files. */
function engineOnEveryCore(pool: ScanPool, jobs: readonly ScanJob[]): Contender {
  return () => timed(async () => (await pool.scan(jobs)).reduce((sum, found) => sum + found.length, 0));
}

/**
 * The real CLI, process for process against ripgrep: dist/cli.js bundled as the build does. Cold, as a CI run is:
 * Node's start, the grammars' loading, JIT and wasm warm-up (in every worker) count, as ripgrep's start counts.
 */
function cliProcess(cliJs: string, dir: string, workers: number): Contender {
  return () =>
    timed(async () => {
      const env = { ...process.env, KEYLESS_SCAN_WORKERS: String(workers) };
      const out = spawnSync(process.execPath, [cliJs, 'scan', '.', '--format', 'json'], { cwd: dir, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      if (out.status !== 0) throw new Error(`keyless scan exited ${out.status}: ${out.stderr}`);
      return (JSON.parse(out.stdout) as unknown[]).length;
    });
}

function ripgrep(dir: string, literals: readonly string[]): Contender {
  const args = ['-F', '--no-ignore', '--hidden', '--count-matches', ...literals.flatMap((l) => ['-e', l]), dir];
  return () =>
    timed(async () => {
      spawnSync('rg', args, { stdio: ['ignore', 'ignore', 'ignore'] });
      return 0;
    });
}

async function bundleCli(): Promise<string> {
  const dist = mkdtempSync(join(tmpdir(), 'keyless-bench-cli-'));
  await esbuild.build({ entryPoints: ['src/cli/main.ts'], outfile: join(dist, 'cli.js'), bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' });
  mkdirSync(join(dist, 'assets'));
  for (const file of [grammarFiles.runtime, ...Object.values(grammarFiles.grammars)]) copyFileSync(join('node_modules/@vscode/tree-sitter-wasm/wasm', file), join(dist, 'assets', file));
  return dist;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Every contender runs once per round, next to a ripgrep run: each ratio is the median over rounds of
 * ripgrep's time ÷ the contender's time in the same round, so that the machine's drift (it is noisy) cancels out.
 */
async function rounds(contenders: Record<string, Contender>, reference: Contender, count: number): Promise<Record<string, { best: Timed; ratio: number }>> {
  const times: Record<string, Timed[]> = {};
  const ratios: Record<string, number[]> = {};
  for (let round = 0; round < count; round++) {
    const base = await reference();
    (times.ripgrep ??= []).push(base);
    for (const [name, contender] of Object.entries(contenders)) {
      const result = await contender();
      (times[name] ??= []).push(result);
      (ratios[name] ??= []).push(base.ms / result.ms);
    }
  }
  const best = (runs: Timed[]) => runs.reduce((a, b) => (a.ms < b.ms ? a : b));
  return Object.fromEntries(Object.entries(times).map(([name, runs]) => [name, { best: best(runs), ratio: name === 'ripgrep' ? 1 : median(ratios[name]!) }]));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'keyless-bench-'));
  const dist = await bundleCli();
  const workers = availableParallelism();
  const pool = new ScanPool(workers, []);
  try {
    const corpus = generateCorpus(dir, targetBytes);
    const files = listFiles(dir);
    console.log(`corpus: ${mb(corpus.bytes).toFixed(1)} MB in ${corpus.files} files, ${corpus.filesWithFindings} with findings`);
    if (spawnSync('rg', ['--version']).status !== 0) throw new Error('ripgrep is not installed (apt-get install ripgrep)');
    const literals = [...new Set([...codeLanguages, ...configLanguages].flatMap((l) => planFor(l).literals))];
    const jobs: ScanJob[] = files.map((path) => ({ path, file: relative(dir, path) }));
    // Warm-up, as in a long-running editor or language host: grammars load once, the engine is JIT-compiled (one
    // pass over the corpus; V8 optimizes the lexer and the prefilter only after that much work).
    await engineOnOneThread(files)();
    await pool.scan(jobs);

    const cliJs = join(dist, 'cli.js');
    const results = await rounds(
      {
        [`engine, warm, every core (${workers} threads)`]: engineOnEveryCore(pool, jobs),
        'engine, warm, one thread': engineOnOneThread(files),
        'keyless scan process (cold), one thread': cliProcess(cliJs, dir, 0),
        [`keyless scan process (cold), ${workers} workers`]: cliProcess(cliJs, dir, workers),
      },
      ripgrep(dir, literals),
      7,
    );
    const mbps = (timedRun: Timed) => mb(corpus.bytes) / (timedRun.ms / 1000);
    for (const [name, { best, ratio }] of Object.entries(results)) {
      const label = name === 'ripgrep' ? `ripgrep (every core, ${literals.length} literals)` : name;
      console.log(`${label}: best ${best.ms.toFixed(0)} ms, ${mbps(best).toFixed(0)} MB/s${name === 'ripgrep' ? '' : `, ${best.findings} findings, ${ratio.toFixed(2)} × ripgrep`}`);
    }
    const [everyCore, oneThread, cliOne, cliEvery] = Object.values(results).slice(1);
    console.log(`throughput / ripgrep (median of per-round ratios; goal ≥ 0.5, like for like: the engine on every core): ${everyCore!.ratio.toFixed(2)}`);

    const line = oneMegabyteLine();
    await scanDocument({ text: line, fileName: 'bundle.min.js' });
    let lineMs = Infinity;
    let lineFindings = 0;
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      lineFindings = (await scanDocument({ text: line, fileName: 'bundle.min.js' })).length;
      lineMs = Math.min(lineMs, performance.now() - started);
    }
    console.log(`1 MB single line: ${lineMs.toFixed(1)} ms, ${lineFindings} finding(s) (goal ≤ 100 ms)`);
    const round3 = (n: number) => Number(n.toFixed(3));
    console.log(
      JSON.stringify({
        bench: 'scan',
        corpusMB: Number(mb(corpus.bytes).toFixed(1)),
        files: corpus.files,
        workers,
        engineMBps: Number(mbps(everyCore!.best).toFixed(1)),
        ripgrepMBps: Number(mbps(results.ripgrep!.best).toFixed(1)),
        ratio: round3(everyCore!.ratio),
        ratioGoal: 0.5,
        engineOneThreadMBps: Number(mbps(oneThread!.best).toFixed(1)),
        oneThreadRatio: round3(oneThread!.ratio),
        cliMBps: Number(mbps(cliOne!.best).toFixed(1)),
        cliRatio: round3(cliOne!.ratio),
        cliParallelMBps: Number(mbps(cliEvery!.best).toFixed(1)),
        cliParallelRatio: round3(cliEvery!.ratio),
        oneMBLineMs: Number(lineMs.toFixed(1)),
        oneMBLineGoalMs: 100,
        findings: everyCore!.best.findings,
        ripgrep: execFileSync('rg', ['--version'], { encoding: 'utf8' }).split('\n')[0],
        codeLensLatencyMs: null,
      }),
    );
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(dist, { recursive: true, force: true });
  }
}

void main();
