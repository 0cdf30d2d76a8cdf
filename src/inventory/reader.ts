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
  /** An ARM role definition, or a Cosmos DB SQL role definition (…/sqlRoleDefinitions/<guid>), by id. */
  roleDefinition(roleDefinitionId: string, signal?: AbortSignal): Promise<RoleDefinitionSummary>;
}
