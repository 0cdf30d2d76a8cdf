import { randomUUID } from 'node:crypto';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate } from './auth.js';
import type { EmulatorState, HandlerResult, RequestContext } from './context.js';
import { ArmError, errors } from './errors.js';
import type { FaultDecision, FaultInjector } from './faults.js';
import { normalizePath } from './ids.js';
import { matchRoute } from './routes.js';

/** A request as a client sent it, so that a benchmark can replay the same workload. The caller's tenant stands in
 *  for its token, which is never kept. */
export interface JournalEntry {
  method: string;
  url: string;
  body: unknown;
  tenantId: string;
}

export class RequestStats {
  total = 0;
  byOperation: Record<string, number> = {};
  /** Authenticated requests since the last reset, in arrival order; only when the emulator was asked to keep them. */
  readonly journal: JournalEntry[] | undefined;
  constructor(options: { journal?: boolean } = {}) {
    this.journal = options.journal ? [] : undefined;
  }
  count(operation: string): void {
    this.total += 1;
    this.byOperation[operation] = (this.byOperation[operation] ?? 0) + 1;
  }
  snapshot(): { total: number; byOperation: Record<string, number> } {
    return { total: this.total, byOperation: { ...this.byOperation } };
  }
  reset(): void {
    this.total = 0;
    this.byOperation = {};
    this.journal?.splice(0);
  }
}

export interface ServerParts {
  key: string;
  cert: string;
  state: EmulatorState;
  faults: FaultInjector;
  stats: RequestStats;
  baseUrl: () => string;
}

/** Middleware order: request id → faults → auth → route. */
export function createArmServer(parts: ServerParts): https.Server {
  const server = https.createServer({ key: parts.key, cert: parts.cert }, (req, res) => {
    handle(parts, req, res).catch((error) => {
      if (!res.headersSent) send(res, { status: 500, body: { error: { code: 'InternalServerError', message: String(error?.message ?? error) } } });
    });
  });
  server.keepAliveTimeout = 5000;
  return server;
}

async function handle(parts: ServerParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // 1. Request id (every answer carries one, as ARM's do).
  const requestId = randomUUID();
  const correlation = (req.headers['x-ms-correlation-request-id'] as string | undefined) ?? requestId;
  res.setHeader('x-ms-request-id', requestId);
  res.setHeader('x-ms-correlation-request-id', correlation);
  const method = (req.method ?? 'GET').toUpperCase();
  res.setHeader(method === 'GET' || method === 'HEAD' ? 'x-ms-ratelimit-remaining-subscription-reads' : 'x-ms-ratelimit-remaining-subscription-writes', method === 'GET' ? '11999' : '1199');

  // Split by hand: the SDKs send "//subscriptions/..." which URL parsing would read as a host name.
  const raw = req.url ?? '/';
  const queryAt = raw.indexOf('?');
  const path = normalizePath(queryAt >= 0 ? raw.slice(0, queryAt) : raw);
  if (path.toLowerCase() === '/__emulator/stats') return send(res, { status: 200, body: parts.stats.snapshot() });

  const query = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(queryAt >= 0 ? raw.slice(queryAt + 1) : '')) query.set(name.toLowerCase(), value);
  const match = matchRoute(method, path);
  parts.stats.count(match ? `${method} ${match.operation}` : `${method} unmatched`);

  // 2. Faults. Latency is ARM's response time: the answer leaves no sooner than latencyMs after the request came,
  // and the emulator's own work happens within that time, as Azure's servers work in parallel while one thread here
  // cannot (so the emulator's CPU time is not added to every request's).
  const answerAt = performance.now() + parts.faults.latencyMs;
  const fault = parts.faults.decide();
  const result = fault === 'drop' ? 'drop' : serialize(await answer(parts, req, { method, path, query, match, requestId }, fault));
  const wait = answerAt - performance.now();
  if (wait > 0) await delay(wait);
  if (result === 'drop') req.socket.destroy();
  else write(res, result);
}

interface Routed {
  method: string;
  path: string;
  query: Map<string, string>;
  match: ReturnType<typeof matchRoute>;
  requestId: string;
}

async function answer(parts: ServerParts, req: IncomingMessage, { method, path, query, match, requestId }: Routed, fault: FaultDecision): Promise<HandlerResult> {
  try {
    if (fault === 'throttle') throw errors.throttled(parts.faults.retryAfterSeconds);
    if (fault === 'serverError') throw errors.serviceUnavailable();

    // 3. Auth.
    const caller = authenticate(parts.state.store, req.headers.authorization, parts.state.now());
    const body = await readJson(req);
    parts.stats.journal?.push({ method, url: req.url ?? '/', body, tenantId: caller.tenantId });

    // 4. Route.
    if (!match) throw errors.noRoute(method, path);
    if (!query.has('api-version')) throw errors.missingApiVersion();
    const ctx: RequestContext = {
      method, path, query, headers: req.headers, body, caller, requestId,
      baseUrl: parts.baseUrl(), pageSize: parts.state.pageSize, params: match.params, state: parts.state,
    };
    return match.route.handler(ctx);
  } catch (error) {
    if (error instanceof ArmError) return { status: error.status, body: error.body(), headers: error.headers };
    throw error;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw errors.invalidRequestContent((error as Error).message);
  }
}

type Serialized = HandlerResult & { payload?: string };

function serialize(result: HandlerResult): Serialized {
  if (result.body === undefined || result.status === 204) return result;
  return { ...result, payload: JSON.stringify(result.body) };
}

function send(res: ServerResponse, result: HandlerResult): void {
  write(res, serialize(result));
}

function write(res: ServerResponse, result: Serialized): void {
  for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
  res.setHeader('Cache-Control', 'no-cache');
  if (result.payload === undefined) {
    res.writeHead(result.status);
    res.end();
    return;
  }
  res.writeHead(result.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(result.payload) });
  res.end(result.payload);
}
