/**
 * Which rewriter handles a document's language. Each rewriter answers one finding with one fix (or none when the code
 * is not a shape it can rewrite safely); index.ts turns that into the default and user-assigned variants.
 */
import { secretRules } from '../rules';
import type { RuleLanguage } from '../types';
import { rewriteCSharp } from './code/csharp';
import { rewriteGo } from './code/go';
import { rewriteJava } from './code/java';
import { rewritePython } from './code/python';
import { rewriteTypeScript } from './code/typescript';
import { removeUnusedSecret } from './code/unusedSecret';
import { rewriteConfig } from './config/index';
import type { Fix, RewriteInput } from './model';

export type Rewriter = (input: RewriteInput) => Promise<Fix | undefined>;

const secretRuleIds = new Set(secretRules.map((r) => r.id));

/** In code, a secret literal's only fix is deleting a declaration nothing uses any more (after a client rewrite). */
const orUnusedSecret =
  (rewrite: Rewriter): Rewriter =>
  (input) =>
    secretRuleIds.has(input.finding.ruleId) ? removeUnusedSecret(input) : rewrite(input);

export const rewriters: Record<RuleLanguage, Rewriter> = {
  typescript: orUnusedSecret(rewriteTypeScript),
  javascript: orUnusedSecret(rewriteTypeScript),
  python: orUnusedSecret(rewritePython),
  csharp: orUnusedSecret(rewriteCSharp),
  java: orUnusedSecret(rewriteJava),
  go: orUnusedSecret(rewriteGo),
  dotenv: rewriteConfig,
  appsettings: rewriteConfig,
  localsettings: rewriteConfig,
  properties: rewriteConfig,
  yaml: rewriteConfig,
};
