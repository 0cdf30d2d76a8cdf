/** PLACEHOLDER until the Java rewriter lands: no fix offered. */
import type { Fix, RewriteInput } from '../model';

export async function rewriteJava(_input: RewriteInput): Promise<Fix | undefined> {
  return undefined;
}
