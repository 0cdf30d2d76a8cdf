import { expectedState, identityPatch, parseIdentity, spellingFor, type IdentityChange, type IdentityState } from '../core/identityPatch';
import type { IdentityHolder } from '../core/identities/model';
import { parseResourceId, sameId } from '../core/identities/resourceId';
import { ASSIGNABLE_TYPES } from '../core/identities/resourceKinds';
import type { AzureAccess, SubscriptionRef } from './access';
import { armLongRunning, armSend } from './armRest';

/**
 * Managed identities on VMs, scale sets, App Service / Function apps and Container Apps. Every change is a PATCH
 * (JSON merge-patch, never PUT) in the provider's own spelling, built from a fresh GET, awaited through its
 * long-running operation, and checked against the expected set afterwards. Sent through the shared core-client
 * pipeline because arm-resources' generic updateById rejects Microsoft.App's "SystemAssigned,UserAssigned".
 */
const API_VERSIONS: Record<string, string> = {
  'microsoft.compute/virtualmachines': '2024-07-01',
  'microsoft.compute/virtualmachinescalesets': '2024-07-01',
  'microsoft.web/sites': '2023-12-01',
  'microsoft.app/containerapps': '2024-03-01',
};

function identityApiVersion(resourceType: string): string {
  const version = API_VERSIONS[resourceType.toLowerCase()];
  if (!version) throw new Error(`Keyless cannot change the identity of a ${resourceType} resource.`);
  return version;
}

interface ArmResource {
  id: string;
  name: string;
  type: string;
  location?: string;
  identity?: { type?: string; principalId?: string; tenantId?: string; userAssignedIdentities?: Record<string, unknown> };
}

export function toHolder(resource: ArmResource): IdentityHolder {
  const parsed = parseResourceId(resource.id);
  const state = parseIdentity(resource.identity);
  return {
    id: resource.id,
    name: resource.name,
    type: resource.type,
    subscriptionId: parsed.subscriptionId ?? '',
    resourceGroup: parsed.resourceGroup ?? '',
    location: resource.location ?? '',
    ...(state.system && resource.identity?.principalId ? { systemAssigned: { principalId: resource.identity.principalId, tenantId: resource.identity.tenantId ?? '' } } : {}),
    userAssignedIdentityIds: state.userAssignedIds,
  };
}

export async function readHolder(access: AzureAccess, tenantId: string, resourceId: string): Promise<IdentityHolder> {
  const type = parseResourceId(resourceId).resourceType ?? '';
  const { body } = await armSend<ArmResource>(access, tenantId, { method: 'GET', path: resourceId, apiVersion: identityApiVersion(type) });
  return toHolder(body);
}

function stateOf(holder: IdentityHolder): IdentityState {
  return { system: !!holder.systemAssigned, userAssignedIds: holder.userAssignedIdentityIds };
}

export interface IdentityChangeResult {
  changed: boolean;
  before: IdentityHolder;
  after: IdentityHolder;
}

/** Applies one change; nothing is sent when the resource is already in the wanted state. */
export async function changeHolderIdentity(
  access: AzureAccess,
  tenantId: string,
  resourceId: string,
  change: IdentityChange,
  options: { intervalInMs?: number } = {},
): Promise<IdentityChangeResult> {
  const before = await readHolder(access, tenantId, resourceId);
  const patch = identityPatch(stateOf(before), change, spellingFor(before.type));
  if (!patch) return { changed: false, before, after: before };
  await armLongRunning(access, tenantId, { method: 'PATCH', path: resourceId, apiVersion: identityApiVersion(before.type), body: patch }, options);
  const after = await readHolder(access, tenantId, resourceId);
  const wanted = expectedState(stateOf(before), change);
  const same = wanted.system === !!after.systemAssigned &&
    wanted.userAssignedIds.length === after.userAssignedIdentityIds.length &&
    wanted.userAssignedIds.every((id) => after.userAssignedIdentityIds.some((a) => sameId(a, id)));
  if (!same) throw new Error(`Azure accepted the change to ${before.name} but its identities are not as expected; refresh and check them.`);
  return { changed: true, before, after };
}

/** Resources of the given types in a subscription, with their identity (the /resources list carries it). */
export async function listResourcesOfTypes(access: AzureAccess, subscription: SubscriptionRef, types: readonly string[]): Promise<IdentityHolder[]> {
  const client = await access.resourcesClient(subscription);
  const filter = types.map((t) => `resourceType eq '${t}'`).join(' or ');
  const found: IdentityHolder[] = [];
  for await (const r of client.resources.list({ filter })) {
    if (r.id && r.name && r.type) found.push(toHolder({ id: r.id, name: r.name, type: r.type, location: r.location, identity: r.identity as ArmResource['identity'] }));
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

export function listAssignableResources(access: AzureAccess, subscription: SubscriptionRef): Promise<IdentityHolder[]> {
  return listResourcesOfTypes(access, subscription, ASSIGNABLE_TYPES);
}
