import type { FederatedCredential } from '../core/identities/model';
import { parseResourceId } from '../core/identities/resourceId';
import type { InventoryReader, RoleDefinitionSummary } from '../inventory/reader';
import type { AzureAccess, SubscriptionRef } from './access';
import { armSend } from './armRest';
import { COSMOS_API, cosmosSqlRoleAssignmentPages } from './cosmosRoles';
import { graphLoad } from './inventoryGraph';
import { cosmosAccountId, toAssignment, toHolder, toIdentity } from './inventoryShapes';
import { GraphQuota } from './resourceGraph';

// SDK shapes, as types only (the SDK itself loads lazily through AzureAccess).
type SdkCredential = import('@azure/arm-msi').FederatedIdentityCredential;

/**
 * The inventory's reads over the real SDK clients: every list is walked page by page (byPage) so the loader can
 * bound concurrency per request, and SDK objects become model shapes here, once. The SDK pipeline retries 429/503 and
 * dropped connections; when its retries are spent the page throws and the whole subscription fails (never a short list).
 */
export interface InventoryReaderOptions {
  /** Load many subscriptions at once through Azure Resource Graph (default true); false: ARM lists only. */
  resourceGraph?: boolean;
}

export function createInventoryReader(access: AzureAccess, tenantOf: (subscriptionId: string) => string | undefined, options: InventoryReaderOptions = {}): InventoryReader {
  const ref = (subscriptionId: string): SubscriptionRef => {
    const tenantId = tenantOf(subscriptionId);
    if (!tenantId) throw new Error(`Subscription ${subscriptionId} is not among the listed subscriptions.`);
    return { subscriptionId, tenantId };
  };

  // ARG's quota is the user's, per tenant signed in to: one gate per tenant.
  const quotas = new Map<string, GraphQuota>();
  const quotaOf = (tenantId: string) => {
    let quota = quotas.get(tenantId.toLowerCase());
    if (!quota) quotas.set(tenantId.toLowerCase(), (quota = new GraphQuota()));
    return quota;
  };

  return {
    ...(options.resourceGraph === false
      ? {}
      : { loadInBulk: (tenantId: string, ids: string[], signal?: AbortSignal) => graphLoad(access, tenantId, ids, quotaOf(tenantId), signal) }),
    async *identityPages(subscriptionId, signal) {
      const client = await access.msiClient(ref(subscriptionId));
      for await (const page of client.userAssignedIdentities.listBySubscription({ abortSignal: signal }).byPage()) {
        yield page.flatMap((i) => (i.id ? [toIdentity({ ...i, id: i.id })] : []));
      }
    },
    async *resourcePages(subscriptionId, signal) {
      const client = await access.resourcesClient(ref(subscriptionId));
      for await (const page of client.resources.list({ abortSignal: signal }).byPage()) {
        yield {
          holders: page.flatMap((r) => toHolder(r) ?? []),
          cosmosAccountIds: page.flatMap((r) => cosmosAccountId(r) ?? []),
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

function toCredential(c: SdkCredential): FederatedCredential {
  return { id: c.id!, name: c.name ?? '', issuer: c.issuer ?? '', subject: c.subject ?? '', audiences: c.audiences ?? [] };
}
