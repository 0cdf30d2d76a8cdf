/**
 * Go rewrites: the constructor call a finding points at is found in the syntax tree and rewritten per rule
 * (code/go/rules.ts), with azidentity imported once and its error handled the way the function handles errors.
 * NewDefaultAzureCredential reads AZURE_CLIENT_ID itself, so the user-assigned fix is the same code, titled so.
 */
import type { Fix, RewriteInput } from '../model';
import { finishedFix } from './textRanges';
import { GoDocument } from './go/document';
import { goRules } from './go/rules';
import { GoRewrite } from './go/session';

export async function rewriteGo(input: RewriteInput): Promise<Fix | undefined> {
  const rule = goRules[input.finding.ruleId];
  if (!rule) return undefined;
  const doc = await GoDocument.parse(input.text);
  if (!doc) return undefined;
  try {
    const site = doc.callAt(input.finding.startOffset, input.finding.endOffset);
    if (!site) return undefined;
    const rewrite = new GoRewrite(doc, site, input);
    return rule(rewrite) ? finishedFix(rewrite.finish(), input.text) : undefined;
  } finally {
    doc.dispose();
  }
}
