/**
 * Java rewrites: the builder call or construction a finding points at is found in the syntax tree and rewritten per
 * rule (code/java/rules.ts), with `com.azure.identity.DefaultAzureCredentialBuilder` imported once.
 */
import type { Fix, RewriteInput } from '../model';
import { rewriteAtSite } from './atSite';
import { finishedFix } from './textRanges';
import { JavaDocument } from './java/document';
import { javaRules } from './java/rules';
import { JavaRewrite } from './java/session';

export async function rewriteJava(input: RewriteInput): Promise<Fix | undefined> {
  const rule = javaRules[input.finding.ruleId];
  if (!rule) return undefined;
  return rewriteAtSite(
    () => JavaDocument.parse(input.text),
    (doc) => doc.callAt(input.finding.startOffset, input.finding.endOffset),
    (doc, site) => {
      const rewrite = new JavaRewrite(doc, site, input);
      return rule(rewrite) ? finishedFix(rewrite.finish(), input.text) : undefined;
    },
  );
}
