import type { OperationState } from '@azure/core-lro';
import type { AzureAccess } from './access';

/**
 * ARM requests through the shared core-client pipeline (bearer token, retries on 429/5xx, the cloud's CA), for what
 * the installed typed clients do not cover well: permissions at any scope, Container Apps' identity spelling
 * ("SystemAssigned,UserAssigned", which arm-resources' generic client rejects before sending), and Cosmos DB SQL
 * role assignments (no lean typed client). Errors are thrown as the SDK's own RestError (code, statusCode).
 */
export interface ArmRequest {
  method: 'GET' | 'PUT' | 'PATCH' | 'DELETE' | 'POST';
  /** A path below the ARM endpoint ("/subscriptions/…") or an absolute URL (nextLink, operation status). */
  path: string;
  apiVersion?: string;
  body?: unknown;
  abortSignal?: AbortSignal;
}

export interface ArmResponse<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string>;
}

export interface LroOptions {
  /** Poll interval when ARM sends no Retry-After (the SDK default is 2 s). */
  intervalInMs?: number;
  onProgress?: (status: string) => void;
}

function urlOf(access: AzureAccess, request: ArmRequest): string {
  if (/^https:\/\//i.test(request.path)) return request.path;
  const base = access.cloud.resourceManagerEndpoint.replace(/\/+$/, '');
  const path = request.path.startsWith('/') ? request.path : `/${request.path}`;
  const sep = path.includes('?') ? '&' : '?';
  return request.apiVersion ? `${base}${path}${sep}api-version=${encodeURIComponent(request.apiVersion)}` : `${base}${path}`;
}

/** One request; a 4xx/5xx answer becomes a RestError carrying ARM's error code and message. */
export async function armSend<T = unknown>(access: AzureAccess, tenantId: string | undefined, request: ArmRequest): Promise<ArmResponse<T>> {
  const sdk = await import('./sdk');
  const client = await access.armClient(tenantId);
  const pipelineRequest = sdk.createPipelineRequest({
    url: urlOf(access, request),
    method: request.method,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    headers: sdk.createHttpHeaders({ 'content-type': 'application/json', accept: 'application/json' }),
    abortSignal: request.abortSignal,
  });
  const response: import('@azure/core-client').FullOperationResponse = await client.sendRequest(pipelineRequest);
  const text = response.bodyAsText ?? '';
  // The pipeline's deserialization policy has parsed a JSON body already; parse only what it left.
  let body: unknown = response.parsedBody;
  if (body === undefined && text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (response.status >= 400) {
    const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new sdk.RestError(error?.message ?? `ARM answered ${response.status}.`, {
      code: error?.code ?? String(response.status),
      statusCode: response.status,
      request: pipelineRequest,
      response,
    });
  }
  return { status: response.status, body: body as T, headers: response.headers.toJSON() };
}

/** Every item of a paged list, following nextLink verbatim. */
export async function armList<T>(access: AzureAccess, tenantId: string | undefined, path: string, apiVersion: string): Promise<T[]> {
  const items: T[] = [];
  for await (const page of armPages<T>(access, tenantId, path, apiVersion)) items.push(...page);
  return items;
}

/** A paged list one page at a time (so callers can bound concurrency per request), following nextLink verbatim. */
export async function* armPages<T>(access: AzureAccess, tenantId: string | undefined, path: string, apiVersion: string, abortSignal?: AbortSignal): AsyncIterable<T[]> {
  let next: ArmRequest | undefined = { method: 'GET', path, apiVersion, abortSignal };
  while (next) {
    const page: ArmResponse<{ value?: T[]; nextLink?: string }> = await armSend(access, tenantId, next);
    yield page.body?.value ?? [];
    next = page.body?.nextLink ? { method: 'GET', path: page.body.nextLink, abortSignal } : undefined;
  }
}

/** A write that may be long-running (201/202 + Azure-AsyncOperation/Location): polled with core-lro until done. */
export async function armLongRunning<T = unknown>(access: AzureAccess, tenantId: string | undefined, request: ArmRequest, options: LroOptions = {}): Promise<T | undefined> {
  const { createHttpPoller, RestError } = await import('./sdk');
  const raw = (r: ArmResponse) => ({ flatResponse: r.body, rawResponse: { statusCode: r.status, headers: r.headers, body: r.body } });
  let lastPoll: { status?: string; error?: { code?: string; message?: string } } | undefined;
  const poller = await createHttpPoller<T, OperationState<T>>(
    {
      requestMethod: request.method,
      requestPath: urlOf(access, request),
      sendInitialRequest: async () => raw(await armSend(access, tenantId, request)),
      sendPollRequest: async (path) => {
        const response = await armSend<typeof lastPoll>(access, tenantId, { method: 'GET', path });
        lastPoll = response.body;
        return raw(response);
      },
    },
    { intervalInMs: options.intervalInMs, resourceLocationConfig: request.method === 'PATCH' ? 'location' : undefined },
  );
  if (options.onProgress) poller.onProgress((state) => options.onProgress!(state.status));
  try {
    return await poller.pollUntilDone();
  } catch (error) {
    // core-lro reports a Failed operation as a plain Error; keep ARM's error code so callers can act on it.
    const failed = lastPoll?.status === 'Failed' ? lastPoll.error : undefined;
    if (failed?.code) throw new RestError(failed.message ?? `The operation failed: ${failed.code}.`, { code: failed.code });
    throw error;
  }
}
