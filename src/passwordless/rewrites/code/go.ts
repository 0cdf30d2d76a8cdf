/** PLACEHOLDER until the Go rewriter lands: no fix offered. */
import type { Fix, RewriteInput } from '../model';

export async function rewriteGo(_input: RewriteInput): Promise<Fix | undefined> {
  return undefined;
}
