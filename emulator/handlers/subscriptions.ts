import { ok, route, type RequestContext, type Route } from '../context.js';
import { errors } from '../errors.js';
import { isAtOrAbove } from '../ids.js';
import { page } from '../paging.js';
import { requirePermission } from '../rbac.js';
import type { ResourceGroup, Subscription } from '../store.js';
import { ALL_TYPES, LOCATIONS } from './catalog.js';
import { requireSubscription, visibleTo } from './guards.js';
import { normalizeLocation, requireBodyObject } from './resourceWrites.js';

/** Tenants, subscriptions, locations, resource providers and resource groups (Microsoft.Resources). */
function subscriptionView(s: Subscription) {
  return {
    id: `/subscriptions/${s.subscriptionId}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    subscriptionId: s.subscriptionId,
    tenantId: s.tenantId,
    displayName: s.displayName,
    state: s.state,
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
  };
}

/** A subscription is listed when the caller holds any role assignment in it (or above it). */
function canSee(ctx: RequestContext, s: Subscription): boolean {
  const scope = `/subscriptions/${s.subscriptionId}`;
  return ctx.state.store.roleAssignmentsOf(ctx.caller.objectId).some((a) => isAtOrAbove(a.scope, scope) || isAtOrAbove(scope, a.scope));
}

function listSubscriptions(ctx: RequestContext) {
  const tenant = ctx.caller.tenantId.toLowerCase();
  const visible = [...ctx.state.store.subscriptions.values()].filter((s) => s.tenantId.toLowerCase() === tenant && canSee(ctx, s));
  return ok(page(ctx, visible.map(subscriptionView)));
}

function getSubscription(ctx: RequestContext) {
  const s = requireSubscription(ctx, ctx.params.subscriptionId);
  if (!canSee(ctx, s)) throw errors.subscriptionNotFound(ctx.params.subscriptionId);
  return ok(subscriptionView(s));
}

/** Tenants the caller belongs to: the user's home and guest tenants (from the scenario), whatever the token's tenant. */
function listTenants(ctx: RequestContext) {
  const store = ctx.state.store;
  const principal = store.principal(ctx.caller.objectId);
  const memberOf = new Set((principal?.memberOfTenants ?? [...store.tenants.keys()]).map((t) => t.toLowerCase()));
  const tenants = [...store.tenants.values()].filter((t) => memberOf.has(t.tenantId.toLowerCase()));
  return ok(page(ctx, tenants.map((t) => ({
    id: `/tenants/${t.tenantId}`,
    tenantId: t.tenantId,
    countryCode: t.countryCode ?? 'US',
    displayName: t.displayName,
    domains: [t.defaultDomain],
    defaultDomain: t.defaultDomain,
    tenantCategory: 'Home',
    tenantType: 'AAD',
  }))));
}

function listLocations(ctx: RequestContext) {
  requireSubscription(ctx, ctx.params.subscriptionId);
  return ok({ value: LOCATIONS.map((displayName) => ({ id: `/subscriptions/${ctx.params.subscriptionId}/locations/${normalizeLocation(displayName)}`, name: normalizeLocation(displayName), displayName, regionalDisplayName: `(US) ${displayName}`, type: 'Region' })) });
}

const EXTRA_PROVIDER_TYPES: Record<string, Array<{ resourceType: string; apiVersions: string[] }>> = {
  'Microsoft.Authorization': [
    { resourceType: 'roleAssignments', apiVersions: ['2022-04-01', '2022-01-01-preview', '2020-10-01-preview', '2015-07-01'] },
    { resourceType: 'roleDefinitions', apiVersions: ['2022-04-01', '2022-05-01-preview', '2018-01-01-preview', '2015-07-01'] },
    { resourceType: 'permissions', apiVersions: ['2022-04-01', '2018-01-01-preview', '2015-07-01'] },
  ],
  'Microsoft.ManagedIdentity': [{ resourceType: 'Identities', apiVersions: ['2024-11-30', '2023-01-31', '2018-11-30'] }],
};

function providerView(subscriptionId: string, namespace: string) {
  const prefix = namespace.toLowerCase() + '/';
  const types = ALL_TYPES.filter((t) => t.type.toLowerCase().startsWith(prefix)).map((t) => ({
    resourceType: t.type.slice(prefix.length),
    locations: t.tracked ? LOCATIONS : [],
    apiVersions: t.apiVersions,
    capabilities: 'None',
  }));
  const extraKey = Object.keys(EXTRA_PROVIDER_TYPES).find((k) => k.toLowerCase() === namespace.toLowerCase());
  const extra = extraKey ? EXTRA_PROVIDER_TYPES[extraKey].map((t) => ({ ...t, locations: [], capabilities: 'None' })) : [];
  const all = [...types, ...extra];
  if (all.length === 0) return undefined;
  const canonical = extraKey ?? ALL_TYPES.find((t) => t.type.toLowerCase().startsWith(prefix))!.type.split('/')[0];
  return { id: `/subscriptions/${subscriptionId}/providers/${canonical}`, namespace: canonical, registrationState: 'Registered', registrationPolicy: 'RegistrationRequired', resourceTypes: all };
}

function listProviders(ctx: RequestContext) {
  requireSubscription(ctx, ctx.params.subscriptionId);
  const namespaces = new Set([...ALL_TYPES.map((t) => t.type.split('/')[0]), ...Object.keys(EXTRA_PROVIDER_TYPES)]);
  return ok(page(ctx, [...namespaces].map((ns) => providerView(ctx.params.subscriptionId, ns)!)));
}

function getProvider(ctx: RequestContext) {
  requireSubscription(ctx, ctx.params.subscriptionId);
  const view = providerView(ctx.params.subscriptionId, ctx.params.namespace);
  if (!view) throw errors.badRequest('InvalidResourceNamespace', `The resource namespace '${ctx.params.namespace}' is invalid.`);
  return ok(view);
}

// Resource groups.
const RG_READ = 'Microsoft.Resources/subscriptions/resourceGroups/read';
const RG_WRITE = 'Microsoft.Resources/subscriptions/resourceGroups/write';
const RG_DELETE = 'Microsoft.Resources/subscriptions/resourceGroups/delete';

function groupView(g: ResourceGroup) {
  return { id: g.id, name: g.name, type: 'Microsoft.Resources/resourceGroups', location: g.location, ...(g.tags ? { tags: g.tags } : {}), properties: { provisioningState: 'Succeeded' } };
}

function findGroup(ctx: RequestContext, action: string): ResourceGroup {
  requireSubscription(ctx, ctx.params.subscriptionId);
  const scope = `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}`;
  requirePermission(ctx.state.store, ctx.caller, action, scope);
  const group = ctx.state.store.resourceGroup(ctx.params.subscriptionId, ctx.params.resourceGroupName);
  if (!group) throw errors.resourceGroupNotFound(ctx.params.resourceGroupName);
  return group;
}

function listGroups(ctx: RequestContext) {
  const { subscriptionId } = ctx.params;
  requireSubscription(ctx, subscriptionId);
  const groups = visibleTo(ctx, RG_READ, `/subscriptions/${subscriptionId}`, ctx.state.store.resourceGroupsOf(subscriptionId), () => RG_READ);
  return ok(page(ctx, groups.map(groupView)));
}

function putGroup(ctx: RequestContext) {
  const { subscriptionId, resourceGroupName } = ctx.params;
  const subscription = requireSubscription(ctx, subscriptionId);
  requirePermission(ctx.state.store, ctx.caller, RG_WRITE, `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}`);
  const body = requireBodyObject(ctx.body);
  if (typeof body.location !== 'string') throw errors.locationRequired();
  const existing = ctx.state.store.resourceGroup(subscriptionId, resourceGroupName);
  const group: ResourceGroup = {
    id: existing?.id ?? `/subscriptions/${subscription.subscriptionId}/resourceGroups/${resourceGroupName}`,
    name: existing?.name ?? resourceGroupName,
    subscriptionId: subscription.subscriptionId,
    location: normalizeLocation(body.location),
    ...(body.tags ? { tags: body.tags as Record<string, string> } : {}),
  };
  ctx.state.store.putResourceGroup(group);
  return ok(groupView(group), existing ? 200 : 201);
}

function patchGroup(ctx: RequestContext) {
  const group = findGroup(ctx, RG_WRITE);
  const body = requireBodyObject(ctx.body);
  if (body.tags !== undefined) group.tags = (body.tags ?? {}) as Record<string, string>;
  return ok(groupView(group));
}

function deleteGroup(ctx: RequestContext) {
  requireSubscription(ctx, ctx.params.subscriptionId);
  requirePermission(ctx.state.store, ctx.caller, RG_DELETE, `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}`);
  const group = ctx.state.store.resourceGroup(ctx.params.subscriptionId, ctx.params.resourceGroupName);
  if (!group) throw errors.resourceGroupNotFound(ctx.params.resourceGroupName);
  const headers = ctx.state.lro.start(ctx, ctx.params.subscriptionId, 'Microsoft.Resources', 'global', () => ctx.state.store.deleteResourceGroup(group), true);
  return { status: 202, headers };
}

function headGroup(ctx: RequestContext) {
  requireSubscription(ctx, ctx.params.subscriptionId);
  return { status: ctx.state.store.resourceGroup(ctx.params.subscriptionId, ctx.params.resourceGroupName) ? 204 : 404 };
}

const RG = '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}';
export const subscriptionRoutes: Route[] = [
  route('GET', '/tenants', 'tenants.list', listTenants),
  route('GET', '/subscriptions', 'subscriptions.list', listSubscriptions),
  route('GET', '/subscriptions/{subscriptionId}', 'subscriptions.get', getSubscription),
  route('GET', '/subscriptions/{subscriptionId}/locations', 'subscriptions.listLocations', listLocations),
  route('GET', '/subscriptions/{subscriptionId}/providers', 'providers.list', listProviders),
  route('GET', '/subscriptions/{subscriptionId}/providers/{namespace}', 'providers.get', getProvider),
  route('GET', '/subscriptions/{subscriptionId}/resourcegroups', 'resourceGroups.list', listGroups),
  route('GET', RG, 'resourceGroups.get', (ctx) => ok(groupView(findGroup(ctx, RG_READ)))),
  route('HEAD', RG, 'resourceGroups.checkExistence', headGroup),
  route('PUT', RG, 'resourceGroups.createOrUpdate', putGroup),
  route('PATCH', RG, 'resourceGroups.update', patchGroup),
  route('DELETE', RG, 'resourceGroups.delete', deleteGroup),
];
