import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { scanDocument } from '../../src/passwordless/engine';
import { codeRules, configKeyRules, secretRules } from '../../src/passwordless/rules';
import { groupByService } from '../../src/passwordless/vscode/checklist';
import { credentialFreeForm } from '../../src/passwordless/vscode/credentialFreeForms';
import { explainFinding, explainFindingText, firstGrantableRole } from '../../src/passwordless/vscode/explanation';
import { GitignoreFilter } from '../../src/passwordless/vscode/gitignoreFilter';
import { categoryOf, editorSeverities } from '../../src/passwordless/vscode/severity';

const blobSample = 'samples/typescript/src/blobFromConnectionString.ts';

describe('editor severities', () => {
  it('default hard-coded secrets to warning and secret-based client construction to information', () => {
    const severities = editorSeverities();
    for (const rule of codeRules) assert.equal(severities[rule.id], 'information', rule.id);
    for (const rule of [...secretRules, ...configKeyRules]) assert.equal(severities[rule.id], 'warning', rule.id);
  });

  it('let a rule id override its category and a category override the default', () => {
    const severities = editorSeverities({ client: 'hint', 'blob-connection-string': 'off', secret: 'Error', 'cosmos-key': 'nonsense' });
    assert.equal(severities['blob-connection-string'], 'off');
    assert.equal(severities['queue-connection-string'], 'hint');
    assert.equal(severities['cosmos-key'], 'hint');
    assert.equal(severities['secret-storage-account-key'], 'error');
  });

  it('put every rule in a category', () => {
    for (const rule of [...codeRules, ...secretRules, ...configKeyRules]) assert.ok(categoryOf(rule.id), rule.id);
    assert.equal(categoryOf('no-such-rule'), undefined);
  });
});

describe('explanations', () => {
  it('give every code rule a credential-free form in each language it claims', () => {
    const missing: string[] = [];
    for (const rule of codeRules) {
      for (const pattern of rule.patterns) {
        for (const language of pattern.languages) {
          if (['sql', 'postgresql'].includes(rule.service) && language !== 'typescript' && language !== 'javascript') continue;
          if (!credentialFreeForm(rule.service, language)) missing.push(`${rule.id}/${language}`);
        }
      }
    }
    assert.deepEqual([...new Set(missing)], []);
  });

  it('explain a TypeScript blob finding with the credential-free form and its roles, without the secret', async () => {
    const text = readFileSync(blobSample, 'utf8');
    const findings = await scanDocument({ text, fileName: blobSample }, { severities: editorSeverities() });
    const client = findings.find((f) => f.ruleId === 'blob-connection-string')!;
    assert.equal(client.severity, 'information');
    const markdown = explainFinding(client);
    assert.match(markdown, /new BlobServiceClient\(`https:\/\/\$\{account\}\.blob\.core\.windows\.net`, new DefaultAzureCredential\(\)\)/);
    assert.match(markdown, /Storage Blob Data Reader/);
    assert.equal(firstGrantableRole(client)?.name, 'Storage Blob Data Reader');
    const secret = findings.find((f) => f.ruleId === 'secret-storage-account-key')!;
    const key = text.slice(secret.startOffset, secret.endOffset);
    for (const explanation of [explainFinding(secret), explainFindingText(secret), explainFindingText(client)]) assert.ok(!explanation.includes(key));
  });

  it('offer no grantable role for a client secret or a database role', async () => {
    const findings = await scanDocument({ text: readFileSync('samples/typescript/src/keyVault.ts', 'utf8'), fileName: 'keyVault.ts' });
    const credential = findings.find((f) => f.ruleId === 'client-secret-credential')!;
    assert.equal(firstGrantableRole(credential), undefined);
  });
});

describe('the migration checklist', () => {
  it('groups findings by service then file with counts, most findings first', async () => {
    const files = await Promise.all(
      ['samples/typescript/.env', 'samples/typescript/src/blobFromConnectionString.ts', 'samples/typescript/src/queue.ts'].map(async (path) => ({
        path,
        findings: await scanDocument({ text: readFileSync(path, 'utf8'), fileName: path }),
      })),
    );
    const groups = groupByService(files);
    const blob = groups.find((g) => g.service === 'blob')!;
    assert.equal(groups[0], blob);
    assert.equal(blob.label, 'Blob Storage');
    assert.deepEqual(blob.files.map((f) => [f.path, f.findings.length]), [
      ['samples/typescript/.env', 1],
      ['samples/typescript/src/blobFromConnectionString.ts', 2],
      ['samples/typescript/src/queue.ts', 1],
    ]);
    assert.equal(blob.count, 4);
    assert.equal(groups.reduce((n, g) => n + g.count, 0), files.reduce((n, f) => n + f.findings.length, 0));
  });
});

describe('.gitignore filtering of workspace paths', () => {
  it('applies each .gitignore below its own folder, including folder rules', () => {
    const filter = new GitignoreFilter();
    filter.add('', 'generated/\n*.local.ts\n');
    filter.add('app', 'secrets.env\n/build\n');
    assert.equal(filter.ignores('generated/a/b.ts'), true);
    assert.equal(filter.ignores('src/x.local.ts'), true);
    assert.equal(filter.ignores('app/secrets.env'), true);
    assert.equal(filter.ignores('app/build/out.js'), true);
    assert.equal(filter.ignores('secrets.env'), false);
    assert.equal(filter.ignores('src/build/out.js'), false);
    assert.equal(filter.ignores('src/main.ts'), false);
  });
});
