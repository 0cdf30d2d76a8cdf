/** PLACEHOLDER until the TypeScript rewriter lands: no fix offered. */
import type { Fix, RewriteInput } from '../model';

export async function rewriteTypeScript(_input: RewriteInput): Promise<Fix | undefined> {
  return undefined;
}
