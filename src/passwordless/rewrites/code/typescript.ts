/**
 * TypeScript and JavaScript rewrites: the call a finding points at is found in the syntax tree and rewritten per rule
 * (code/typescript/*), with the @azure/identity import added once in the file's own module system.
 */
import type { Fix, RewriteInput } from '../model';
import { rewriteAtSite } from './atSite';
import { credentialsAndDataRewrites } from './typescript/credentialsAndData';
import { TsDocument } from './typescript/document';
import { TsRewrite } from './typescript/session';
import { storageAndMessagingRewrites, type RuleRewrite } from './typescript/storageAndMessaging';

const byRule: Record<string, RuleRewrite> = { ...storageAndMessagingRewrites, ...credentialsAndDataRewrites };

export async function rewriteTypeScript(input: RewriteInput): Promise<Fix | undefined> {
  const rewrite = byRule[input.finding.ruleId];
  if (!rewrite) return undefined;
  return rewriteAtSite(
    () => TsDocument.parse(input.text, input.language),
    (doc) => doc.callAt(input.finding.startOffset, input.finding.endOffset),
    (doc, site) => {
      const session = new TsRewrite(doc, site, input);
      return rewrite(session) ? session.finish() : undefined;
    },
  );
}
