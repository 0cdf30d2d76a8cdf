/**
 * Passwordless rewrites: turn a finding into credential-free code or configuration. Pure (no vscode): the editor's
 * quick fixes and `keyless scan --fix` both call fixesFor / fixFile.
 */
import { scanDocument } from '../engine';
import { languageOf, ruleLanguageOf } from '../languages';
import type { Finding, ScanInput, ScanOptions } from '../types';
import { applyEdits } from './edits';
import type { Fix, IdentityChoice } from './model';
import { rewriters } from './registry';

export { applyEdits } from './edits';
export type { Fix, IdentityChoice, PackageRef, SettingRef, TextEdit } from './model';

/**
 * The fixes for one finding: the preferred identity choice first, then the other (once when both are the same change).
 * Empty when there is no safe rewrite.
 */
export async function fixesFor(input: ScanInput & { finding: Finding }, preferred: IdentityChoice = 'default'): Promise<Fix[]> {
  const language = languageOf(input.fileName, input.languageId);
  if (!language) return [];
  const rewrite = rewriters[ruleLanguageOf(language)];
  const fixes: Fix[] = [];
  for (const identity of [preferred, preferred === 'default' ? 'userAssigned' : 'default'] as const) {
    const fix = await rewrite({ text: input.text, fileName: input.fileName, language, finding: input.finding, options: { identity } });
    if (fix && fix.edits.length > 0 && !fixes.some((f) => sameChange(f, fix))) fixes.push(fix);
  }
  return fixes;
}

/** A fix that does not depend on the identity (removing an unused secret) is offered once, not twice. */
function sameChange(a: Fix, b: Fix): boolean {
  return a.title === b.title && JSON.stringify(a.edits) === JSON.stringify(b.edits) && JSON.stringify(a.settings) === JSON.stringify(b.settings);
}

export interface FileFixResult {
  text: string;
  applied: Fix[];
  /** Findings still there: those no rewriter can fix. */
  remaining: Finding[];
}

/**
 * Fix every fixable finding of a file, one at a time and rescanning after each, so imports and declarations added by
 * one fix are seen by the next (each import is added once). Stops when nothing more is fixable.
 */
export async function fixFile(input: ScanInput, identity: IdentityChoice, scanOptions: ScanOptions = {}): Promise<FileFixResult> {
  let text = input.text;
  const applied: Fix[] = [];
  const unfixable = new Set<string>();
  const keyOf = (f: Finding) => `${f.ruleId}@${f.startOffset}`;
  for (let round = 0; ; round++) {
    const findings = await scanDocument({ ...input, text }, scanOptions);
    // Every fix removes its finding, so rounds are bounded by the first scan; more means a rewriter bug, not a loop.
    if (round > 1000) throw new Error(`Rewriting ${input.fileName} did not converge: a fix left its finding in place.`);
    let progressed = false;
    for (const finding of findings) {
      if (unfixable.has(keyOf(finding))) continue;
      const [fix] = await fixesFor({ ...input, text, finding }, identity);
      if (!fix) {
        unfixable.add(keyOf(finding));
        continue;
      }
      text = applyEdits(text, fix.edits);
      applied.push(fix);
      // A finding with no fix may get one now (a secret the rewritten client stopped using can be removed).
      unfixable.clear();
      progressed = true;
      break;
    }
    if (!progressed) return { text, applied, remaining: findings };
  }
}
