import type { RoleAssignment } from '../core/identities/model';
import { parseResourceId } from '../core/identities/resourceId';
import { roleGuidOf } from '../core/roleAssignmentName';
import { cosmosBuiltInRoleName } from '../core/roles';
import type { AzureAccess, SubscriptionRef } from './access';
import { listResourcesOfTypes } from './computeIdentity';
import { listCosmosSqlRoleAssignments } from './cosmosRoles';
import { listRoleAssignmentsOf, roleNames } from './roleAssignmentWrites';

/**
 * Everything a principal holds in a tenant, for "delete leaves no role assignment behind": ARM role assignments in
 * every given subscription (a listing per subscription also shows those above it, so ids are deduplicated) and
 * Cosmos DB SQL role assignments in every Cosmos account there (data-plane RBAC, invisible to ARM's lists).
 */
export type HeldAssignment = RoleAssignment & { roleName: string; subscriptionId: string };

const COSMOS_ACCOUNT = 'Microsoft.DocumentDB/databaseAccounts';

async function armAssignments(access: AzureAccess, subscription: SubscriptionRef, principalId: string): Promise<HeldAssignment[]> {
  const list = await listRoleAssignmentsOf(access, subscription, principalId);
  const names = await roleNames(access, subscription, list.map((a) => a.roleDefinitionId));
  return list.map((a) => ({ ...a, roleName: names.get(roleGuidOf(a.roleDefinitionId)) ?? 'Unknown role', subscriptionId: parseResourceId(a.scope).subscriptionId ?? subscription.subscriptionId }));
}

async function cosmosAssignments(access: AzureAccess, subscription: SubscriptionRef, principalId: string): Promise<HeldAssignment[]> {
  const accounts = await listResourcesOfTypes(access, subscription, [COSMOS_ACCOUNT]);
  const perAccount = await Promise.all(accounts.map((account) => listCosmosSqlRoleAssignments(access, subscription.tenantId, account.id)));
  return perAccount.flat()
    .filter((a) => a.principalId.toLowerCase() === principalId.toLowerCase())
    .map((a) => ({
      id: a.id, name: a.name, scope: a.scope, roleDefinitionId: a.roleDefinitionId, principalId: a.principalId, system: 'cosmos-sql' as const,
      roleName: cosmosBuiltInRoleName(roleGuidOf(a.roleDefinitionId)) ?? 'Custom Cosmos DB SQL role',
      subscriptionId: subscription.subscriptionId,
    }));
}

/** ARM and Cosmos DB SQL role assignments of one principal across the subscriptions, each listed once. */
export async function listAssignmentsAcrossSubscriptions(access: AzureAccess, subscriptions: SubscriptionRef[], principalId: string): Promise<HeldAssignment[]> {
  const lists = await Promise.all(subscriptions.flatMap((s) => [armAssignments(access, s, principalId), cosmosAssignments(access, s, principalId)]));
  const seen = new Set<string>();
  return lists.flat().filter((a) => {
    const key = a.id.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
