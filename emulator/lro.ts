import { randomUUID } from 'node:crypto';
import type { RequestContext } from './context.js';

/**
 * Long-running operations the way ARM answers them: the first response carries Azure-AsyncOperation (and, for
 * deletes, Location); polling the operation answers InProgress a set number of times, then Succeeded, and only
 * then applies the completion (provisioningState Succeeded, or the deletion).
 */
export interface LroOperation {
  id: string;
  status: 'InProgress' | 'Succeeded' | 'Failed';
  pollsLeft: number;
  startTime: string;
  endTime?: string;
  complete: () => void;
  /** For a PATCH answered 202: the resource the Location URL returns once done. */
  resultResourceId?: string;
  /** Set when the operation ends Failed (the service accepted the request, then rejected it): ARM's error body. */
  error?: { code: string; message: string };
}

export interface LroOptions {
  /** InProgress answers before Succeeded (default 1). */
  pollsBeforeDone?: number;
  /** Retry-After sent on LRO responses; the SDK waits this long between polls (default 0 so tests stay fast). */
  retryAfterSeconds?: number;
}

export class LroTracker {
  private readonly operations = new Map<string, LroOperation>();
  private readonly pollsBeforeDone: number;
  private readonly retryAfterSeconds: number;

  constructor(options: LroOptions = {}) {
    this.pollsBeforeDone = options.pollsBeforeDone ?? 1;
    this.retryAfterSeconds = options.retryAfterSeconds ?? 0;
  }

  /**
   * Starts an operation and returns the headers of the initial response. With `failure`, the operation ends Failed
   * with that error and nothing is applied (Cosmos DB accepts a SQL role assignment, then fails it asynchronously).
   */
  start(ctx: RequestContext, subscriptionId: string, namespace: string, location: string, complete: () => void, withLocation: boolean, resultResourceId?: string, failure?: { code: string; message: string }): Record<string, string> {
    const id = randomUUID();
    this.operations.set(id, { id, status: 'InProgress', pollsLeft: this.pollsBeforeDone, startTime: new Date(ctx.state.now()).toISOString(), complete, resultResourceId, error: failure });
    if (this.pollsBeforeDone === 0) this.finish(this.operations.get(id)!, ctx);
    const apiVersion = encodeURIComponent(ctx.query.get('api-version') ?? '');
    const base = `${ctx.baseUrl}/subscriptions/${subscriptionId}/providers/${namespace}/locations/${encodeURIComponent(location || 'global')}`;
    const headers: Record<string, string> = {
      'Azure-AsyncOperation': `${base}/operations/${id}?api-version=${apiVersion}`,
      'Retry-After': String(this.retryAfterSeconds),
    };
    if (withLocation) headers.Location = `${base}/operationResults/${id}?api-version=${apiVersion}`;
    return headers;
  }

  /** One poll: counts down, completes when the count is spent. Undefined for an unknown id. */
  poll(ctx: RequestContext, id: string): LroOperation | undefined {
    const operation = this.operations.get(id.toLowerCase()) ?? this.operations.get(id);
    if (!operation) return undefined;
    if (operation.status === 'InProgress') {
      if (operation.pollsLeft <= 0) this.finish(operation, ctx);
      else operation.pollsLeft -= 1;
    }
    return operation;
  }

  retryAfterHeader(): Record<string, string> {
    return { 'Retry-After': String(this.retryAfterSeconds) };
  }

  private finish(operation: LroOperation, ctx: RequestContext): void {
    operation.endTime = new Date(ctx.state.now()).toISOString();
    if (operation.error) {
      operation.status = 'Failed';
      return;
    }
    operation.status = 'Succeeded';
    operation.complete();
  }
}
