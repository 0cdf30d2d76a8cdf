import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { toJson } from '../../src/cli/report';
import { scanPaths } from '../../src/cli/scan';
import { ScanPool, scanInWorkers } from '../../src/cli/scanPool';
import grammarFiles from '../../src/passwordless/scanner/grammar-files.json';
import { generateCorpus } from '../../bench/scanCorpus';

let project: string;

before(() => {
  project = mkdtempSync(join(tmpdir(), 'keyless-cli-parallel-'));
  // About 3 MB of mixed-language files with some findings.
  generateCorpus(join(project, 'src'), 3 * 1024 * 1024, 3);
  writeFileSync(join(project, 'src', 'pkg1', 'zz-extra.ts'), 'export const bus = new ServiceBusClient(process.env.SB!);\n');
  writeFileSync(join(project, 'src', 'pkg1', 'excluded.ts'), 'export const bus = new ServiceBusClient(process.env.SB!);\n');
});

after(() => rmSync(project, { recursive: true, force: true }));

describe('keyless scan on worker threads', () => {
  it('reports exactly what one thread reports, in the same file order, exclusions included', async () => {
    const options = { exclude: ['**/excluded.ts'] };
    const single = await scanPaths(['src'], project, { ...options, workers: 0 });
    const parallel = await scanPaths(['src'], project, { ...options, workers: 2 });
    assert.ok(single.results.length >= 5, `only ${single.results.length} findings in the corpus`);
    assert.equal(parallel.files, single.files);
    assert.deepEqual(parallel.results.map(toJson), single.results.map(toJson));
    assert.ok(!single.results.some((r) => r.file.endsWith('excluded.ts')));
  });

  it('rejects with the reason when a worker cannot read a file', async () => {
    const jobs = [{ path: join(project, 'src', 'pkg1', 'zz-extra.ts'), file: 'a.ts' }, { path: join(project, 'gone.ts'), file: 'gone.ts' }];
    await assert.rejects(scanInWorkers(jobs, [], 2), /no such file/);
  });

  it('keeps its workers between scans (as bench:scan does): the same findings twice, and none after a failed scan', async () => {
    const jobs = [
      { path: join(project, 'src', 'pkg1', 'zz-extra.ts'), file: 'a.ts' },
      { path: join(project, 'src', 'pkg1', 'excluded.ts'), file: 'b.ts' },
    ];
    const pool = new ScanPool(2, []);
    try {
      const first = await pool.scan(jobs);
      assert.deepEqual(first.map((found) => found.map((f) => f.ruleId)), [['service-bus-connection-string'], ['service-bus-connection-string']]);
      assert.deepEqual(await pool.scan(jobs), first);
      await assert.rejects(pool.scan([...jobs, { path: join(project, 'gone.ts'), file: 'gone.ts' }]), /no such file/);
      await assert.rejects(pool.scan(jobs), /unusable after a failed scan/);
    } finally {
      await pool.close();
    }
  });

  it('runs bundled: dist/cli.js with KEYLESS_SCAN_WORKERS=2 starts its own workers and prints the single-thread findings', async () => {
    const dist = join(project, 'dist');
    await esbuild.build({ entryPoints: ['src/cli/main.ts'], outfile: join(dist, 'cli.js'), bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' });
    mkdirSync(join(dist, 'assets'));
    for (const file of [grammarFiles.runtime, ...Object.values(grammarFiles.grammars)]) {
      copyFileSync(join('node_modules/@vscode/tree-sitter-wasm/wasm', file), join(dist, 'assets', file));
    }
    const { stdout } = await promisify(execFile)(process.execPath, [join(dist, 'cli.js'), 'scan', 'src', '--format', 'json'], { cwd: project, env: { ...process.env, KEYLESS_SCAN_WORKERS: '2' }, maxBuffer: 64 * 1024 * 1024 });
    const single = await scanPaths(['src'], project, { exclude: [], workers: 0 });
    assert.deepEqual(JSON.parse(stdout), single.results.map(toJson));
  });
});
