/**
 * ARG's per-user query quota (documented default: 15 queries per 5-second window, every page counting as a query).
 * A window opens with the user's first query and closes windowMs later; what is left and when it resets ride on
 * every answer as x-ms-user-quota-remaining and x-ms-user-quota-resets-after ("hh:mm:ss").
 */
export interface GraphQuotaOptions {
  queries: number;
  windowMs: number;
}

export const DEFAULT_GRAPH_QUOTA: GraphQuotaOptions = { queries: 15, windowMs: 5000 };

export interface QuotaDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

export class GraphQuota {
  private readonly windows = new Map<string, { startedAt: number; used: number }>();

  constructor(private readonly options: GraphQuotaOptions = DEFAULT_GRAPH_QUOTA) {}

  /** Counts one query for the user unless the window's quota is spent. */
  take(userId: string, now: number): QuotaDecision {
    const key = userId.toLowerCase();
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.options.windowMs) {
      window = { startedAt: now, used: 0 };
      this.windows.set(key, window);
    }
    const allowed = window.used < this.options.queries;
    if (allowed) window.used += 1;
    return { allowed, headers: quotaHeaders(this.options.queries - window.used, window.startedAt + this.options.windowMs - now) };
  }
}

/** Whole seconds, rounded up, so a client that waits as told never comes back early. */
function quotaHeaders(remaining: number, resetsInMs: number): Record<string, string> {
  const seconds = Math.ceil(Math.max(0, resetsInMs) / 1000);
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return { 'x-ms-user-quota-remaining': String(Math.max(0, remaining)), 'x-ms-user-quota-resets-after': `${hh}:${mm}:${ss}` };
}
