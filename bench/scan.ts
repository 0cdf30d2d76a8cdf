/**
 * `npm run bench:scan`: engine throughput over a generated ≥ 50 MB mixed-language corpus, against ripgrep searching
 * the same prefilter literals: the engine on one thread, and the bundled `keyless scan` process (one worker per core,
 * as ripgrep uses every core) against the ripgrep process. Plus a 1 MB
 * single-line file. Last line: one JSON object.
 * The editor's code-lens latency is bench/lens.bench.ts (`npm run bench:lens`; codeLensLatencyMs stays null here).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import grammarFiles from '../src/passwordless/scanner/grammar-files.json';
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

async function scanAll(files: readonly string[]): Promise<{ ms: number; findings: number }> {
  const started = performance.now();
  let findings = 0;
  for (const file of files) findings += (await scanDocument({ text: readFileSync(file, 'utf8'), fileName: file })).length;
  return { ms: performance.now() - started, findings };
}

interface CliRun {
  ms: number;
  findings: number;
  workers: number;
}

/**
 * The real CLI against ripgrep, process for process: dist/cli.js bundled as the build does, run on the corpus with its
 * own thread and with one worker per core (KEYLESS_SCAN_WORKERS). Cold, as a CI run is: includes Node's start, the
 * grammars' loading, JIT and wasm warm-up in every worker — as ripgrep's time includes its own start.
 */
async function cliRuns(dir: string): Promise<{ single: CliRun; parallel: CliRun }> {
  const dist = mkdtempSync(join(tmpdir(), 'keyless-bench-cli-'));
  try {
    await esbuild.build({ entryPoints: ['src/cli/main.ts'], outfile: join(dist, 'cli.js'), bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' });
    mkdirSync(join(dist, 'assets'));
    for (const file of [grammarFiles.runtime, ...Object.values(grammarFiles.grammars)]) copyFileSync(join('node_modules/@vscode/tree-sitter-wasm/wasm', file), join(dist, 'assets', file));
    const run = (workers: number): CliRun => {
      let best = { ms: Infinity, findings: 0 };
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        const env = { ...process.env, KEYLESS_SCAN_WORKERS: String(workers) };
        const out = spawnSync(process.execPath, [join(dist, 'cli.js'), 'scan', '.', '--format', 'json'], { cwd: dir, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
        const ms = performance.now() - started;
        if (out.status !== 0) throw new Error(`keyless scan exited ${out.status}: ${out.stderr}`);
        if (ms < best.ms) best = { ms, findings: (JSON.parse(out.stdout) as unknown[]).length };
      }
      return { ...best, workers };
    };
    return { single: run(0), parallel: run(availableParallelism()) };
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
}

function ripgrepMs(dir: string, literals: readonly string[]): number | undefined {
  if (spawnSync('rg', ['--version']).status !== 0) return undefined;
  const args = ['-F', '--no-ignore', '--hidden', '--count-matches', ...literals.flatMap((l) => ['-e', l]), dir];
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    spawnSync('rg', args, { stdio: ['ignore', 'ignore', 'ignore'] });
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'keyless-bench-'));
  try {
    const corpus = generateCorpus(dir, targetBytes);
    const files = listFiles(dir);
    console.log(`corpus: ${mb(corpus.bytes).toFixed(1)} MB in ${corpus.files} files, ${corpus.filesWithFindings} with findings`);
    await scanAll(files.slice(0, 200)); // warm-up: grammars load once, as in a long-running editor or CLI
    const runs = [await scanAll(files), await scanAll(files)];
    const best = runs.reduce((a, b) => (a.ms < b.ms ? a : b));
    const engineMBps = mb(corpus.bytes) / (best.ms / 1000);
    console.log(`engine: ${best.ms.toFixed(0)} ms, ${engineMBps.toFixed(0)} MB/s, ${best.findings} findings`);

    const cli = await cliRuns(dir);
    const parallel = cli.parallel;
    const parallelMBps = mb(corpus.bytes) / (parallel.ms / 1000);
    const cliMBps = mb(corpus.bytes) / (cli.single.ms / 1000);
    console.log(`keyless scan process (dist/cli.js, cold), one thread: ${cli.single.ms.toFixed(0)} ms, ${cliMBps.toFixed(0)} MB/s, ${cli.single.findings} findings`);
    console.log(`keyless scan process (dist/cli.js, cold), ${parallel.workers} workers: ${parallel.ms.toFixed(0)} ms, ${parallelMBps.toFixed(0)} MB/s, ${parallel.findings} findings`);

    const literals = [...new Set([...codeLanguages, ...configLanguages].flatMap((l) => planFor(l).literals))];
    const rgMs = ripgrepMs(dir, literals);
    const rgMBps = rgMs === undefined ? undefined : mb(corpus.bytes) / (rgMs / 1000);
    console.log(rgMs === undefined ? 'ripgrep: not installed (apt-get install ripgrep)' : `ripgrep: ${rgMs.toFixed(0)} ms, ${rgMBps!.toFixed(0)} MB/s for ${literals.length} literals`);
    const ratio = rgMBps === undefined ? undefined : engineMBps / rgMBps;
    const parallelRatio = rgMBps === undefined ? undefined : parallelMBps / rgMBps;
    const cliRatio = rgMBps === undefined ? undefined : cliMBps / rgMBps;
    if (ratio !== undefined)
      console.log(
        `throughput / ripgrep: engine warm on one thread ${ratio.toFixed(2)}; keyless scan process ${cliRatio!.toFixed(2)} on one thread, ${parallelRatio!.toFixed(2)} with ${parallel.workers} workers (goal ≥ 0.5; ripgrep uses every core)`,
      );

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
    const rgVersion = rgMs === undefined ? undefined : execFileSync('rg', ['--version'], { encoding: 'utf8' }).split('\n')[0];
    console.log(
      JSON.stringify({
        bench: 'scan',
        corpusMB: Number(mb(corpus.bytes).toFixed(1)),
        files: corpus.files,
        engineMBps: Number(engineMBps.toFixed(1)),
        ripgrepMBps: rgMBps === undefined ? null : Number(rgMBps.toFixed(1)),
        ratio: ratio === undefined ? null : Number(ratio.toFixed(3)),
        workers: parallel.workers,
        cliMBps: Number(cliMBps.toFixed(1)),
        cliRatio: cliRatio === undefined ? null : Number(cliRatio.toFixed(3)),
        cliParallelMBps: Number(parallelMBps.toFixed(1)),
        parallelRatio: parallelRatio === undefined ? null : Number(parallelRatio.toFixed(3)),
        ratioGoal: 0.5,
        oneMBLineMs: Number(lineMs.toFixed(1)),
        oneMBLineGoalMs: 100,
        findings: best.findings,
        ripgrep: rgVersion ?? null,
        codeLensLatencyMs: null,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
