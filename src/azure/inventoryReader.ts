import type { FederatedCredential, IdentityHolder, RoleAssignment, UserAssignedIdentity } from '../core/identities/model';
import { parseResourceId } from '../core/identities/resourceId';
import type { InventoryReader, RoleDefinitionSummary } from '../inventory/reader';
import type { AzureAccess, SubscriptionRef } from './access';
import { armSend } from './armRest';
import { COSMOS_API, cosmosSqlRoleAssignmentPages } from './cosmosRoles';

// SDK shapes, as types only (the SDK itself loads lazily through AzureAccess).
type SdkIdentity = import('@azure/arm-msi').Identity;
type SdkCredential = import('@azure/arm-msi').FederatedIdentityCredential;
type SdkResource = import('@azure/arm-resources').GenericResourceExpanded;
type SdkAssignment = import('@azure/arm-authorization').RoleAssignment;
const COSMOS_ACCOUNT_TYPE = 'microsoft.documentdb/databaseaccounts';

/**
 * The inventory's reads over the real SDK clients: every list is walked page by page (byPage) so the loader can
 * bound concurrency per request, and SDK objects become model shapes here, once. The SDK pipeline retries 429/503 and
 * dropped connections; when its retries are spent the page throws and the whole subscription fails (never a short list).
 */
export function createInventoryReader(access: AzureAccess, tenantOf: (subscriptionId: string) => string | undefined): InventoryReader {
  const ref = (subscriptionId: string): SubscriptionRef => {
    const tenantId = tenantOf(subscriptionId);
    if (!tenantId) throw new Error(`Subscription ${subscriptionId} is not among the listed subscriptions.`);
    return { subscriptionId, tenantId };
  };

  return {
    async *identityPages(subscriptionId, signal) {
      const client = await access.msiClient(ref(subscriptionId));
      for await (const page of client.userAssignedIdentities.listBySubscription({ abortSignal: signal }).byPage()) {
        yield page.flatMap((i) => (i.id ? [toIdentity(i)] : []));
      }
    },
    async *resourcePages(subscriptionId, signal) {
      const client = await access.resourcesClient(ref(subscriptionId));
      for await (const page of client.resources.list({ abortSignal: signal }).byPage()) {
        yield {
          holders: page.flatMap((r) => toHolder(r) ?? []),
          cosmosAccountIds: page.flatMap((r) => (r.id && r.type?.toLowerCase() === COSMOS_ACCOUNT_TYPE ? [r.id] : [])),
        };
      }
    },
    async *cosmosSqlRoleAssignmentPages(accountId, signal) {
      const { tenantId } = ref(parseResourceId(accountId).subscriptionId ?? '');
      for await (const page of cosmosSqlRoleAssignmentPages(access, tenantId, accountId, signal)) {
        yield page.map((a) => ({ ...a, system: 'cosmos-sql' as const }));
      }
    },
    async *roleAssignmentPages(subscriptionId, signal) {
      const client = await access.authorizationClient(ref(subscriptionId));
      for await (const page of client.roleAssignments.listForSubscription({ abortSignal: signal }).byPage()) {
        yield page.flatMap((a) => toAssignment(a) ?? []);
      }
    },
    async *federatedCredentialPages(identityId, signal) {
      const id = parseResourceId(identityId);
      if (!id.subscriptionId || !id.resourceGroup || !id.name) throw new Error(`Not a managed identity id: ${identityId}`);
      const client = await access.msiClient(ref(id.subscriptionId));
      for await (const page of client.federatedIdentityCredentials.list(id.resourceGroup, id.name, { abortSignal: signal }).byPage()) {
        yield page.flatMap((c) => (c.id ? [toCredential(c)] : []));
      }
    },
    async roleDefinition(roleDefinitionId, signal): Promise<RoleDefinitionSummary> {
      if (/\/sqlRoleDefinitions\//i.test(roleDefinitionId)) {
        const { tenantId } = ref(parseResourceId(roleDefinitionId).subscriptionId ?? '');
        const { body } = await armSend<{ properties?: { roleName?: string; type?: string } }>(access, tenantId, { method: 'GET', path: roleDefinitionId, apiVersion: COSMOS_API, abortSignal: signal });
        return { id: roleDefinitionId, roleName: body?.properties?.roleName ?? roleDefinitionId.split('/').pop()!, roleType: body?.properties?.type ?? 'CustomRole' };
      }
      // Any subscription of the right tenant can read a definition by id; built-in ones carry the assignment's.
      const subscriptionId = parseResourceId(roleDefinitionId).subscriptionId;
      if (!subscriptionId) throw new Error(`Role definition id without a subscription: ${roleDefinitionId}`);
      const client = await access.authorizationClient(ref(subscriptionId));
      const role = await client.roleDefinitions.getById(roleDefinitionId, { abortSignal: signal });
      return { id: role.id ?? roleDefinitionId, roleName: role.roleName ?? roleDefinitionId.split('/').pop()!, roleType: role.roleType ?? 'CustomRole' };
    },
  };
}

function toIdentity(i: SdkIdentity): UserAssignedIdentity {
  const id = parseResourceId(i.id!);
  return {
    id: i.id!,
    name: i.name ?? id.name ?? '',
    subscriptionId: id.subscriptionId ?? '',
    resourceGroup: id.resourceGroup ?? '',
    location: i.location,
    tenantId: i.tenantId ?? '',
    principalId: i.principalId ?? '',
    clientId: i.clientId ?? '',
    ...(i.tags && Object.keys(i.tags).length > 0 ? { tags: i.tags } : {}),
  };
}

/** A resource with a managed identity on; resources without one (or type "None") are not holders. */
function toHolder(r: SdkResource): IdentityHolder | undefined {
  const identity = r.identity;
  if (!r.id || !identity?.type || /^none$/i.test(identity.type)) return undefined;
  const id = parseResourceId(r.id);
  const system = /systemassigned/i.test(identity.type) && identity.principalId;
  return {
    id: r.id,
    name: r.name ?? id.name ?? '',
    type: r.type ?? id.resourceType ?? '',
    subscriptionId: id.subscriptionId ?? '',
    resourceGroup: id.resourceGroup ?? '',
    location: r.location ?? '',
    ...(system ? { systemAssigned: { principalId: identity.principalId!, tenantId: identity.tenantId ?? '' } } : {}),
    userAssignedIdentityIds: Object.keys(identity.userAssignedIdentities ?? {}),
  };
}

function toAssignment(a: SdkAssignment): RoleAssignment | undefined {
  if (!a.id || !a.principalId || !a.roleDefinitionId) return undefined;
  return {
    id: a.id,
    name: a.name ?? '',
    scope: a.scope ?? '',
    roleDefinitionId: a.roleDefinitionId,
    principalId: a.principalId,
    ...(a.principalType ? { principalType: a.principalType } : {}),
  };
}

function toCredential(c: SdkCredential): FederatedCredential {
  return { id: c.id!, name: c.name ?? '', issuer: c.issuer ?? '', subject: c.subject ?? '', audiences: c.audiences ?? [] };
}
