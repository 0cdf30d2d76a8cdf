/**
 * Java and Go rewrites: every golden case of test/fixtures/rewrites/{java,go} (the same contract as the shared golden
 * runner, kept per language so one language's fixtures in progress cannot hide another's), plus what the fixes say:
 * titles and settings, the identity package required, and the user-assigned variants (Java: managedIdentityClientId;
 * Go: the same code, since NewDefaultAzureCredential reads AZURE_CLIENT_ID itself).
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scanDocument } from '../../src/passwordless/engine';
import { applyEdits, fixFile, fixesFor, type Fix } from '../../src/passwordless/rewrites';
import { codeRules, secretRules } from '../../src/passwordless/rules';
import { parserFor } from '../../src/passwordless/scanner/grammars';

const root = join(__dirname, '../fixtures/rewrites');

async function hasSyntaxError(text: string, grammar: 'java' | 'go'): Promise<boolean> {
  const tree = (await parserFor(grammar)).parse(text)!;
  const broken = (node: Node): boolean => node.isError || node.isMissing || (node.hasError && node.children.some((c) => !!c && broken(c)));
  try {
    return broken(tree.rootNode);
  } finally {
    tree.delete();
  }
}

for (const language of ['java', 'go'] as const) {
  const dir = join(root, language);
  describe(`${language} golden rewrites`, () => {
    for (const file of readdirSync(dir).filter((f) => f.includes('.before.')).sort()) {
      const base = file.slice(0, file.indexOf('.before.'));
      const read = (variant: string) => {
        const path = join(dir, `${base}.${variant}.${language}`);
        return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
      };
      it(`rewrites ${base} to its golden result, once`, async () => {
        const fileName = join(dir, file);
        const before = readFileSync(fileName, 'utf8');
        for (const [identity, expected] of [['default', read('after')], ['userAssigned', read('after-user')]] as const) {
          if (expected === undefined) continue;
          const fixed = await fixFile({ text: before, fileName }, identity);
          assert.equal(fixed.text, expected, `${base} (${identity})`);
          // Secret literals count too: an unused one is removed, so one left behind is a case for a human (.nofix).
          const left = fixed.remaining.filter((f) => [...codeRules, ...secretRules].some((r) => r.id === f.ruleId));
          assert.equal(left.length > 0, base.includes('.nofix'), `${base} (${identity}) leaves ${left.map((f) => f.ruleId).join(', ') || 'nothing'}`);
          assert.equal((await fixFile({ text: expected, fileName }, identity)).text, expected, 'fixing again changes nothing');
          assert.equal(await hasSyntaxError(expected, language), false, 'parses without ERROR or MISSING nodes');
        }
      });
    }
  });
}

async function fixesOf(fileName: string, text: string): Promise<Fix[]> {
  const [finding] = await scanDocument({ text, fileName });
  assert.ok(finding, `a finding in ${fileName}`);
  return fixesFor({ text, fileName, finding }, 'default');
}

describe('Java and Go fixes', () => {
  it('names the setting a Java fix reads, requires azure-identity, and offers the user-assigned variant second', async () => {
    const text = readFileSync(join(root, 'java/queue-connection-string.env.before.java'), 'utf8');
    const [preferred, user] = await fixesOf('Queues.java', text);
    assert.equal(preferred?.title, 'Use DefaultAzureCredential (reads AZURE_STORAGEQUEUE_RESOURCEENDPOINT)');
    assert.deepEqual(preferred?.settings.map((s) => s.name), ['AZURE_STORAGEQUEUE_RESOURCEENDPOINT']);
    assert.deepEqual(preferred?.requires.map((p) => `${p.ecosystem}:${p.name}`), ['maven:com.azure:azure-identity']);
    assert.equal(user?.title, 'Use a user-assigned managed identity (AZURE_CLIENT_ID; reads AZURE_STORAGEQUEUE_RESOURCEENDPOINT)');
    assert.deepEqual(user?.settings.map((s) => s.name), ['AZURE_CLIENT_ID', 'AZURE_STORAGEQUEUE_RESOURCEENDPOINT']);
    assert.ok(user?.edits.some((e) => e.newText.includes('.managedIdentityClientId(System.getenv("AZURE_CLIENT_ID"))')));
  });

  it('gives Go the same code for a user-assigned identity, titled with AZURE_CLIENT_ID, and requires azidentity', async () => {
    const text = readFileSync(join(root, 'go/service-bus-connection-string.env.before.go'), 'utf8');
    const [preferred, user] = await fixesOf('orders.go', text);
    assert.deepEqual(user?.edits, preferred?.edits);
    assert.equal(user?.title, 'Use a user-assigned managed identity (NewDefaultAzureCredential reads AZURE_CLIENT_ID; reads AZURE_SERVICEBUS_FULLYQUALIFIEDNAMESPACE)');
    assert.deepEqual(preferred?.requires.map((p) => `${p.ecosystem}:${p.name}`), ['go:github.com/Azure/azure-sdk-for-go/sdk/azidentity']);
  });

  it('offers only the reuse of a credential already in scope, which decides the identity itself', async () => {
    for (const [fileName, path] of [
      ['Embeddings.java', 'java/openai-api-key.variable.before.java'],
      ['copy.go', 'go/blob-connection-string.reuse.before.go'],
    ]) {
      const fixes = await fixesOf(fileName, readFileSync(join(root, path), 'utf8'));
      assert.deepEqual(fixes.map((f) => f.title.replace(/ \(reads .*\)$/, '')), ['Use the credential in credential'], path);
    }
  });

  it('keeps a CRLF file CRLF: every golden case rewritten from CRLF equals its golden result in CRLF', async () => {
    for (const language of ['java', 'go']) {
      const dir = join(root, language);
      for (const file of readdirSync(dir).filter((f) => f.includes('.before.'))) {
        const crlf = (text: string) => text.replace(/\n/g, '\r\n');
        const before = crlf(readFileSync(join(dir, file), 'utf8'));
        const after = crlf(readFileSync(join(dir, file.replace('.before.', '.after.')), 'utf8'));
        assert.equal((await fixFile({ text: before, fileName: file }, 'default')).text, after, file);
      }
    }
  });

  it('reaches the same result whichever finding is fixed first (a client built from a key credential, or the credential)', async () => {
    for (const language of ['java', 'go']) {
      const dir = join(root, language);
      for (const file of readdirSync(dir).filter((f) => f.includes('.before.') && !f.includes('.nofix.'))) {
        const text = readFileSync(join(dir, file), 'utf8');
        const findings = (await scanDocument({ text, fileName: file })).filter((f) => codeRules.some((r) => r.id === f.ruleId));
        if (findings.length < 2) continue;
        const [lastFirst] = await fixesFor({ text, fileName: file, finding: findings[findings.length - 1]! }, 'default');
        assert.ok(lastFirst, `${file}: a fix for its last finding`);
        const rest = await fixFile({ text: applyEdits(text, lastFirst.edits), fileName: file }, 'default');
        assert.equal(rest.text, readFileSync(join(dir, file.replace('.before.', '.after.')), 'utf8'), file);
      }
    }
  });

  it('never throws on half-edited files (lines deleted, cut or swapped) and fixes its own result to itself', async () => {
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (const language of ['java', 'go']) {
      const dir = join(root, language);
      for (const file of readdirSync(dir).filter((f) => f.includes('.before.'))) {
        const lines = readFileSync(join(dir, file), 'utf8').split('\n');
        for (let round = 0; round < 5; round++) {
          const edited = [...lines];
          const [a, b] = [random(edited.length), random(edited.length)];
          if (round % 3 === 0) edited.splice(a, 1);
          else if (round % 3 === 1) edited[a] = edited[a]!.slice(0, random(edited[a]!.length + 1));
          else [edited[a], edited[b]] = [edited[b]!, edited[a]!];
          const fixed = await fixFile({ text: edited.join('\n'), fileName: file }, 'default');
          assert.equal((await fixFile({ text: fixed.text, fileName: file }, 'default')).text, fixed.text, `${file} round ${round}`);
        }
      }
    }
  });

  it('offers no fix where the rewrite could not be known to compile or to keep its target', async () => {
    for (const path of ['java/event-hubs-connection-string.nofix.before.java', 'go/storage-shared-key.nofix.before.go', 'go/client-secret-credential.nofix.before.go']) {
      assert.deepEqual(await fixesOf(path, readFileSync(join(root, path), 'utf8')), [], path);
    }
  });
});
