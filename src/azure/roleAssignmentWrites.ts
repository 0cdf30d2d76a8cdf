import type { RoleAssignment } from '../core/identities/model';
import { sameId } from '../core/identities/resourceId';
import { roleAssignmentName, roleGuidOf } from '../core/roleAssignmentName';
import type { AzureAccess, SubscriptionRef } from './access';
import { PRINCIPAL_RETRY_DELAYS_MS, retryWhileReplicating, type ReplicationRetryOptions } from './principalReplication';

/**
 * ARM role assignments written the safe way: a deterministic name (UUID v5 of scope + principal + role), an explicit
 * principalType (so a just-created identity skips the directory lookup), RoleAssignmentExists read as success, and
 * PrincipalNotFound retried with backoff for up to a minute while a new principal replicates.
 */
export type PrincipalType = 'ServicePrincipal' | 'User' | 'Group';

export interface Grant {
  scope: string;
  principalId: string;
  principalType: PrincipalType;
  /** Role definition GUID or full id. */
  role: string;
}

/** Waits between PrincipalNotFound retries and progress callbacks (see principalReplication.ts). */
export type GrantOptions = ReplicationRetryOptions;

export { PRINCIPAL_RETRY_DELAYS_MS };

export type GrantOutcome = { outcome: 'created' | 'exists'; id: string };

function toModel(a: { id?: string; name?: string; scope?: string; roleDefinitionId?: string; principalId?: string; principalType?: string }): RoleAssignment {
  return { id: a.id ?? '', name: a.name ?? '', scope: a.scope ?? '', roleDefinitionId: a.roleDefinitionId ?? '', principalId: a.principalId ?? '', principalType: a.principalType };
}

function roleDefinitionIdFor(subscriptionId: string, role: string): string {
  return role.includes('/') ? role : `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${role}`;
}

/** Assignments held by a principal at, above and below the subscription. */
export async function listRoleAssignmentsOf(access: AzureAccess, subscription: SubscriptionRef, principalId: string): Promise<RoleAssignment[]> {
  const client = await access.authorizationClient(subscription);
  const found: RoleAssignment[] = [];
  for await (const a of client.roleAssignments.listForSubscription({ filter: `principalId eq '${principalId}'` })) found.push(toModel(a));
  return found;
}

/** The assignment of exactly this role to this principal at exactly this scope, if there is one. */
async function findRoleAssignment(access: AzureAccess, subscription: SubscriptionRef, grant: Grant): Promise<RoleAssignment | undefined> {
  const client = await access.authorizationClient(subscription);
  for await (const a of client.roleAssignments.listForScope(grant.scope, { filter: `principalId eq '${grant.principalId}'` })) {
    if (a.scope && sameId(a.scope, grant.scope) && roleGuidOf(a.roleDefinitionId ?? '') === roleGuidOf(grant.role)) return toModel(a);
  }
  return undefined;
}

export async function createRoleAssignment(access: AzureAccess, subscription: SubscriptionRef, grant: Grant, options: GrantOptions = {}): Promise<GrantOutcome> {
  const existing = await findRoleAssignment(access, subscription, grant);
  if (existing) return { outcome: 'exists', id: existing.id };
  const client = await access.authorizationClient(subscription);
  const name = roleAssignmentName(grant.scope, grant.principalId, grant.role);
  const id = `${grant.scope}/providers/Microsoft.Authorization/roleAssignments/${name}`;
  return retryWhileReplicating(async () => {
    try {
      const created = await client.roleAssignments.create(grant.scope, name, {
        roleDefinitionId: roleDefinitionIdFor(subscription.subscriptionId, grant.role),
        principalId: grant.principalId,
        principalType: grant.principalType,
      });
      return { outcome: 'created' as const, id: created.id ?? id };
    } catch (error) {
      if ((error as { code?: string }).code === 'RoleAssignmentExists') return { outcome: 'exists' as const, id };
      throw error;
    }
  }, options);
}

/** Removes one assignment by id; already gone counts as done. */
export async function deleteRoleAssignment(access: AzureAccess, subscription: SubscriptionRef, assignmentId: string): Promise<void> {
  const client = await access.authorizationClient(subscription);
  await client.roleAssignments.deleteById(assignmentId);
}

/** Role names by definition id, for impact lists and confirmations (one GET per distinct role). */
export async function roleNames(access: AzureAccess, subscription: SubscriptionRef, roleDefinitionIds: string[]): Promise<Map<string, string>> {
  const client = await access.authorizationClient(subscription);
  const names = new Map<string, string>();
  await Promise.all(
    [...new Set(roleDefinitionIds.map(roleGuidOf))].map(async (guid) => {
      try {
        const definition = await client.roleDefinitions.getById(roleDefinitionIdFor(subscription.subscriptionId, guid));
        names.set(guid, definition.roleName ?? guid);
      } catch {
        names.set(guid, guid);
      }
    }),
  );
  return names;
}
