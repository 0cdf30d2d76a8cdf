import type { FederatedCredential, IdentityHolder, RoleAssignment, UserAssignedIdentity } from '../core/identities/model';

/** A role definition reduced to what the tree shows. */
export interface RoleDefinitionSummary {
  id: string;
  roleName: string;
  /** "BuiltInRole" or "CustomRole". */
  roleType: string;
}

/** One page of a subscription's resources: those carrying an identity, and the Cosmos DB accounts (whose data-plane
 * role assignments live under the account, not in ARM RBAC). */
export interface ResourcePage {
  holders: IdentityHolder[];
  cosmosAccountIds: string[];
}

/** One subscription's share of a bulk load, keyed by lower-cased subscription id. */
export interface SubscriptionPart {
  identities: UserAssignedIdentity[];
  holders: IdentityHolder[];
  cosmosAccountIds: string[];
  roleAssignments: RoleAssignment[];
}

/** Nothing of the subscription itself: empty, or unreadable to the user — only ARM's lists tell which. */
export function isEmptyPart(p: SubscriptionPart): boolean {
  return p.identities.length + p.holders.length + p.roleAssignments.length + p.cosmosAccountIds.length === 0;
}

/**
 * What the inventory needs from ARM, one method per list, each yielding pages as ARM returns them so the loader can
 * bound concurrency per request. Implemented over the SDK clients in the Azure layer; the loader never sees the SDK.
 */
export interface InventoryReader {
  identityPages(subscriptionId: string, signal?: AbortSignal): AsyncIterable<UserAssignedIdentity[]>;
  /** Every resource of the subscription that carries a managed identity, and its Cosmos DB accounts. */
  resourcePages(subscriptionId: string, signal?: AbortSignal): AsyncIterable<ResourcePage>;
  /** A Cosmos DB account's SQL role assignments, as role assignments with system 'cosmos-sql'. */
  cosmosSqlRoleAssignmentPages(accountId: string, signal?: AbortSignal): AsyncIterable<RoleAssignment[]>;
  /** All role assignments at, above and below the subscription. */
  roleAssignmentPages(subscriptionId: string, signal?: AbortSignal): AsyncIterable<RoleAssignment[]>;
  federatedCredentialPages(identityId: string, signal?: AbortSignal): AsyncIterable<FederatedCredential[]>;
  /**
   * Many subscriptions of one tenant at once (Azure Resource Graph), each as its three lists above would give it.
   * Optional: without it every subscription loads through its own lists.
   */
  subscriptionParts?(tenantId: string, subscriptionIds: string[], signal?: AbortSignal): Promise<Map<string, SubscriptionPart>>;
  /** An ARM role definition, or a Cosmos DB SQL role definition (…/sqlRoleDefinitions/<guid>), by id. */
  roleDefinition(roleDefinitionId: string, signal?: AbortSignal): Promise<RoleDefinitionSummary>;
}
