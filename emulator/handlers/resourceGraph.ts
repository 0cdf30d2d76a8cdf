import { createHash } from 'node:crypto';
import { apiVersionOf, ok, type HandlerResult, route, type RequestContext, type Route } from '../context.js';
import { ArmError, errors } from '../errors.js';
import { runQuery } from '../graph/evaluate.js';
import type { Row } from '../graph/expressions.js';
import { parseQuery } from '../graph/parser.js';
import { MAX_ROWS, readGraphRequest, type GraphRequest } from '../graph/request.js';
import { GRAPH_COLUMNS, GRAPH_TABLES, type GraphTable } from '../graph/tables.js';
import { errorAt, KqlError } from '../graph/tokens.js';
import type { Subscription } from '../store.js';

/**
 * Azure Resource Graph: POST /providers/Microsoft.ResourceGraph/resources runs a KQL query (the subset in graph/)
 * over the subscriptions named in the body, or over every subscription of the caller's tenant. Rows are only those
 * the caller may read; every answer carries the per-user quota headers; pages continue with $skipToken, which ARG
 * only returns when the rows carry an id.
 */
const API_VERSIONS = ['2024-04-01', '2022-10-01', '2021-03-01'];

/** ARG's error body: code, a support line, and details (extra fields such as ParserFailure's position allowed). */
class GraphError extends ArmError {
  constructor(status: number, code: string, message: string, readonly details: Array<Record<string, unknown>>, headers: Record<string, string> = {}) {
    super(status, code, message, headers);
  }

  override body() {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }
}

function supportLine(ctx: RequestContext): string {
  const correlationId = (ctx.headers['x-ms-correlation-request-id'] as string | undefined) ?? ctx.requestId;
  const timestamp = new Date(ctx.state.now()).toISOString().replace('Z', '0000Z');
  return `Please provide below info when asking for support: timestamp = ${timestamp}, correlationId = ${correlationId}.`;
}

function rateLimited(ctx: RequestContext, headers: Record<string, string>): GraphError {
  return new GraphError(429, 'RateLimiting', supportLine(ctx), [
    { code: 'RateLimiting', message: 'Client application has been throttled and should not attempt to repeat the request until an amount of time has elapsed. Please see https://aka.ms/resourcegraph-throttling for help.' },
  ], headers);
}

function invalidQuery(ctx: RequestContext, error: KqlError): GraphError {
  return new GraphError(400, 'BadRequest', supportLine(ctx), [
    { code: 'InvalidQuery', message: 'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.' },
    { code: 'ParserFailure', message: error.message, line: error.line, characterPositionInLine: error.column, token: error.token },
  ]);
}

// ARG documents no detail code for a skip token sent with another query; this one names the problem plainly.
function invalidSkipToken(ctx: RequestContext): GraphError {
  return new GraphError(400, 'BadRequest', supportLine(ctx), [
    { code: 'InvalidSkipToken', message: 'The $skipToken does not belong to this request: send it with exactly the query and scopes of the request that returned it.' },
  ]);
}

/** A skip token remembers the request it continues (query and scopes), where the next page starts, and its size. */
function fingerprint(request: GraphRequest): string {
  const scopes = JSON.stringify([request.query, request.subscriptions ?? null, request.managementGroups ?? null]);
  return createHash('sha256').update(scopes).digest('base64url').slice(0, 22);
}

function encodeSkipToken(request: GraphRequest, offset: number, size: number): string {
  return Buffer.from(JSON.stringify({ f: fingerprint(request), o: offset, n: size })).toString('base64url');
}

function decodeSkipToken(ctx: RequestContext, request: GraphRequest): { offset: number; size: number } | undefined {
  if (!request.skipToken) return undefined;
  try {
    const token = JSON.parse(Buffer.from(request.skipToken, 'base64url').toString('utf8')) as { f?: unknown; o?: unknown; n?: unknown };
    const { f, o, n } = token;
    if (f === fingerprint(request) && Number.isInteger(o) && (o as number) >= 0 && Number.isInteger(n) && (n as number) >= 1) return { offset: o as number, size: n as number };
  } catch {
    // falls through to the 400
  }
  throw invalidSkipToken(ctx);
}

/** The subscriptions searched: those named (unknown ones and other tenants' simply give no rows), else the tenant's. */
function searchedSubscriptions(ctx: RequestContext, request: GraphRequest): Subscription[] {
  const store = ctx.state.store;
  const tenant = ctx.caller.tenantId.toLowerCase();
  const inTenant = (s: Subscription | undefined): s is Subscription => !!s && s.tenantId.toLowerCase() === tenant;
  if (request.managementGroups) {
    // The emulator models no management groups beyond the tenant root group, whose name is the tenant id.
    const other = request.managementGroups.find((g) => g.toLowerCase() !== tenant);
    if (other) throw errors.badRequest('BadRequest', `Management group '${other}' is not modelled by the emulator: only the tenant root group ('${ctx.caller.tenantId}') is.`);
  }
  if (!request.subscriptions) return [...store.subscriptions.values()].filter(inTenant);
  const unique = new Map(request.subscriptions.map((id) => [id.toLowerCase(), id]));
  return [...unique.values()].map((id) => store.subscription(id)).filter(inTenant);
}

function evaluate(ctx: RequestContext, request: GraphRequest) {
  try {
    const query = parseQuery(request.query);
    const table = query.table.text.toLowerCase() as GraphTable;
    if (!GRAPH_TABLES.includes(table)) throw errorAt(query.table, 'Unknown table', `the emulator has ${GRAPH_TABLES.join(' and ')}`);
    const rows = ctx.state.graphView.rows(ctx.state.store, {
      table, subscriptions: searchedSubscriptions(ctx, request), principalId: ctx.caller.objectId, tenantId: ctx.caller.tenantId,
      now: ctx.state.now(), scopeFilter: request.authorizationScopeFilter,
    });
    return runQuery(query, { columns: GRAPH_COLUMNS, rows });
  } catch (error) {
    if (error instanceof KqlError) throw invalidQuery(ctx, error);
    throw error;
  }
}

/** Pages are stable: by id when the rows have one (and the query set no order), else in evaluation order. */
function byId(rows: Row[]): Row[] {
  const keyed = rows.map((row) => ({ row, key: String(row.id ?? '').toLowerCase() }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.row);
}

function answer(ctx: RequestContext): unknown {
  const request = readGraphRequest(ctx.body);
  const continued = decodeSkipToken(ctx, request);
  const result = evaluate(ctx, request);
  const hasId = result.columns.includes('id');
  const rows = hasId && !result.ordered ? byId(result.rows) : result.rows;
  // $top and $skip override what a skip token carries, as ARG documents.
  const size = request.top ?? continued?.size ?? MAX_ROWS;
  const offset = request.skip ?? continued?.offset ?? 0;
  const data = rows.slice(offset, offset + size);
  const more = offset + data.length < rows.length;
  return {
    totalRecords: rows.length,
    count: data.length,
    resultTruncated: more && !hasId ? 'true' : 'false',
    ...(more && hasId ? { $skipToken: encodeSkipToken(request, offset + data.length, size) } : {}),
    data,
    facets: [],
  };
}

function queryResources(ctx: RequestContext): HandlerResult {
  const apiVersion = apiVersionOf(ctx);
  if (!API_VERSIONS.includes(apiVersion)) {
    throw errors.badRequest('InvalidApiVersionParameter', `The api-version '${apiVersion}' is invalid. The supported versions are '${API_VERSIONS.join(',')}'.`);
  }
  // Every request counts against the caller's quota, pages and failed queries alike.
  const quota = ctx.state.graphQuota.take(ctx.caller.objectId, ctx.state.now());
  if (!quota.allowed) throw rateLimited(ctx, quota.headers);
  try {
    return ok(answer(ctx), 200, quota.headers);
  } catch (error) {
    if (error instanceof ArmError) Object.assign(error.headers, quota.headers);
    throw error;
  }
}

export const resourceGraphRoutes: Route[] = [route('POST', '/providers/Microsoft.ResourceGraph/resources', 'resourceGraph.resources', queryResources)];
