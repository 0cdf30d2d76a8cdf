import type { AzureAccess } from './access';
import { armSend } from './armRest';

// Azure Resource Graph answers one query over many subscriptions. Sent through armSend — the core-client pipeline
// (bearer token, retries, the cloud's CA) every other call uses — rather than @azure/arm-resourcegraph 5, which would
// bring a second client stack (@azure-rest/core-client) into the bundle for this one POST.
const RESOURCE_GRAPH_API = '2024-04-01';
const PATH = '/providers/Microsoft.ResourceGraph/resources';
/** ARG's largest page. */
const MAX_ROWS = 1000;
/** When ARG throttles without saying for how long, its documented window. */
const DEFAULT_WINDOW_MS = 5000;
const RATE_LIMIT_RETRIES = 3;

export interface GraphRequest {
  query: string;
  subscriptions: string[];
  /** Which authorization resources count as in scope (ARG's default: at the subscriptions and below). */
  authorizationScopeFilter?: 'AtScopeAndBelow' | 'AtScopeAndAbove' | 'AtScopeExact' | 'AtScopeAboveAndBelow';
}

/** ARG returned fewer rows than the query matched and no way to page on: using them would be a half-truth. */
export class GraphResultTruncatedError extends Error {
  constructor() {
    super('Azure Resource Graph truncated the result.');
    this.name = 'GraphResultTruncatedError';
  }
}

/**
 * ARG gives each user a quota of queries per window (15 per 5 s by default; every page counts) and reports what is
 * left in each answer. Queries wait here for the window to reset rather than spend a request on a 429.
 */
export class GraphQuota {
  private remaining = 0;
  private resetsAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      // Past the window nothing is known until the next answer reports the new quota: go.
      if (this.now() >= this.resetsAt) return;
      if (this.remaining > 0) {
        this.remaining--;
        return;
      }
      await delay(this.resetsAt - this.now(), signal);
    }
  }

  /** Reads x-ms-user-quota-remaining and x-ms-user-quota-resets-after ("hh:mm:ss"). */
  update(headers: Record<string, string | undefined>): void {
    const remaining = Number(headers['x-ms-user-quota-remaining']);
    const resetsAfter = parseDuration(headers['x-ms-user-quota-resets-after']);
    if (resetsAfter !== undefined) this.resetsAt = this.now() + resetsAfter;
    if (Number.isFinite(remaining)) this.remaining = remaining;
  }

  /** After a 429: nothing left until the window resets. */
  exhausted(headers: Record<string, string | undefined>): number {
    this.update(headers);
    this.remaining = 0;
    if (this.resetsAt <= this.now()) this.resetsAt = this.now() + DEFAULT_WINDOW_MS;
    return this.resetsAt - this.now();
  }
}

interface GraphResponse<Row> {
  data?: Row[];
  resultTruncated?: string;
  $skipToken?: string;
}

/** Every row of a query, page by page (each page is one query of the quota); throws if ARG truncated the result. */
export async function graphRows<Row>(access: AzureAccess, tenantId: string, request: GraphRequest, quota: GraphQuota, signal?: AbortSignal): Promise<Row[]> {
  const rows: Row[] = [];
  let skipToken: string | undefined;
  do {
    const body = {
      subscriptions: request.subscriptions,
      query: request.query,
      options: {
        $top: MAX_ROWS,
        resultFormat: 'objectArray',
        ...(request.authorizationScopeFilter ? { authorizationScopeFilter: request.authorizationScopeFilter } : {}),
        ...(skipToken ? { $skipToken: skipToken } : {}),
      },
    };
    const page = await sendWithinQuota<GraphResponse<Row>>(access, tenantId, body, quota, signal);
    if (page.resultTruncated === 'true' && !page.$skipToken) throw new GraphResultTruncatedError();
    rows.push(...(page.data ?? []));
    skipToken = page.$skipToken;
  } while (skipToken);
  return rows;
}

async function sendWithinQuota<T>(access: AzureAccess, tenantId: string, body: unknown, quota: GraphQuota, signal?: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    await quota.take(signal);
    try {
      const response = await armSend<T>(access, tenantId, { method: 'POST', path: PATH, apiVersion: RESOURCE_GRAPH_API, body, abortSignal: signal });
      quota.update(response.headers);
      return response.body;
    } catch (error) {
      const e = error as { statusCode?: number; response?: { headers?: { toJSON(): Record<string, string> } } };
      // ARG's own throttling (code RateLimiting) names no Retry-After, so the pipeline did not retry it.
      if (e.statusCode !== 429 || attempt >= RATE_LIMIT_RETRIES) throw error;
      await delay(quota.exhausted(e.response?.headers?.toJSON() ?? {}), signal);
    }
  }
}

function parseDuration(value: string | undefined): number | undefined {
  const m = value ? /^(\d+):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(value.trim()) : null;
  if (!m) return undefined;
  return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + (m[4] ? Number(`0.${m[4]}`) * 1000 : 0);
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, Math.max(0, ms));
    function done() {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }
    function aborted() {
      clearTimeout(timer);
      reject(signal!.reason);
    }
    signal?.addEventListener('abort', aborted, { once: true });
  });
}
