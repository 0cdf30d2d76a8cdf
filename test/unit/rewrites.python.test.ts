/**
 * Python rewrites beyond the golden files: every rewritten Python file compiles with `python3 -m py_compile` (golden
 * results and the fixed samples), fixing twice changes nothing, the fix carries its settings, package and title, and
 * the shapes with no safe rewrite get no fix.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { scanDocument } from '../../src/passwordless/engine';
import { fixesFor, fixFile } from '../../src/passwordless/rewrites';
import type { Fix, IdentityChoice } from '../../src/passwordless/rewrites';
import { codeRules } from '../../src/passwordless/rules';

const goldenDir = join(__dirname, '../fixtures/rewrites/python');
const samplesDir = join(__dirname, '../../samples/python');
const scratch = mkdtempSync(join(tmpdir(), 'keyless-python-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `python3 -m py_compile` on the files (bytecode goes to a scratch folder, not next to the fixtures). */
function pyCompile(files: readonly string[]): void {
  const run = spawnSync('python3', ['-m', 'py_compile', ...files], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONPYCACHEPREFIX: join(scratch, 'pycache') },
  });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
    assert.fail('python3 is not installed: the Python rewrite results cannot be checked with py_compile (install python3, e.g. apt-get install python3).');
  }
  assert.equal(run.status, 0, `python3 -m py_compile failed:\n${run.stderr}${run.stdout}`);
}

const isCodeRule = (ruleId: string): boolean => codeRules.some((r) => r.id === ruleId);

async function onlyFinding(text: string, ruleId?: string) {
  const findings = (await scanDocument({ text, fileName: 'app.py' })).filter((f) => isCodeRule(f.ruleId) && (!ruleId || f.ruleId === ruleId));
  assert.equal(findings.length, 1, `expected one code finding, got ${findings.map((f) => f.ruleId).join(', ') || 'none'}`);
  return findings[0]!;
}

async function fixes(text: string, preferred: IdentityChoice = 'default'): Promise<Fix[]> {
  return fixesFor({ text, fileName: 'app.py', finding: await onlyFinding(text) }, preferred);
}

async function fixed(text: string, identity: IdentityChoice = 'default'): Promise<string> {
  return (await fixFile({ text, fileName: 'app.py' }, identity)).text;
}

describe('Python rewrite results compile', () => {
  it('compiles every golden Python result with python3 -m py_compile', () => {
    const results = readdirSync(goldenDir).filter((f) => /\.after(-user)?\.py$/.test(f));
    assert.ok(results.length >= 30, `only ${results.length} golden Python results`);
    pyCompile(results.map((f) => join(goldenDir, f)));
  });

  it('fixes the Python samples so that they compile, keep no fixable code finding and stay put when fixed again', async () => {
    const written: string[] = [];
    for (const file of readdirSync(samplesDir).filter((f) => f.endsWith('.py'))) {
      const text = readFileSync(join(samplesDir, file), 'utf8');
      for (const identity of ['default', 'userAssigned'] as const) {
        const result = await fixFile({ text, fileName: file }, identity);
        assert.ok(result.applied.length > 0, `${file} (${identity}): nothing fixed`);
        assert.deepEqual(result.remaining.filter((f) => isCodeRule(f.ruleId)).map((f) => f.ruleId), [], `${file} (${identity}) keeps code findings`);
        const again = await fixFile({ text: result.text, fileName: file }, identity);
        assert.equal(again.text, result.text, `${file} (${identity}): a second fix changed the file`);
        const out = join(scratch, `${identity}-${file}`);
        writeFileSync(out, result.text);
        written.push(out);
      }
    }
    pyCompile(written);
  });
});

describe('Python fixes', () => {
  const envBlob = 'import os\n\nfrom azure.storage.blob import BlobServiceClient\n\nservice = BlobServiceClient.from_connection_string(os.environ["CS"])\n';

  it('names the endpoint setting it reads, requires azure-identity and offers the preferred identity first', async () => {
    const [preferred, other] = await fixes(envBlob, 'userAssigned');
    assert.ok(preferred && other);
    assert.equal(preferred.identity, 'userAssigned');
    assert.equal(preferred.title, 'Use a user-assigned managed identity (AZURE_CLIENT_ID; reads AZURE_STORAGEBLOB_RESOURCEENDPOINT)');
    assert.deepEqual(preferred.settings.map((s) => s.name), ['AZURE_CLIENT_ID', 'AZURE_STORAGEBLOB_RESOURCEENDPOINT']);
    assert.equal(other.title, 'Use DefaultAzureCredential (reads AZURE_STORAGEBLOB_RESOURCEENDPOINT)');
    assert.deepEqual(other.settings.map((s) => s.name), ['AZURE_STORAGEBLOB_RESOURCEENDPOINT']);
    assert.deepEqual(other.requires, [{ ecosystem: 'pypi', name: 'azure-identity', version: '1.19.0' }]);
  });

  it('edits only the call and the import lines', async () => {
    const [fix] = await fixes(envBlob);
    const finding = await onlyFinding(envBlob);
    const importsEnd = envBlob.indexOf('\n\nservice');
    for (const edit of fix!.edits) {
      const inCall = edit.start >= finding.startOffset && edit.end <= finding.endOffset;
      assert.ok(inCall || edit.end <= importsEnd + 1, `edit ${edit.start}-${edit.end} is outside the call and the imports`);
    }
  });

  it('derives the endpoint of a sovereign cloud from the connection string suffix', async () => {
    const text =
      'from azure.storage.queue import QueueServiceClient\n\nq = QueueServiceClient.from_connection_string("DefaultEndpointsProtocol=https;AccountName=stcn01;AccountKey=abc;EndpointSuffix=core.chinacloudapi.cn")\n';
    assert.match(await fixed(text), /QueueServiceClient\("https:\/\/stcn01\.queue\.core\.chinacloudapi\.cn", credential=DefaultAzureCredential\(\)\)/);
  });

  it("writes strings in the file's own quote style and reads os through its alias", async () => {
    const text = "import os as _os\n\nfrom azure.data.tables import TableServiceClient\n\nsvc = TableServiceClient.from_connection_string(_os.environ['CS'])\n";
    const result = await fixed(text, 'userAssigned');
    assert.match(result, /TableServiceClient\(_os\.environ\['AZURE_STORAGETABLE_RESOURCEENDPOINT'\], credential=DefaultAzureCredential\(managed_identity_client_id=_os\.environ\['AZURE_CLIENT_ID'\]\)\)/);
    assert.doesNotMatch(result, /^import os$/m);
  });

  it('merges DefaultAzureCredential into a parenthesised azure.identity import, one name per line', async () => {
    const text =
      'from azure.identity import (\n    AzureCliCredential,\n    ClientSecretCredential,\n)\n\ncli = AzureCliCredential()\nsp = ClientSecretCredential(t, c, s)\n';
    assert.equal(await fixed(text), 'from azure.identity import (\n    AzureCliCredential,\n    DefaultAzureCredential,\n)\n\ncli = AzureCliCredential()\nsp = DefaultAzureCredential()\n');
  });

  it('keeps ClientSecretCredential imported while other code still uses it', async () => {
    const text = 'from azure.identity import ClientSecretCredential\n\na = ClientSecretCredential(t, c, s)\nkind = ClientSecretCredential\n';
    assert.equal(await fixed(text), 'from azure.identity import ClientSecretCredential, DefaultAzureCredential\n\na = DefaultAzureCredential()\nkind = ClientSecretCredential\n');
  });

  const noFix: Array<[string, string]> = [
    ['positional arguments from *args', 'from azure.storage.blob import ContainerClient\n\nc = ContainerClient.from_connection_string(*args)\n'],
    [
      'an Event Hubs producer whose hub name only the environment knows',
      'import os\n\nfrom azure.eventhub import EventHubProducerClient\n\np = EventHubProducerClient.from_connection_string(os.environ["CS"])\n',
    ],
    ['the storage emulator connection string', 'from azure.storage.blob import BlobServiceClient\n\ns = BlobServiceClient.from_connection_string("UseDevelopmentStorage=true")\n'],
    [
      "Azurite's explicit connection string",
      'from azure.storage.blob import BlobServiceClient\n\ns = BlobServiceClient.from_connection_string("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;")\n',
    ],
    ['the Cosmos DB emulator', 'from azure.cosmos import CosmosClient\n\nc = CosmosClient.from_connection_string("AccountEndpoint=https://localhost:8081/;AccountKey=a2V5;")\n'],
    ['AzureOpenAI given **kwargs (which may hold the key)', 'from openai import AzureOpenAI\n\nc = AzureOpenAI(api_version="2024-10-21", **settings)\n'],
    [
      'a named key credential in a file with both sync and async clients',
      'from azure.core.credentials import AzureNamedKeyCredential\nfrom azure.data.tables import TableClient\nfrom azure.data.tables.aio import TableServiceClient\n\nk = AzureNamedKeyCredential("acct", key)\n',
    ],
    [
      'DefaultAzureCredential bound to something else in the file',
      'from mylib.auth import DefaultAzureCredential\nfrom azure.cosmos import CosmosClient\n\nc = CosmosClient(url, key)\n',
    ],
  ];
  for (const [shape, text] of noFix) {
    it(`offers no fix for ${shape}`, async () => {
      assert.deepEqual(await fixes(text), []);
    });
  }
});
