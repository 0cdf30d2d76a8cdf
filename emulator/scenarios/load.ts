import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { EVERYONE, type DenyPrincipal } from '../deny.js';
import type { WriteEnv } from '../handlers/catalog.js';
import { applyPut } from '../handlers/resourceWrites.js';
import { lowerId, parseResourceId } from '../ids.js';
import type { ReplicationSettings } from '../replication.js';
import { roleByGuid, roleByName } from '../roles.js';
import type { PrincipalType, Store, Subscription, Tenant } from '../store.js';
import demo from './demo.json';
import { generateScenario, type GenerateOptions } from './generate.js';

/**
 * A scenario is plain data: tenants, users, subscriptions, groups, ARM-shaped resources (identity requests included,
 * as a PUT body would carry them) and role assignments. Principal ids of identities are derived from resource ids,
 * so they are stable across runs; `{"$principalOf": "<resource id>"}` in properties, or `principal` in a role
 * assignment, names an identity's principal without spelling out its GUID.
 */
export interface ScenarioData {
  name?: string;
  /** Emulator behaviour this scenario wants (an EmulatorOptions value still wins). */
  settings?: ReplicationSettings;
  defaultUser: string;
  users: Array<{ objectId: string; displayName: string; userPrincipalName: string; tenants?: string[] }>;
  tenants: Tenant[];
  subscriptions: Subscription[];
  resourceGroups: Array<{ subscriptionId: string; name: string; location: string; tags?: Record<string, string> }>;
  resources: Array<{ id: string; [key: string]: unknown }>;
  roleAssignments: Array<{
    name?: string;
    scope: string;
    /** Role name ("Storage Blob Data Reader") or GUID. */
    role: string;
    principalId?: string;
    /** Resource id whose identity is the principal: a user-assigned identity, or a resource's system identity. */
    principal?: string;
    principalType?: PrincipalType;
    description?: string;
  }>;
  /** Deny assignments (as Azure's own services create them); principals default to Everyone. */
  denyAssignments?: Array<{
    name?: string;
    denyAssignmentName: string;
    description?: string;
    scope: string;
    actions: string[];
    notActions?: string[];
    principals?: DenyPrincipal[];
    excludePrincipals?: DenyPrincipal[];
    doNotApplyToChildScopes?: boolean;
  }>;
}

/** Deterministic GUID (version-4 layout) from a purpose string: realistic-looking and identical on every run. */
export function stableGuid(purpose: string): string {
  const h = hash('sha1', purpose); // one-shot hash: twice as fast as createHash for tens of thousands of ids
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function resolveScenario(scenario: string | object | undefined): ScenarioData {
  if (scenario === undefined || scenario === 'demo') return structuredClone(demo) as unknown as ScenarioData;
  if (typeof scenario === 'string') return readJson(scenario);
  const generate = (scenario as { generate?: GenerateOptions }).generate;
  return generate ? generateScenario(generate) : (scenario as ScenarioData);
}

function readJson(path: string): ScenarioData {
  return JSON.parse(readFileSync(path, 'utf8')) as ScenarioData;
}

function principalOf(store: Store, resourceId: string): string {
  const resource = store.resource(resourceId);
  const id = (resource?.properties?.principalId as string | undefined) ?? resource?.identity?.principalId;
  if (!id) throw new Error(`scenario: ${resourceId} has no identity to act as a principal`);
  return id;
}

function resolvePlaceholders(store: Store, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => resolvePlaceholders(store, v));
  if (value && typeof value === 'object') {
    const ref = (value as { $principalOf?: string }).$principalOf;
    if (typeof ref === 'string') return principalOf(store, ref);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolvePlaceholders(store, v)]));
  }
  return value;
}

/** Loads a scenario into an empty store. Everything created here counts as long replicated (createdAt 0). */
export function loadScenario(store: Store, data: ScenarioData): void {
  for (const tenant of data.tenants) store.addTenant(tenant);
  for (const user of data.users) {
    store.addPrincipal({ id: user.objectId, type: 'User', displayName: user.displayName, userPrincipalName: user.userPrincipalName, tenantId: user.tenants?.[0] ?? data.tenants[0]?.tenantId ?? '', memberOfTenants: user.tenants, createdAt: 0 });
  }
  store.defaultUserId = data.defaultUser;
  for (const subscription of data.subscriptions) store.addSubscription(subscription);
  for (const group of data.resourceGroups) {
    const subscription = store.subscription(group.subscriptionId);
    if (!subscription) throw new Error(`scenario: resource group ${group.name} names unknown subscription ${group.subscriptionId}`);
    store.putResourceGroup({ id: `/subscriptions/${subscription.subscriptionId}/resourceGroups/${group.name}`, name: group.name, location: group.location, subscriptionId: subscription.subscriptionId, tags: group.tags });
  }
  for (const raw of data.resources) {
    const id = parseResourceId(raw.id);
    const subscription = id && store.subscription(id.subscriptionId);
    if (!id || !subscription) throw new Error(`scenario: bad resource id ${raw.id}`);
    const env: WriteEnv = { store, tenantId: subscription.tenantId, now: 0, newGuid: stableGuid };
    const body = raw.properties ? { ...raw, properties: resolvePlaceholders(store, raw.properties) } : raw;
    applyPut(env, id, body, store.resource(raw.id));
  }
  for (const ra of data.roleAssignments) {
    const role = roleByName(ra.role) ?? roleByGuid(ra.role);
    if (!role) throw new Error(`scenario: unknown role ${ra.role}`);
    const principalId = ra.principalId ?? (ra.principal ? principalOf(store, ra.principal) : undefined);
    if (!principalId) throw new Error(`scenario: role assignment at ${ra.scope} has no principal`);
    const name = ra.name ?? stableGuid(`ra|${lowerId(ra.scope)}|${role.name}|${principalId}`);
    const scope = ra.scope === '/' ? '/' : ra.scope;
    store.putRoleAssignment({
      id: `${scope === '/' ? '' : scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
      name, scope, roleGuid: role.name, principalId,
      principalType: ra.principalType ?? store.principal(principalId)?.type ?? 'ServicePrincipal',
      description: ra.description ?? null, condition: null,
      createdOn: '2025-06-02T09:30:00.0000000Z', updatedOn: '2025-06-02T09:30:00.0000000Z', createdBy: data.defaultUser,
    });
  }
  for (const d of data.denyAssignments ?? []) {
    const name = d.name ?? stableGuid(`da|${lowerId(d.scope)}|${d.denyAssignmentName}`);
    store.denyAssignments.push({
      id: `${d.scope === '/' ? '' : d.scope}/providers/Microsoft.Authorization/denyAssignments/${name}`,
      name, denyAssignmentName: d.denyAssignmentName, description: d.description ?? '', scope: d.scope,
      permissions: [{ actions: d.actions, notActions: d.notActions ?? [], dataActions: [], notDataActions: [] }],
      principals: d.principals ?? [{ id: EVERYONE, type: 'SystemDefined' }],
      excludePrincipals: d.excludePrincipals ?? [],
      doNotApplyToChildScopes: d.doNotApplyToChildScopes ?? false,
      isSystemProtected: true,
    });
  }
}
