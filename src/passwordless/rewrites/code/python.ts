/** PLACEHOLDER until the Python rewriter lands: no fix offered. */
import type { Fix, RewriteInput } from '../model';

export async function rewritePython(_input: RewriteInput): Promise<Fix | undefined> {
  return undefined;
}
