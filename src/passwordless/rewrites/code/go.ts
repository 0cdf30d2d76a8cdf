/**
 * Go rewrites: the constructor call a finding points at is found in the syntax tree and rewritten per rule
 * (code/go/rules.ts), with azidentity imported once and its error handled the way the function handles errors.
 * NewDefaultAzureCredential reads AZURE_CLIENT_ID itself, so the user-assigned fix is the same code, titled so.
 */
import type { Fix, RewriteInput } from '../model';
import { rewriteAtSite } from './atSite';
import { finishedFix } from './textRanges';
import { GoDocument } from './go/document';
import { goRules } from './go/rules';
import { GoRewrite } from './go/session';

export async function rewriteGo(input: RewriteInput): Promise<Fix | undefined> {
  const rule = goRules[input.finding.ruleId];
  if (!rule) return undefined;
  return rewriteAtSite(
    () => GoDocument.parse(input.text),
    (doc) => doc.callAt(input.finding.startOffset, input.finding.endOffset),
    (doc, site) => {
      const rewrite = new GoRewrite(doc, site, input);
      return rule(rewrite) ? finishedFix(rewrite.finish(), input.text) : undefined;
    },
  );
}
