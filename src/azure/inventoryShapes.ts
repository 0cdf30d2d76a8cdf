import type { IdentityHolder, RoleAssignment, UserAssignedIdentity } from '../core/identities/model';
import { parseResourceId } from '../core/identities/resourceId';

// ARM lists (through the SDK) and Azure Resource Graph rows name these fields alike, so one mapping serves both;
// SDK objects and graph rows become the inventory's own shapes here, once.

export const COSMOS_ACCOUNT_TYPE = 'microsoft.documentdb/databaseaccounts';

/** A Cosmos DB account's id (its SQL role assignments live under the account, not in ARM RBAC), else undefined. */
export function cosmosAccountId(r: { id?: string; type?: string }): string | undefined {
  return r.id && r.type?.toLowerCase() === COSMOS_ACCOUNT_TYPE ? r.id : undefined;
}

export interface IdentityFields {
  id?: string;
  name?: string;
  location?: string;
  tenantId?: string;
  principalId?: string;
  clientId?: string;
}

export interface HolderFields {
  id?: string;
  name?: string;
  type?: string;
  location?: string;
  identity?: { type?: string; principalId?: string; tenantId?: string; userAssignedIdentities?: Record<string, unknown> | null } | null;
}

export interface AssignmentFields {
  id?: string;
  name?: string;
  scope?: string;
  roleDefinitionId?: string;
  principalId?: string;
}

export function toIdentity(i: IdentityFields & { id: string }): UserAssignedIdentity {
  const id = parseResourceId(i.id);
  return {
    id: i.id,
    name: i.name ?? id.name ?? '',
    subscriptionId: id.subscriptionId ?? '',
    resourceGroup: id.resourceGroup ?? '',
    location: i.location ?? '',
    tenantId: i.tenantId ?? '',
    principalId: i.principalId ?? '',
    clientId: i.clientId ?? '',
  };
}

/** A resource with a managed identity on; resources without one (or type "None") are not holders. */
export function toHolder(r: HolderFields): IdentityHolder | undefined {
  const identity = r.identity;
  if (!r.id || !identity?.type || /^none$/i.test(identity.type)) return undefined;
  const id = parseResourceId(r.id);
  const system = /systemassigned/i.test(identity.type) && identity.principalId;
  return {
    id: r.id,
    name: r.name ?? id.name ?? '',
    // The id keeps ARM's casing of the type; Resource Graph lower-cases its type column.
    type: id.resourceType ?? r.type ?? '',
    subscriptionId: id.subscriptionId ?? '',
    resourceGroup: id.resourceGroup ?? '',
    location: r.location ?? '',
    ...(system ? { systemAssigned: { principalId: identity.principalId!, tenantId: identity.tenantId ?? '' } } : {}),
    userAssignedIdentityIds: Object.keys(identity.userAssignedIdentities ?? {}),
  };
}

export function toAssignment(a: AssignmentFields): RoleAssignment | undefined {
  if (!a.id || !a.principalId || !a.roleDefinitionId) return undefined;
  return {
    id: a.id,
    name: a.name ?? '',
    scope: a.scope ?? '',
    roleDefinitionId: a.roleDefinitionId,
    principalId: a.principalId,
  };
}
