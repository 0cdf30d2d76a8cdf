/**
 * The TypeScript/JavaScript rewriter beyond its golden files: the rewritten TypeScript type-checks against the real
 * Azure packages, titles and settings say what the developer must provide, and unsafe shapes get no fix.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scanDocument } from '../../src/passwordless/engine';
import { fixesFor, fixFile } from '../../src/passwordless/rewrites';

const repo = join(__dirname, '../..');

async function fixesOf(text: string, fileName = 'src/app.ts') {
  const [finding] = await scanDocument({ text, fileName });
  assert.ok(finding, 'the sample has a finding');
  return fixesFor({ text, fileName, finding });
}

describe('the TypeScript rewriter', () => {
  it('produces TypeScript that type-checks against the real Azure SDK packages', () => {
    const project = join(repo, 'test/fixtures/rewrites-tsc');
    const result = spawnSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', project, '--listFiles'], { encoding: 'utf8' });
    const lines = result.stdout.split('\n');
    const diagnostics = lines.filter((l) => l.trim() && !l.startsWith('/')).join('\n');
    assert.equal(result.status, 0, `tsc failed:\n${diagnostics}${result.stderr}`);
    const expected = readdirSync(join(repo, 'test/fixtures/rewrites/typescript')).filter((f) => /\.after(-user)?\.ts$/.test(f));
    const checked = lines.filter((l) => l.includes('/test/fixtures/rewrites/typescript/'));
    assert.equal(checked.length, expected.length, 'tsc checked every TypeScript "after" file');
    assert.ok(expected.length >= 20);
  });

  it('names the endpoint setting it reads in the title and the settings, and the identity package it needs', async () => {
    const [preferred, other] = await fixesOf('const c = new ServiceBusClient(process.env.SB_CONNECTION!);\n');
    assert.equal(preferred?.title, 'Use DefaultAzureCredential (reads AZURE_SERVICEBUS_FULLYQUALIFIEDNAMESPACE)');
    assert.deepEqual(preferred?.settings.map((s) => s.name), ['AZURE_SERVICEBUS_FULLYQUALIFIEDNAMESPACE']);
    assert.deepEqual(preferred?.requires.map((p) => `${p.ecosystem}:${p.name}`), ['npm:@azure/identity']);
    assert.equal(other?.title, 'Use a user-assigned managed identity (AZURE_CLIENT_ID; reads AZURE_SERVICEBUS_FULLYQUALIFIEDNAMESPACE)');
    assert.deepEqual(other?.settings.map((s) => s.name), ['AZURE_CLIENT_ID', 'AZURE_SERVICEBUS_FULLYQUALIFIEDNAMESPACE']);
  });

  it('reads no setting when the endpoint comes from a literal connection string', async () => {
    const cs = 'Endpoint=https://contoso-settings.azconfig.io;Id=abc;Secret=Zm7/vQCVCLF5dXnl1TABpKzQ6DPdKHojWwz/z2kWK5I=';
    const [fix] = await fixesOf(`const c = new AppConfigurationClient("${cs}");\n`);
    assert.equal(fix?.title, 'Use DefaultAzureCredential');
    assert.deepEqual(fix?.settings, []);
    const fixed = await fixFile({ text: `const c = new AppConfigurationClient("${cs}");\n`, fileName: 'a.ts' }, 'default');
    assert.ok(!fixed.text.includes('Secret='), 'the secret is gone from the call');
  });

  it('offers one fix that reuses a token credential already in scope', async () => {
    const fixes = await fixesOf('const credential = new ManagedIdentityCredential();\nconst c = new ServiceBusClient(cs);\n');
    assert.equal(fixes.length, 1);
    assert.equal(fixes[0]?.title, 'Use the token credential in scope (credential; reads AZURE_SERVICEBUS_FULLYQUALIFIEDNAMESPACE)');
  });

  it('uses the file\'s quotes and module system for a new import', async () => {
    const text = "const { ServiceBusClient } = require('@azure/service-bus')\nconst c = new ServiceBusClient(cs)\n";
    const fixed = await fixFile({ text, fileName: 'a.js' }, 'default');
    assert.equal(
      fixed.text,
      "const { ServiceBusClient } = require('@azure/service-bus')\nconst { DefaultAzureCredential } = require('@azure/identity')\nconst c = new ServiceBusClient(process.env.AZURE_SERVICEBUS_FULLYQUALIFIEDNAMESPACE, new DefaultAzureCredential())\n",
    );
  });

  it('offers no fix where the hub or the endpoint cannot be known safely', async () => {
    assert.deepEqual(await fixesOf('const p = new EventHubProducerClient(cs);\n'), []);
    assert.deepEqual(await fixesOf('const b = BlobServiceClient.fromConnectionString("UseDevelopmentStorage=true;AccountName=x");\n'), []);
  });
});
