/**
 * Removing a secret declaration nothing uses any more: one identity-independent fix (offered once), whole lines
 * removed in the file's own line endings, and no fix where removal would break the code.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { scanDocument } from '../../src/passwordless/engine';
import { applyEdits, fixesFor, fixFile } from '../../src/passwordless/rewrites';

// FAKE real-shaped secret: right for the scanner, not a credential.
const key = 'DefaultEndpointsProtocol=https;AccountName=stimages01;AccountKey=NKUp92AHAJkN6VLWJn7xXuuZfUGZxe2PY7FUfJqTUm2Q4NpOoXrSf3EVrKntqVXLUhsp3xUA9Vc76SCY7NffUQ==;EndpointSuffix=core.windows.net';

async function onlyFinding(text: string, fileName: string) {
  const findings = await scanDocument({ text, fileName });
  assert.equal(findings.length, 1, `expected one finding in ${fileName}`);
  return findings[0]!;
}

describe('removing an unused secret', () => {
  it('offers one fix for both identities, needing no package and no setting', async () => {
    const text = `const unused = "${key}";\nexport const n = 1;\n`;
    const finding = await onlyFinding(text, 'a.ts');
    for (const preferred of ['default', 'userAssigned'] as const) {
      const fixes = await fixesFor({ text, fileName: 'a.ts', finding }, preferred);
      assert.deepEqual(fixes.map((f) => [f.title, f.identity, f.requires, f.settings]), [['Remove the unused secret unused', preferred, [], []]]);
      assert.equal(applyEdits(text, fixes[0]!.edits), 'export const n = 1;\n');
    }
  });

  it('keeps CRLF line endings and the comment above, and leaves no blank line before a closing brace', async () => {
    const text = ['function f() {', '  const a = 1;', '', '  // old key', `  const k = "${key}";`, '}', ''].join('\r\n');
    const fixed = await fixFile({ text, fileName: 'a.js' }, 'default');
    assert.equal(fixed.text, ['function f() {', '  const a = 1;', '', '  // old key', '}', ''].join('\r\n'));
  });

  it('offers nothing where a Python body would be left empty', async () => {
    const text = `def f():\n    k = "${key}"\n`;
    const finding = await onlyFinding(text, 'a.py');
    assert.deepEqual(await fixesFor({ text, fileName: 'a.py', finding }), []);
  });

  it('offers nothing for a Go const spec whose value the next spec repeats', async () => {
    const text = `package p\n\nconst (\n\tk = "${key}"\n\tcopyOfK\n)\n`;
    const finding = await onlyFinding(text, 'a.go');
    assert.deepEqual(await fixesFor({ text, fileName: 'a.go', finding }), []);
  });
});
