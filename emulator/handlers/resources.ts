import { ok, type HandlerResult, route, type RequestContext, type Route } from '../context.js';
import { errors } from '../errors.js';
import { parseResourceId, type ParsedResourceId } from '../ids.js';
import { page } from '../paging.js';
import { requirePermission } from '../rbac.js';
import type { Resource } from '../store.js';
import { behaviourOf } from './catalog.js';
import { parseResourceFilter } from './filters.js';
import { requireSubscription, visibleTo, writeEnvFor } from './guards.js';
import { applyPatch, applyPut, removeResource, requireBodyObject, setProvisioningState } from './resourceWrites.js';

/** Generic resources: GET/PUT/PATCH/DELETE/HEAD by id for every type, typed lists, and /resources with $filter. */
const readAction = (r: { type: string }) => `${r.type}/read`;

/** The shape /resources lists return: no properties unless expanded. */
function summary(r: Resource) {
  const { id, name, type, location, kind, sku, tags, identity } = r;
  return { id, name, type, ...(location ? { location } : {}), ...(kind ? { kind } : {}), ...(sku ? { sku } : {}), ...(tags ? { tags } : {}), ...(identity ? { identity } : {}) };
}

function parsed(ctx: RequestContext): ParsedResourceId {
  const id = parseResourceId(ctx.path);
  if (!id) throw errors.noRoute(ctx.method, ctx.path);
  return id;
}

/** "Microsoft.ManagedIdentity/userAssignedIdentities/id1/federatedIdentityCredentials/fic" as ARM names it in 404s. */
function qualifiedName(id: ParsedResourceId): string {
  const rest = id.id.split('/').slice(7).join('/');
  return `${id.namespace}/${rest}`;
}

function notFound(id: ParsedResourceId) {
  const qualified = qualifiedName(id);
  const cut = qualified.lastIndexOf('/');
  return errors.resourceNotFound(qualified.slice(0, cut), qualified.slice(cut + 1), id.resourceGroup);
}

/** Subscription, then permission, then resource group, then (for nested types) the parent — ARM's order. */
function locate(ctx: RequestContext, action: string) {
  const id = parsed(ctx);
  const subscription = requireSubscription(ctx, id.subscriptionId);
  requirePermission(ctx.state.store, ctx.caller, `${behaviourOf(id.type)?.type ?? id.type}/${action}`, id.id);
  if (!ctx.state.store.resourceGroup(id.subscriptionId, id.resourceGroup)) throw errors.resourceGroupNotFound(id.resourceGroup);
  return { id, subscription, existing: ctx.state.store.resource(id.id) };
}

function getById(ctx: RequestContext): HandlerResult {
  const { id, existing } = locate(ctx, 'read');
  if (!existing) throw notFound(id);
  return ok(existing);
}

function headById(ctx: RequestContext): HandlerResult {
  const id = parsed(ctx);
  requireSubscription(ctx, id.subscriptionId);
  return { status: ctx.state.store.resource(id.id) ? 204 : 404 };
}

function putById(ctx: RequestContext): HandlerResult {
  const { id, subscription, existing } = locate(ctx, 'write');
  if (id.nested && !ctx.state.store.resource(id.parentId)) {
    throw errors.parentResourceNotFound(qualifiedName(parseResourceId(id.parentId)!));
  }
  const env = writeEnvFor(ctx, subscription);
  const behaviour = behaviourOf(id.type);
  if (behaviour?.asyncFailure) behaviour.validate?.(env, requireBodyObject(ctx.body), existing, id);
  const failure = behaviour?.asyncFailure?.(env, requireBodyObject(ctx.body));
  if (failure) {
    const headers = ctx.state.lro.start(ctx, id.subscriptionId, id.namespace, 'global', () => {}, true, undefined, failure);
    return { status: 202, headers };
  }
  const resource = applyPut(env, id, ctx.body, existing);
  const status = existing ? 200 : 201;
  const lro = behaviourOf(resource.type)?.lro?.put;
  if (!lro) return ok(resource, status);
  setProvisioningState(resource, existing ? 'Updating' : 'Creating');
  const finish = () => {
    const current = ctx.state.store.resource(resource.id);
    if (current) setProvisioningState(current, 'Succeeded');
  };
  const headers = ctx.state.lro.start(ctx, id.subscriptionId, id.namespace, resource.location ?? 'global', finish, lro === 'accepted202');
  return lro === 'accepted202' ? { status: 202, headers } : ok(resource, status, headers);
}

function patchById(ctx: RequestContext): HandlerResult {
  const { id, subscription, existing } = locate(ctx, 'write');
  if (!existing) throw notFound(id);
  const resource = applyPatch(writeEnvFor(ctx, subscription), id, ctx.body, existing);
  const lro = behaviourOf(resource.type)?.lro?.patch;
  if (!lro) return ok(resource);
  setProvisioningState(resource, 'Updating');
  const finish = () => {
    const current = ctx.state.store.resource(resource.id);
    if (current) setProvisioningState(current, 'Succeeded');
  };
  const headers = ctx.state.lro.start(ctx, id.subscriptionId, id.namespace, resource.location ?? 'global', finish, lro === 'accepted202', resource.id);
  return lro === 'accepted202' ? { status: 202, headers } : ok(resource, 200, headers);
}

function deleteById(ctx: RequestContext): HandlerResult {
  const { id, subscription, existing } = locate(ctx, 'delete');
  if (!existing) return { status: 204 };
  const env = writeEnvFor(ctx, subscription);
  if (!behaviourOf(existing.type)?.lro?.delete) {
    removeResource(env, existing);
    return { status: 200 };
  }
  setProvisioningState(existing, 'Deleting');
  const headers = ctx.state.lro.start(ctx, id.subscriptionId, id.namespace, existing.location ?? 'global', () => removeResource(env, existing), true);
  return { status: 202, headers };
}

/** GET .../providers/{ns}/{type} (in a group) or .../{type}/{name}/{childType} (children of a resource). */
function listInGroup(ctx: RequestContext): HandlerResult {
  const segments = ctx.params.rest.split('/').filter(Boolean);
  const { subscriptionId, resourceGroupName, namespace } = ctx.params;
  requireSubscription(ctx, subscriptionId);
  const groupId = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}`;
  const parentId = segments.length === 1 ? groupId : `${groupId}/providers/${namespace}/${segments.slice(0, -1).join('/')}`;
  const typeSegments = segments.filter((_, i) => i % 2 === 0);
  const type = `${namespace}/${typeSegments.join('/')}`.toLowerCase();
  const store = ctx.state.store;
  if (!store.resourceGroup(subscriptionId, resourceGroupName)) throw errors.resourceGroupNotFound(resourceGroupName);
  if (segments.length > 1 && !store.resource(parentId)) throw notFound(parseResourceId(parentId)!);
  const items = store.childrenOf(parentId).filter((r) => r.type.toLowerCase() === type);
  const visible = visibleTo(ctx, `${behaviourOf(type)?.type ?? type}/read`, parentId, items, readAction);
  return ok(page(ctx, visible));
}

function listBySubscriptionAndType(ctx: RequestContext): HandlerResult {
  const { subscriptionId, namespace, type } = ctx.params;
  requireSubscription(ctx, subscriptionId);
  const fullType = `${namespace}/${type}`;
  const items = ctx.state.store.topLevelResources(subscriptionId, fullType);
  return ok(page(ctx, visibleTo(ctx, `${behaviourOf(fullType)?.type ?? fullType}/read`, `/subscriptions/${subscriptionId}`, items, readAction)));
}

function listResources(ctx: RequestContext): HandlerResult {
  const { subscriptionId, resourceGroupName } = ctx.params;
  requireSubscription(ctx, subscriptionId);
  const predicate = parseResourceFilter(ctx.query.get('$filter'));
  const store = ctx.state.store;
  let scope = `/subscriptions/${subscriptionId}`;
  let items: Resource[];
  if (resourceGroupName) {
    if (!store.resourceGroup(subscriptionId, resourceGroupName)) throw errors.resourceGroupNotFound(resourceGroupName);
    scope = `${scope}/resourceGroups/${resourceGroupName}`;
    items = store.childrenOf(scope);
  } else {
    items = store.topLevelResources(subscriptionId);
  }
  const visible = visibleTo(ctx, 'Microsoft.Resources/subscriptions/resources/read', scope, items.filter(predicate), readAction);
  return ok(page(ctx, visible.map(summary)));
}

const BY_ID = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{namespace}/{*rest}';

/** Stats names: "virtualMachines.get", "federatedIdentityCredentials.list", "userAssignedIdentities.listByResourceGroup". */
function operationName(verb: string) {
  return (params: Record<string, string>) => {
    const segments = params.rest.split('/').filter(Boolean);
    if (segments.length % 2 === 0) return `${segments[segments.length - 2]}.${verb}`;
    return `${segments[segments.length - 1]}.${segments.length === 1 ? 'listByResourceGroup' : 'list'}`;
  };
}

function byIdOrList(handler: (ctx: RequestContext) => HandlerResult, list?: (ctx: RequestContext) => HandlerResult) {
  return (ctx: RequestContext) => {
    const odd = ctx.params.rest.split('/').filter(Boolean).length % 2 === 1;
    if (odd && list) return list(ctx);
    if (odd) throw errors.noRoute(ctx.method, ctx.path);
    return handler(ctx);
  };
}

export const genericResourceRoutes: Route[] = [
  route('GET', '/subscriptions/{subscriptionId}/resources', 'resources.list', listResources),
  route('GET', '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/resources', 'resources.listByResourceGroup', listResources),
  route('GET', '/subscriptions/{subscriptionId}/providers/{namespace}/{type}', (p) => `${p.type}.listBySubscription`, listBySubscriptionAndType),
  route('GET', BY_ID, operationName('get'), byIdOrList(getById, listInGroup)),
  route('HEAD', BY_ID, operationName('checkExistence'), byIdOrList(headById)),
  route('PUT', BY_ID, operationName('createOrUpdate'), byIdOrList(putById)),
  route('PATCH', BY_ID, operationName('update'), byIdOrList(patchById)),
  route('DELETE', BY_ID, operationName('delete'), byIdOrList(deleteById)),
];
