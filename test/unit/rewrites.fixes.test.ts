/**
 * What every rewriter owes the editor, checked on every golden "before" of every language: fixesFor offers the
 * preferred identity first, and undoing a fix (the inverse of its edits, as an editor computes it) restores the
 * original byte for byte.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scanDocument } from '../../src/passwordless/engine';
import { applyEdits, fixesFor, type TextEdit } from '../../src/passwordless/rewrites';

const root = join(__dirname, '../fixtures/rewrites');

/** Every golden "before" file: <language>/<case>.before.<ext> and config/<case>/before/<name>. */
function beforeFiles(): string[] {
  if (!existsSync(root)) return [];
  const files: string[] = [];
  for (const folder of readdirSync(root).sort()) {
    const dir = join(root, folder);
    if (folder === 'config') {
      for (const name of readdirSync(dir).sort()) {
        const before = join(dir, name, 'before');
        if (existsSync(before)) files.push(...readdirSync(before).sort().map((f) => join(before, f)));
      }
    } else {
      files.push(...readdirSync(dir).filter((f) => /\.before\.[^.]+$/.test(f)).sort().map((f) => join(dir, f)));
    }
  }
  return files;
}

/** The edits that undo `edits` on their result: each replaced range, shifted by the edits before it. */
function inverseEdits(original: string, edits: readonly TextEdit[]): TextEdit[] {
  let shift = 0;
  return [...edits]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((edit) => {
      const start = edit.start + shift;
      shift += edit.newText.length - (edit.end - edit.start);
      return { start, end: start + edit.newText.length, newText: original.slice(edit.start, edit.end) };
    });
}

describe('fixes offered for golden findings', () => {
  for (const file of beforeFiles()) {
    const name = file.slice(root.length + 1);
    it(`offers the preferred identity first and undoes exactly in ${name}`, async () => {
      const text = readFileSync(file, 'utf8');
      const findings = await scanDocument({ text, fileName: file });
      for (const finding of findings) {
        for (const preferred of ['default', 'userAssigned'] as const) {
          const fixes = await fixesFor({ text, fileName: file, finding }, preferred);
          if (fixes.length === 0) continue;
          // A fix that reuses a credential variable in scope has one variant only (the variable decides the identity).
          assert.ok(fixes[0]!.identity === preferred || fixes.length === 1);
          if (fixes.length === 2) assert.deepEqual(fixes.map((f) => f.identity), [preferred, preferred === 'default' ? 'userAssigned' : 'default']);
          for (const fix of fixes) {
            assert.equal(fix.ruleId, finding.ruleId);
            const fixed = applyEdits(text, fix.edits);
            assert.notEqual(fixed, text, `${fix.title} changes nothing`);
            assert.equal(applyEdits(fixed, inverseEdits(text, fix.edits)), text, `undoing "${fix.title}" does not restore ${name}`);
          }
        }
      }
    });
  }
});
