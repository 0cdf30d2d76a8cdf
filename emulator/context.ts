import type { IncomingHttpHeaders } from 'node:http';
import type { GraphQuota } from './graph/quota.js';
import type { GraphView } from './graph/tables.js';
import type { LroTracker } from './lro.js';
import type { Caller } from './rbac.js';
import type { Store } from './store.js';

/** Everything a handler may use; built once per emulator. */
export interface EmulatorState {
  store: Store;
  lro: LroTracker;
  pageSize: number;
  /** New identities stay invisible to directory lookups this long (see replication.ts). */
  principalNotFoundWindowMs: number;
  /** ARM role assignments sent with principalType succeed inside the window (default true). */
  principalTypeBypassesReplication: boolean;
  /** Azure Resource Graph: the per-user query quota and the (possibly lagging) indexed view queries read. */
  graphQuota: GraphQuota;
  graphView: GraphView;
  now(): number;
}

/** One request after the request-id, fault and auth middleware have run. */
export interface RequestContext {
  method: string;
  /** Normalized: single slashes, no trailing slash, segments decoded. */
  path: string;
  /** Query parameters with decoded, lower-cased names ($filter, api-version, $skiptoken, ...). */
  query: Map<string, string>;
  headers: IncomingHttpHeaders;
  body: unknown;
  caller: Caller;
  requestId: string;
  baseUrl: string;
  pageSize: number;
  params: Record<string, string>;
  state: EmulatorState;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => HandlerResult;

export function ok(body: unknown, status = 200, headers?: Record<string, string>): HandlerResult {
  return { status, body, headers };
}

export function apiVersionOf(ctx: RequestContext): string {
  return ctx.query.get('api-version') ?? '';
}

/** One row of the route table (emulator/routes.ts). */
export interface Route {
  method: string;
  pattern: string;
  /** Stats name, e.g. "userAssignedIdentities.listBySubscription"; a function when it depends on the path. */
  operation: string | ((params: Record<string, string>) => string);
  handler: Handler;
}

export function route(method: string, pattern: string, operation: Route['operation'], handler: Handler): Route {
  return { method, pattern, operation, handler };
}
