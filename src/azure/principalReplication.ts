/**
 * A new managed identity's service principal takes a while (usually under a minute) to reach every directory
 * replica. Until then ARM role assignments may fail 400 PrincipalNotFound (principalType avoids most, not all), and
 * Cosmos DB SQL role assignments — which have no principalType hint — are accepted and then fail 400 BadRequest
 * ("The provided principal ID [...] was not found in the AAD tenant(s) [...]"). Both are retried with backoff.
 */
export const PRINCIPAL_RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 15_000, 15_000, 15_000];

export interface ReplicationRetryOptions {
  /** Waits between attempts; the default adds up to just under a minute. */
  retryDelaysMs?: number[];
  onWaiting?: (attempt: number, waitMs: number) => void;
  /** Tests pass one that advances a fake clock instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
  /** Who is being granted, for the give-up message. */
  principalName?: string;
}

/** The retries ran out while the principal was still unknown to the directory: nothing was granted. */
export class PrincipalNotReplicatedError extends Error {
  override readonly name = 'PrincipalNotReplicatedError';
  readonly code = 'PrincipalNotReplicated';
  constructor(
    readonly attempts: number,
    readonly waitedMs: number,
    principalName: string | undefined,
    override readonly cause: unknown,
  ) {
    super(
      `${principalName ?? 'The identity'} has still not reached the directory after ${attempts} attempts over ${Math.round(waitedMs / 1000)} s, so nothing was granted. ` +
        'A new identity usually replicates within a minute or two: run Grant Access again shortly.',
    );
  }
}

/** ARM's PrincipalNotFound, or Cosmos DB's BadRequest for a principal it cannot find yet (its only signal is the text). */
function isPrincipalNotReplicated(error: unknown): boolean {
  const e = (error ?? {}) as { code?: string; message?: string };
  if (e.code === 'PrincipalNotFound') return true;
  return e.code === 'BadRequest' && /principal ID \[?[0-9a-f-]{36}\]? was not found in the AAD tenant/i.test(e.message ?? '');
}

/** Runs the attempt, waiting and trying again while the principal replicates; gives up with PrincipalNotReplicatedError. */
export async function retryWhileReplicating<T>(attempt: () => Promise<T>, options: ReplicationRetryOptions = {}): Promise<T> {
  const delays = options.retryDelaysMs ?? PRINCIPAL_RETRY_DELAYS_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let waited = 0;
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isPrincipalNotReplicated(error)) throw error;
      if (i >= delays.length) throw new PrincipalNotReplicatedError(i + 1, waited, options.principalName, error);
      options.onWaiting?.(i + 1, delays[i]);
      await sleep(delays[i]);
      waited += delays[i];
    }
  }
}
