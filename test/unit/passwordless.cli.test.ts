import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { runCli } from '../../src/cli/main';
import grammarFiles from '../../src/passwordless/scanner/grammar-files.json';
import { storageKey } from '../fixtures/passwordless/model';

let project: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(project, path)), { recursive: true });
  writeFileSync(join(project, path), text);
}

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t), cwd: project });
  return { code, out, err };
}

before(() => {
  project = mkdtempSync(join(tmpdir(), 'keyless-cli-'));
  write('.gitignore', 'generated/\n*.local.ts\n');
  write('src/queue.ts', 'import { ServiceBusClient } from "@azure/service-bus";\nexport const sb = new ServiceBusClient(process.env.SB!);\n');
  write('src/clean.py', 'from azure.identity import DefaultAzureCredential\ncredential = DefaultAzureCredential()\n');
  write('appsettings.json', `{ "ConnectionStrings": { "Storage": "DefaultEndpointsProtocol=https;AccountName=invoices;AccountKey=${storageKey}" } }\n`);
  write('generated/out.ts', 'new ServiceBusClient(cs);\n');
  write('src/dev.local.ts', 'new ServiceBusClient(cs);\n');
  write('node_modules/pkg/index.js', 'new ServiceBusClient(cs);\n');
  write('README.md', `AccountKey=${storageKey}\n`);
});

after(() => rmSync(project, { recursive: true, force: true }));

describe('keyless scan', () => {
  it('prints JSON findings with 1-based positions, skipping .gitignore matches and node_modules', async () => {
    const { code, out } = await run('scan', '.', '--format', 'json');
    assert.equal(code, 0);
    const findings = JSON.parse(out) as Array<Record<string, unknown>>;
    assert.deepEqual(findings.map((f) => [f.file, f.ruleId]), [
      ['appsettings.json', 'secret-storage-account-key'],
      ['src/queue.ts', 'service-bus-connection-string'],
    ]);
    const queue = findings[1]!;
    assert.deepEqual([queue.line, queue.column, queue.endLine, queue.endColumn], [2, 19, 2, 56]);
    assert.equal(findings[0]!.target, 'invoices');
    assert.ok(!out.includes(storageKey), 'the key never reaches the output');
    assert.deepEqual((queue.roles as { write: Array<{ id: string }> }).write.map((r) => r.id), ['69a216fc-b8fb-44d8-bc22-1f3c2cd27a39']);
  });

  it('writes SARIF 2.1.0 whose results point into the rule table', async () => {
    const { code, out } = await run('scan', '--format', 'sarif');
    assert.equal(code, 0);
    const sarif = JSON.parse(out);
    assert.equal(sarif.version, '2.1.0');
    const [runEntry] = sarif.runs;
    assert.equal(runEntry.results.length, 2);
    for (const result of runEntry.results) {
      assert.equal(runEntry.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(result.locations[0].physicalLocation.region.startLine >= 1);
      assert.ok(!result.locations[0].physicalLocation.artifactLocation.uri.startsWith('/'));
    }
  });

  it('exits 1 with --fail-on-findings only when there are findings', async () => {
    assert.equal((await run('scan', 'src/queue.ts', '--fail-on-findings')).code, 1);
    const clean = await run('scan', 'src/clean.py', '--fail-on-findings');
    assert.equal(clean.code, 0);
    assert.match(clean.out, /0 findings in 1 file scanned/);
  });

  it('exits 2 on bad arguments and missing paths', async () => {
    assert.equal((await run('scan', '--format', 'xml')).code, 2);
    assert.equal((await run('lint')).code, 2);
    const missing = await run('scan', 'nope');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no such file/);
  });

  it('runs bundled, loading the grammars from assets/ next to the script', async () => {
    const dist = join(project, 'dist');
    await esbuild.build({ entryPoints: ['src/cli/main.ts'], outfile: join(dist, 'cli.js'), bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' });
    mkdirSync(join(dist, 'assets'));
    for (const file of [grammarFiles.runtime, ...Object.values(grammarFiles.grammars)]) {
      copyFileSync(join('node_modules/@vscode/tree-sitter-wasm/wasm', file), join(dist, 'assets', file));
    }
    const { stdout } = await promisify(execFile)(process.execPath, [join(dist, 'cli.js'), 'scan', 'src', '--format', 'json'], { cwd: project });
    assert.deepEqual(JSON.parse(stdout).map((f: { ruleId: string }) => f.ruleId), ['service-bus-connection-string']);
    assert.ok(readFileSync(join(dist, 'cli.js'), 'utf8').includes('tree-sitter'));
  });
});
