/**
 * Which rewriter handles a document's language. Each rewriter answers one finding with one fix (or none when the code
 * is not a shape it can rewrite safely); index.ts turns that into the default and user-assigned variants.
 */
import type { RuleLanguage } from '../types';
import { rewriteCSharp } from './code/csharp';
import { rewriteGo } from './code/go';
import { rewriteJava } from './code/java';
import { rewritePython } from './code/python';
import { rewriteTypeScript } from './code/typescript';
import { rewriteConfig } from './config/index';
import type { Fix, RewriteInput } from './model';

export type Rewriter = (input: RewriteInput) => Promise<Fix | undefined>;

export const rewriters: Record<RuleLanguage, Rewriter> = {
  typescript: rewriteTypeScript,
  javascript: rewriteTypeScript,
  python: rewritePython,
  csharp: rewriteCSharp,
  java: rewriteJava,
  go: rewriteGo,
  dotenv: rewriteConfig,
  appsettings: rewriteConfig,
  localsettings: rewriteConfig,
  properties: rewriteConfig,
  yaml: rewriteConfig,
};
