/** ARM throttles bursts per subscription and tenant: Keyless keeps this many requests in flight at most. */
export const DEFAULT_CONCURRENCY = 16;

/**
 * Bounds how many ARM requests are in flight at once. ARM throttles per subscription and per tenant, and a tree over
 * hundreds of subscriptions would otherwise open hundreds of sockets; a fixed pool keeps us just under the limits
 * while still overlapping latency.
 */
export class RequestLimiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly concurrency: number) {
    if (!(concurrency >= 1)) throw new RangeError('concurrency must be at least 1');
  }

  /**
   * Runs the task once a slot is free. Urgent tasks wait at the front of the queue: a role name is one request that
   * many rows wait on, and must not queue behind two hundred credential lists.
   */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal, urgent = false): Promise<T> {
    await this.acquire(signal, urgent);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(signal: AbortSignal | undefined, urgent: boolean): Promise<void> {
    signal?.throwIfAborted();
    if (this.active < this.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        this.active++;
        resolve();
      };
      const onAbort = () => {
        const at = this.waiting.indexOf(grant);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      if (urgent) this.waiting.unshift(grant);
      else this.waiting.push(grant);
    });
  }

  private release(): void {
    this.active--;
    this.waiting.shift()?.();
  }
}
