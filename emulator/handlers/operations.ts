import { ok, route, type RequestContext, type Route } from '../context.js';
import { errors } from '../errors.js';

/** Polling endpoints of long-running operations (Azure-AsyncOperation and Location URLs). */
function operationStatus(ctx: RequestContext) {
  const operation = ctx.state.lro.poll(ctx, ctx.params.operationId);
  if (!operation) throw errors.badRequest('OperationNotFound', `The operation '${ctx.params.operationId}' was not found.`);
  return ok(
    { id: ctx.path, name: operation.id, status: operation.status, startTime: operation.startTime, ...(operation.endTime ? { endTime: operation.endTime } : {}), ...(operation.error ? { error: operation.error } : {}) },
    200,
    operation.status === 'InProgress' ? ctx.state.lro.retryAfterHeader() : undefined,
  );
}

function operationResult(ctx: RequestContext) {
  const operation = ctx.state.lro.poll(ctx, ctx.params.operationId);
  if (!operation) throw errors.badRequest('OperationNotFound', `The operation '${ctx.params.operationId}' was not found.`);
  if (operation.status === 'InProgress') return { status: 202, headers: { Location: ctx.baseUrl + ctx.path + '?' + new URLSearchParams([...ctx.query]).toString(), ...ctx.state.lro.retryAfterHeader() } };
  if (operation.error) throw errors.badRequest(operation.error.code, operation.error.message);
  const resource = operation.resultResourceId ? ctx.state.store.resource(operation.resultResourceId) : undefined;
  return resource ? ok(resource) : { status: 204 };
}

const BASE = '/subscriptions/{subscriptionId}/providers/{namespace}/locations/{location}';
export const operationRoutes: Route[] = [
  route('GET', `${BASE}/operations/{operationId}`, 'operations.getStatus', operationStatus),
  route('GET', `${BASE}/operationStatuses/{operationId}`, 'operations.getStatus', operationStatus),
  route('GET', `${BASE}/operationResults/{operationId}`, 'operations.getResult', operationResult),
];
