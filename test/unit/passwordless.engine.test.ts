import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { hasCandidates, languageOf, scanDocument, scanDocumentSync } from '../../src/passwordless/engine';
import { loadedGrammars } from '../../src/passwordless/scanner/grammars';
import { literalHits, planFor } from '../../src/passwordless/scanner/prefilter';
import { storageKey } from '../fixtures/passwordless/model';

const goCode = 'package main\n\nfunc f() {\n\tc, _ := azservicebus.NewClientFromConnectionString(cs, nil)\n\t_ = c\n}\n';

describe('the passwordless engine', () => {
  it('loads a grammar only when a file of that language has a candidate', async () => {
    assert.equal(scanDocumentSync({ text: goCode, fileName: 'main.go' }), undefined, 'go grammar not loaded yet');
    await scanDocument({ text: 'export const answer = 42;\n', fileName: 'clean.ts' });
    assert.deepEqual(loadedGrammars(), [], 'a clean file costs no grammar');
    const findings = await scanDocument({ text: goCode, fileName: 'main.go' });
    assert.deepEqual(loadedGrammars(), ['go']);
    assert.deepEqual(scanDocumentSync({ text: goCode, fileName: 'main.go' }), findings);
  });

  it('reports columns in UTF-16 units after non-ASCII text', async () => {
    const text = 'const ünïcødé = "😀"; const c = new ServiceBusClient(cs);\n';
    const [finding] = await scanDocument({ text, fileName: 'a.ts' });
    assert.ok(finding);
    assert.equal(finding.range.start.column, text.indexOf('new ServiceBusClient'));
    assert.equal(text.slice(finding.startOffset, finding.endOffset), 'new ServiceBusClient(cs)');
  });

  it('carries the service, the resolved target and the least-privilege roles', async () => {
    const text = 'const cs = "Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=app";\nconst c = new ServiceBusClient(cs);\n';
    const [finding] = await scanDocument({ text, fileName: 'a.ts' });
    assert.equal(finding?.service, 'serviceBus');
    assert.deepEqual(finding?.target, { kind: 'namespace', name: 'orders' });
    assert.deepEqual(finding?.roles?.write.map((r) => r.id), ['69a216fc-b8fb-44d8-bc22-1f3c2cd27a39']);
    assert.deepEqual(finding?.roles?.read.map((r) => r.name), ['Azure Service Bus Data Receiver']);
  });

  it('takes the editor language id for untitled documents and TSX', async () => {
    assert.equal(languageOf('Untitled-1', 'typescriptreact'), 'typescriptreact');
    const text = 'export const App = () => <Panel client={new ServiceBusClient(cs)} />;\n';
    const findings = await scanDocument({ text, fileName: 'Untitled-1', languageId: 'typescriptreact' });
    assert.deepEqual(findings.map((f) => [f.ruleId, f.language]), [['service-bus-connection-string', 'typescriptreact']]);
  });

  it('honours enabled languages, per-rule severities and excluded globs', async () => {
    const text = 'const c = new ServiceBusClient(cs);\n';
    assert.deepEqual(await scanDocument({ text, fileName: 'a.ts' }, { enabledLanguages: ['python'] }), []);
    assert.deepEqual(await scanDocument({ text, fileName: 'a.ts' }, { severities: { 'service-bus-connection-string': 'off' } }), []);
    const [raised] = await scanDocument({ text, fileName: 'a.ts' }, { severities: { 'service-bus-connection-string': 'error' } });
    assert.equal(raised?.severity, 'error');
    assert.deepEqual(await scanDocument({ text, fileName: 'test/fixtures/a.ts' }, { exclude: ['test/**'] }), []);
    assert.equal((await scanDocument({ text, fileName: 'src/a.ts' }, { exclude: ['test/**'] })).length, 1);
  });

  it('suppresses only the rules a keyless-ignore comment names', async () => {
    const text = `// keyless-ignore secret-storage-account-key\nconst c = BlobServiceClient.fromConnectionString("AccountName=a1b2c3;AccountKey=${storageKey}");\n`;
    const findings = await scanDocument({ text, fileName: 'a.ts' });
    assert.deepEqual(findings.map((f) => f.ruleId), ['blob-connection-string']);
  });

  it('reports a committed secret and the code that uses it as separate findings, the secret masked', async () => {
    const text = `const c = BlobServiceClient.fromConnectionString("AccountName=a1b2c3;AccountKey=${storageKey}");\n`;
    const findings = await scanDocument({ text, fileName: 'a.ts' });
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['blob-connection-string', 'secret-storage-account-key']);
    for (const f of findings) assert.ok(!f.message.includes(storageKey.slice(4, 20)));
  });

  it('skips files without a candidate literal in the prefilter', () => {
    assert.equal(hasCandidates('export const x = 1;', 'typescript'), false);
    assert.equal(hasCandidates('new ServiceBusClient(cs)', 'typescript'), true);
    assert.equal(hasCandidates('x = 1', 'dotenv'), false);
  });

  it('looks for common builder method names (Java .key(…)) only in a file that names their builder', async () => {
    const plan = planFor('java');
    const plain = 'String key = settings.key();\nvar c = credential;\n';
    assert.deepEqual(literalHits(plain, plan), []);
    const cosmos = 'CosmosClient c = new CosmosClientBuilder().endpoint(e).key(k).buildClient();\n';
    assert.deepEqual(literalHits(cosmos, plan).map((hit) => [hit.literal, hit.offset]), [['CosmosClientBuilder', 21], ['key', 55]]);
    const findings = await scanDocument({ text: `class A { void m() { ${cosmos} } }\n`, fileName: 'A.java' });
    assert.deepEqual(findings.map((f) => f.ruleId), ['cosmos-key']);
  });

  it('ignores files it has no language for', async () => {
    assert.equal(languageOf('README.md'), undefined);
    assert.deepEqual(await scanDocument({ text: `AccountKey=${storageKey}`, fileName: 'README.md' }), []);
  });
});
