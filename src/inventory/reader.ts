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

/** What the tree lists under a subscription: its identities, and its resources that carry one. */
export interface SubscriptionListing {
  identities: UserAssignedIdentity[];
  holders: IdentityHolder[];
}

/** One subscription's listing from a bulk load, with its Cosmos DB accounts (their role assignments load apart). */
export interface BulkListing extends SubscriptionListing {
  cosmosAccountIds: string[];
}

/**
 * Many subscriptions of one tenant loaded at once, keyed by lower-cased subscription id. The listings come first;
 * the role assignments, the largest list and only needed once an identity is expanded, follow. Every subscription
 * asked for has a listing; one with nothing in it (nothing there, or nothing the user may read) has empty lists.
 */
export interface BulkLoad {
  listings: Promise<Map<string, BulkListing>>;
  /** Each subscription's role assignments as ARM's own list gives them (those inherited from above included). */
  roleAssignments: Promise<Map<string, RoleAssignment[]>>;
}

export function isEmptyListing(listing: BulkListing): boolean {
  return listing.identities.length + listing.holders.length + listing.cosmosAccountIds.length === 0;
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
  loadInBulk?(tenantId: string, subscriptionIds: string[], signal?: AbortSignal): BulkLoad;
  /** An ARM role definition, or a Cosmos DB SQL role definition (…/sqlRoleDefinitions/<guid>), by id. */
  roleDefinition(roleDefinitionId: string, signal?: AbortSignal): Promise<RoleDefinitionSummary>;
}
