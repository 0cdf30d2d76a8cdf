import { sameId } from '../core/identities/resourceId';
import { roleAssignmentName, roleGuidOf } from '../core/roleAssignmentName';
import type { AzureAccess } from './access';
import { armLongRunning, armPages } from './armRest';
import { retryWhileReplicating, type ReplicationRetryOptions } from './principalReplication';

/**
 * Cosmos DB's own data-plane RBAC: SQL role assignments under the account (not ARM role assignments). Same rules as
 * ARM grants: a deterministic name, an existing assignment is success; the PUT and DELETE are long-running (202).
 */
export const COSMOS_API = '2024-08-15';

export interface CosmosSqlRoleAssignment {
  id: string;
  name: string;
  roleDefinitionId: string;
  scope: string;
  principalId: string;
}

interface RawAssignment {
  id?: string;
  name?: string;
  properties?: { roleDefinitionId?: string; scope?: string; principalId?: string };
}

/** An account's SQL role assignments page by page (the inventory bounds its requests per page). */
export async function* cosmosSqlRoleAssignmentPages(access: AzureAccess, tenantId: string, accountId: string, abortSignal?: AbortSignal): AsyncIterable<CosmosSqlRoleAssignment[]> {
  for await (const page of armPages<RawAssignment>(access, tenantId, `${accountId}/sqlRoleAssignments`, COSMOS_API, abortSignal)) {
    yield page.flatMap((a) => {
      const p = a.properties;
      return a.id && p?.principalId && p.roleDefinitionId && p.scope ? [{ id: a.id, name: a.name ?? '', roleDefinitionId: p.roleDefinitionId, scope: p.scope, principalId: p.principalId }] : [];
    });
  }
}

export async function listCosmosSqlRoleAssignments(access: AzureAccess, tenantId: string, accountId: string): Promise<CosmosSqlRoleAssignment[]> {
  const all: CosmosSqlRoleAssignment[] = [];
  for await (const page of cosmosSqlRoleAssignmentPages(access, tenantId, accountId)) all.push(...page);
  return all;
}

export interface CosmosGrant {
  accountId: string;
  /** The account, or a database / container path below it. */
  scope: string;
  principalId: string;
  /** The SQL role definition GUID (built-in: …0001 reader, …0002 contributor). */
  roleGuid: string;
}

/** Accepted, then possibly failed while a new principal replicates: retried like ARM's PrincipalNotFound. */
export async function grantCosmosSqlRole(access: AzureAccess, tenantId: string, grant: CosmosGrant, options: { intervalInMs?: number } & ReplicationRetryOptions = {}): Promise<{ outcome: 'created' | 'exists'; id: string }> {
  const existing = (await listCosmosSqlRoleAssignments(access, tenantId, grant.accountId)).find(
    (a) => a.principalId.toLowerCase() === grant.principalId.toLowerCase() && roleGuidOf(a.roleDefinitionId) === roleGuidOf(grant.roleGuid) && sameId(a.scope, grant.scope),
  );
  if (existing) return { outcome: 'exists', id: existing.id };
  const name = roleAssignmentName(grant.scope, grant.principalId, grant.roleGuid);
  const id = `${grant.accountId}/sqlRoleAssignments/${name}`;
  const put = { method: 'PUT' as const, path: id, apiVersion: COSMOS_API, body: { properties: { roleDefinitionId: `${grant.accountId}/sqlRoleDefinitions/${grant.roleGuid}`, scope: grant.scope, principalId: grant.principalId } } };
  await retryWhileReplicating(() => armLongRunning(access, tenantId, put, { intervalInMs: options.intervalInMs }), options);
  return { outcome: 'created', id };
}

export async function deleteCosmosSqlRoleAssignment(access: AzureAccess, tenantId: string, assignmentId: string, options: { intervalInMs?: number } = {}): Promise<void> {
  await armLongRunning(access, tenantId, { method: 'DELETE', path: assignmentId, apiVersion: COSMOS_API }, options);
}
