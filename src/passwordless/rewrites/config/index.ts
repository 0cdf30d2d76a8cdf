/** PLACEHOLDER until the config rewriters land: no fix offered. */
import type { Fix, RewriteInput } from '../model';

export async function rewriteConfig(_input: RewriteInput): Promise<Fix | undefined> {
  return undefined;
}
