/** PLACEHOLDER until the CSharp rewriter lands: no fix offered. */
import type { Fix, RewriteInput } from '../model';

export async function rewriteCSharp(_input: RewriteInput): Promise<Fix | undefined> {
  return undefined;
}
